using Kstat.Tree;

namespace Kstat.Tree.Tests.Support;

/// <summary>
/// An in-memory chain with libkstat's semantics, for tests: kstats are added, removed and re-created
/// between updates, and every read stamps all values of one kstat with the same generation.
/// </summary>
public sealed class FakeChain : IKstatChain
{
    private readonly Lock _lock = new();
    private readonly ChainMembers _members;
    private readonly long _firstId; // 1 for a chain made empty, so that every chain starts at id 1
    private long _generation;

    public FakeChain(params string[] keys)
    {
        _members = new ChainMembers(_lock);
        foreach (var key in keys)
        {
            Add(key);
        }

        _members.Update();
        _firstId = _members.ChainId == 0 ? 1 : 0;
    }

    public long ChainId => _members.ChainId + _firstId;

    public IReadOnlyList<KstatHeader> Headers => _members.Headers;

    public int Reads => Volatile.Read(ref _reads);

    public int StatsPerKstat { get; set; } = 4;

    public HashSet<string> FailingReads { get; } = new(StringComparer.Ordinal);

    public bool FailNextUpdate { get; set; }

    public bool IsDisposed { get; private set; }

    private int _reads;

    public KstatHeader Add(string key, string @class = "misc") => _members.Add(key, @class);

    public void Remove(string key) => _members.Remove(key);

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

            return _members.Update();
        }
    }

    public KstatReading Read(KstatHeader header)
    {
        ObjectDisposedException.ThrowIf(IsDisposed, this);
        Interlocked.Increment(ref _reads);
        if (!_members.Contains(header.Kid))
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
