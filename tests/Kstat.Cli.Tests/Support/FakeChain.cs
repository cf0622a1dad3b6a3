using Kstat.Tree;

namespace Kstat.Cli.Tests.Support;

/// <summary>An in-memory chain of several rounds; it counts reads so tests can check what was read.</summary>
public sealed class FakeChain : IKstatChain
{
    private readonly IReadOnlyList<(KstatHeader Header, KstatReading? Reading)>[] _rounds;
    private int _round;

    public FakeChain(params IReadOnlyList<(KstatHeader Header, KstatReading? Reading)>[] rounds) => _rounds = rounds;

    public List<string> Reads { get; } = [];

    public bool IsDisposed { get; private set; }

    public int Round => _round;

    public bool IsLastRound => _round == _rounds.Length - 1;

    public long ChainId => _round + 1;

    public IReadOnlyList<KstatHeader> Headers => _rounds[_round].Select(k => k.Header).ToList();

    public bool Update()
    {
        if (_round + 1 < _rounds.Length)
        {
            _round++;
        }

        return true;
    }

    public KstatReading Read(KstatHeader header)
    {
        Reads.Add(header.Key);
        foreach (var (h, reading) in _rounds[_round])
        {
            if (h == header)
            {
                return reading ?? throw new KstatNotFoundException(null, header.Key);
            }
        }

        throw new KstatNotFoundException(null, header.Key);
    }

    public void Dispose() => IsDisposed = true;

    public static KstatHeader Header(string module, int instance, string name, string @class = "misc", long crtime = 1_000_000_000) =>
        new(module, instance, name, @class, KstatType.Named, crtime, 0);

    public static KstatReading Reading(long snaptime, params (string Name, KstatValue Value)[] values) =>
        new(snaptime, values.Select(v => new KeyValuePair<string, KstatValue>(v.Name, v.Value)));
}
