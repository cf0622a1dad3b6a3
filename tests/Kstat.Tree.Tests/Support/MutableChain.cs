namespace Kstat.Tree.Tests.Support;

/// <summary>
/// An in-memory chain a test changes between updates, as the kernel would: kstats come and go, values move.
/// It counts reads and updates so tests can see what the tree (or a consumer) asked for.
/// </summary>
public sealed class MutableChain : IKstatChain
{
    private readonly List<KstatHeader> _headers = [];
    private readonly Dictionary<string, Dictionary<string, KstatValue>> _values = new(StringComparer.Ordinal);
    private bool _dirty;
    private long _nextKid = 1;

    public long ChainId { get; private set; } = 1;

    public IReadOnlyList<KstatHeader> Headers => _headers;

    public long SnapTime { get; set; } = 1_000_000_000;

    public int Updates { get; private set; }

    public List<string> Reads { get; } = [];

    /// <summary>The keys whose reads fail (an EIO from the kernel) until removed from the set.</summary>
    public HashSet<string> FailReads { get; } = new(StringComparer.Ordinal);

    /// <summary>When set, the next Update() throws it.</summary>
    public Exception? FailNextUpdate { get; set; }

    public KstatHeader Add(string module, int instance, string name, string @class = "misc", KstatType type = KstatType.Named,
                           params (string Statistic, KstatValue Value)[] values)
    {
        var header = new KstatHeader(module, instance, name, @class, type, CrTime: 5_000_000_000 + _nextKid, Kid: _nextKid++);
        _headers.Add(header);
        _values[header.Key] = values.ToDictionary(v => v.Statistic, v => v.Value, StringComparer.Ordinal);
        _dirty = true;
        return header;
    }

    public void Remove(string key)
    {
        _headers.RemoveAll(h => h.Key == key);
        _values.Remove(key);
        _dirty = true;
    }

    public void Set(string key, string statistic, KstatValue value) => _values[key][statistic] = value;

    public bool Update()
    {
        Updates++;
        if (FailNextUpdate is { } failure)
        {
            FailNextUpdate = null;
            throw failure;
        }

        SnapTime += 1_000_000_000;
        if (!_dirty)
        {
            return false;
        }

        _dirty = false;
        ChainId++;
        return true;
    }

    public KstatReading Read(KstatHeader header)
    {
        Reads.Add(header.Key);
        if (FailReads.Contains(header.Key))
        {
            throw new KstatException($"kstat_read of '{header.Key}' failed: I/O error", 5);
        }

        return _values.TryGetValue(header.Key, out var values) && _headers.Contains(header)
            ? new KstatReading(SnapTime, values)
            : throw new KstatNotFoundException(null, header.Key);
    }

    /// <summary>Marks the current state as the one the tree is built from (the first Update reports no change).</summary>
    public MutableChain Settled()
    {
        _dirty = false;
        return this;
    }

    public void Dispose()
    {
    }
}
