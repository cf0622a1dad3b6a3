namespace Kstat.Tree.Tests.Support;

/// <summary>The points of a <see cref="ScriptedChain"/> where a test can park the calling thread.</summary>
public enum ChainPoint
{
    /// <summary>A read began; nothing of the kstat is taken yet.</summary>
    ReadBegins,

    /// <summary>A read took its data (snapshot time and values) and is about to return it.</summary>
    ReadTaken,

    /// <summary>A read found its kstat gone and is about to throw <see cref="KstatNotFoundException"/>.</summary>
    ReadNotFound,

    /// <summary>The chain's headers are being handed out (a tree does this after <see cref="IKstatChain.Update"/>).</summary>
    HeadersTaken,
}

/// <summary>
/// A chain whose every step a test can script: kstats added, removed and re-created between updates, readings that
/// say which kstat they came from, and gates at chosen points (<see cref="ParkOnce"/>) to build an exact interleaving.
/// </summary>
/// <remarks>
/// Each reading holds <c>kid</c> (the kid of the kstat read) and <c>v</c>, a counter of that kstat that grows by one per
/// read from its start value; snapshot times come from one clock that ticks by 10 per read, so a later read has a later
/// snaptime. A kstat's crtime is 1000 × its kid.
/// </remarks>
public sealed class ScriptedChain : IKstatChain
{
    private readonly Lock _lock = new();
    private readonly ChainMembers _members;
    private readonly Dictionary<long, long> _counters = [];
    private readonly List<(ChainPoint Point, Func<KstatHeader?, bool> When, Gate Gate)> _parks = [];
    private long _clock;

    public ScriptedChain(params string[] keys)
    {
        _members = new ChainMembers(_lock);
        foreach (string key in keys)
        {
            Add(key);
        }

        Update();
    }

    public long ChainId => _members.ChainId;

    public IReadOnlyList<KstatHeader> Headers
    {
        get
        {
            Park(ChainPoint.HeadersTaken, null);
            return _members.Headers;
        }
    }

    /// <summary>When set, reads return this instead of the stamped reading (for chains that hand out canned objects).</summary>
    public Func<KstatHeader, KstatReading>? Canned { get; set; }

    public KstatHeader Add(string key, long start = 1)
    {
        lock (_lock)
        {
            var header = _members.Add(key);
            _counters[header.Kid] = start - 1;
            return header;
        }
    }

    public void Remove(string key) => _members.Remove(key);

    /// <summary>Deletes the kstat and creates it again under the same key (new kid and crtime), its counter from <paramref name="start"/>.</summary>
    public KstatHeader Recreate(string key, long start = 1)
    {
        Remove(key);
        return Add(key, start);
    }

    public KstatHeader HeaderOf(string key) => _members.Headers.Single(h => h.Key == key);

    /// <summary>Parks the first thread that reaches <paramref name="point"/> (for a header matching <paramref name="when"/>) at the returned gate.</summary>
    public Gate ParkOnce(ChainPoint point, Func<KstatHeader?, bool>? when = null)
    {
        var gate = new Gate(point.ToString());
        lock (_lock)
        {
            _parks.Add((point, when ?? (_ => true), gate));
        }

        return gate;
    }

    public bool Update() => _members.Update();

    public KstatReading Read(KstatHeader header)
    {
        Park(ChainPoint.ReadBegins, header);
        KstatReading reading;
        lock (_lock)
        {
            if (!_members.Contains(header.Kid))
            {
                reading = null!;
            }
            else
            {
                long value = ++_counters[header.Kid];
                _clock += 10;
                reading = Canned?.Invoke(header) ?? new KstatReading(_clock, [new("kid", header.Kid), new("v", value)]);
            }
        }

        if (reading is null)
        {
            Park(ChainPoint.ReadNotFound, header);
            throw new KstatNotFoundException(null, header.Key);
        }

        Park(ChainPoint.ReadTaken, header);
        return reading;
    }

    public void Dispose()
    {
    }

    private void Park(ChainPoint point, KstatHeader? header)
    {
        Gate? gate = null;
        lock (_lock)
        {
            int at = _parks.FindIndex(p => p.Point == point && p.When(header));
            if (at >= 0)
            {
                gate = _parks[at].Gate;
                _parks.RemoveAt(at);
            }
        }

        gate?.Pass();
    }
}
