using Kstat.Tree;

namespace Kstat.Tree.Tests.Support;

/// <summary>
/// An in-memory chain with libkstat's semantics, for tests: kstats are added, removed and re-created
/// between updates, and every read stamps all values of one kstat with the same generation.
/// </summary>
public sealed class FakeChain : IKstatChain
{
    private readonly Lock _lock = new();
    private readonly List<KstatHeader> _pending = [];
    private IReadOnlyList<KstatHeader> _headers = [];
    private long _nextKid = 1;
    private long _generation;
    private bool _dirty;

    public FakeChain(params string[] keys)
    {
        foreach (var key in keys)
        {
            Add(key);
        }

        Update();
        ChainId = 1;
    }

    public long ChainId { get; private set; }

    public IReadOnlyList<KstatHeader> Headers => Volatile.Read(ref _headers);

    public int Reads => Volatile.Read(ref _reads);

    public int StatsPerKstat { get; set; } = 4;

    public HashSet<string> FailingReads { get; } = new(StringComparer.Ordinal);

    public bool FailNextUpdate { get; set; }

    public bool IsDisposed { get; private set; }

    private int _reads;

    public KstatHeader Add(string key, string @class = "misc")
    {
        lock (_lock)
        {
            var parts = key.Split(':');
            var header = new KstatHeader(parts[0], int.Parse(parts[1]), parts[2], @class, KstatType.Named, 1000 * _nextKid, _nextKid++);
            _pending.Add(header);
            _dirty = true;
            return header;
        }
    }

    public void Remove(string key)
    {
        lock (_lock)
        {
            _pending.RemoveAll(h => h.Key == key);
            _dirty = true;
        }
    }

    public void Recreate(string key)
    {
        Remove(key);
        Add(key);
    }

    public bool Update()
    {
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(IsDisposed, this);
            if (FailNextUpdate)
            {
                FailNextUpdate = false;
                throw new KstatException("kstat_chain_update failed", 11);
            }

            if (!_dirty)
            {
                return false;
            }

            _dirty = false;
            Volatile.Write(ref _headers, _pending.ToArray());
            ChainId++;
            return true;
        }
    }

    public KstatReading Read(KstatHeader header)
    {
        ObjectDisposedException.ThrowIf(IsDisposed, this);
        Interlocked.Increment(ref _reads);
        if (!Headers.Any(h => h.Kid == header.Kid))
        {
            throw new KstatNotFoundException(null, header.Key);
        }

        if (FailingReads.Contains(header.Key))
        {
            throw new KstatException("injected read failure", 5);
        }

        long generation = Interlocked.Increment(ref _generation);
        var values = new List<KeyValuePair<string, KstatValue>>();
        for (int i = 0; i < StatsPerKstat; i++)
        {
            values.Add(new($"s{i}", KstatValue.FromInt64(generation)));
        }

        return new KstatReading(generation * 10, values);
    }

    public void Dispose() => IsDisposed = true;
}
