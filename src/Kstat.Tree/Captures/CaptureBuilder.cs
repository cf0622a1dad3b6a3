using System.Collections.Immutable;

namespace Kstat.Tree;

/// <summary>
/// Turns the kstats a reader finds into rounds: types their values, gives each kstat a stable id (a new one when
/// its <c>crtime</c> changes between rounds, as a re-created kstat gets a new <c>ks_kid</c>) and numbers the chain.
/// </summary>
/// <remarks>
/// <para>A reader asks for a kstat (<see cref="Kstat"/>) and adds its statistics to the one <see cref="KstatAccumulator"/>.
/// When the reader moves on to another kstat the builder completes this one (<c>CaptureBuilder.Complete.cs</c>): its
/// statistics become a typed reading and its lines are dropped. A kstat printed again later in the same round is
/// taken up again from what its completion kept, and completed again from all its lines. When the round closes, each
/// kstat, in the order first printed, gets its kid and header.</para>
/// <para>Completing early is what keeps a large capture fast: the statistics as printed never outlive their kstat, so
/// the collector never copies them (keeping a round's statistics to the end of the round made a 100 MB parse over
/// twice as slow).</para>
/// </remarks>
internal sealed partial class CaptureBuilder
{
    private readonly CaptureLineReader _lines;
    private readonly CaptureStrings _strings = new();
    private readonly CaptureSchemas _schemas = new();
    private readonly KstatAccumulator _kstat;
    private readonly Dictionary<KstatId, CaptureKstat> _kstats = []; // every kstat of the capture so far
    private readonly List<CaptureKstat> _round = [];                 // the kstats of the round being read, in the order first printed
    private readonly List<SnapshotRound> _rounds = [];
    private CaptureKstat? _open;                                     // the kstat the accumulator holds
    private string? _timestamp;
    private long _nextKid = 1;

    /// <param name="lines">The reader, for the errors found when a kstat is completed.</param>
    public CaptureBuilder(CaptureLineReader lines)
    {
        _lines = lines;
        _kstat = new KstatAccumulator(_strings);
    }

    /// <inheritdoc cref="CaptureStrings.Intern"/>
    public string Intern(ReadOnlySpan<char> text) => _strings.Intern(text);

    /// <summary>A <c>-T</c> timestamp line: it starts a round (closing the one in progress, if it holds anything).</summary>
    public void Timestamp(string text)
    {
        if (_round.Count > 0 || _timestamp is not null)
        {
            CloseRound();
        }

        _timestamp = text.Trim();
    }

    /// <summary>A round separator (a blank line in <c>-p</c> output): closes the round in progress unless it is empty.</summary>
    public void EndRound()
    {
        if (_round.Count > 0)
        {
            CloseRound();
        }
    }

    /// <summary>Gets a kstat of the round in progress to add statistics to, adding it when it is not there yet.</summary>
    /// <param name="module">The module.</param>
    /// <param name="instance">The instance.</param>
    /// <param name="name">The name.</param>
    /// <param name="repeatStartsRound">When the kstat is already in the round: <see langword="true"/> starts a new round
    /// (human output has no other round marker), <see langword="false"/> adds to it (the last value wins).</param>
    /// <returns>The accumulator, holding the kstat until the next call.</returns>
    public KstatAccumulator Kstat(ReadOnlySpan<char> module, int instance, ReadOnlySpan<char> name, bool repeatStartsRound)
    {
        // Most lines go on with the kstat of the line before: told by its text, without interning its names.
        if (_open is { Id: var open } && !repeatStartsRound && instance == open.Instance && module.SequenceEqual(open.Module) && name.SequenceEqual(open.Name))
        {
            return _kstat; // the next line of the kstat being read
        }

        CompleteOpen();
        var id = new KstatId(_strings.Intern(module), instance, _strings.Intern(name));
        if (!_kstats.TryGetValue(id, out var kstat))
        {
            kstat = new CaptureKstat(id);
            _kstats.Add(id, kstat);
        }
        else if (kstat.Round == _rounds.Count && !repeatStartsRound)
        {
            // Printed earlier in this round: it goes on from what its earlier lines made, as if they were together.
            _kstat.Resume(id, kstat.Completed);
            _open = kstat;
            return _kstat;
        }
        else if (kstat.Round == _rounds.Count)
        {
            CloseRound(); // human output: a kstat printed again starts the next round
        }

        kstat.Round = _rounds.Count;
        _round.Add(kstat);
        _kstat.Reset(id);
        _open = kstat;
        return _kstat;
    }

    /// <summary>Closes the last round and returns them all; a capture with no kstat gives one empty round.</summary>
    public IReadOnlyList<SnapshotRound> Finish()
    {
        if (_round.Count > 0 || _timestamp is not null || _rounds.Count == 0)
        {
            CloseRound();
        }

        return _rounds;
    }

    /// <summary>
    /// Closes the round in progress, even when it is empty (a JSON <c>[]</c>): each kstat, in the order first printed,
    /// gets its header (a kid from the rounds before when its crtime did not change, else a new one), and the chain id
    /// grows when the headers differ from the last round's.
    /// </summary>
    public void CloseRound()
    {
        CompleteOpen();
        var headers = ImmutableArray.CreateBuilder<KstatHeader>(_round.Count);
        var readings = new Dictionary<long, KstatReading?>(_round.Count);
        foreach (var kstat in _round)
        {
            var (id, completed) = (kstat.Id, kstat.Completed);
            var earlier = kstat.EarlierHeader(completed.CrTime);

            // A header that did not change is shared with the round before.
            var header = earlier is not null && earlier.Type == completed.Type && earlier.Class == completed.Class
                ? earlier
                : new KstatHeader(id.Module, id.Instance, id.Name, completed.Class, completed.Type, completed.CrTime, earlier?.Kid ?? _nextKid++);
            kstat.Header = header;
            kstat.TypeSettled = completed.TypeSettled;
            if (!id.Name.StartsWith("kstat_", StringComparison.Ordinal)) // kstat(1) never prints these; a chain leaves them out (IKstatChain).
            {
                headers.Add(header);
                readings[header.Kid] = completed.Reading;
            }
        }

        var round = headers.DrainToImmutable();
        var last = _rounds.Count > 0 ? _rounds[^1] : null;
        long chainId = last is not null && SameHeaders(last.Headers, round) ? last.ChainId : (last?.ChainId ?? 0) + 1;
        _rounds.Add(new SnapshotRound(round, readings, _timestamp, chainId));
        _round.Clear();
        _timestamp = null;
    }

    private void CompleteOpen()
    {
        if (_open is not null)
        {
            _open.Completed = Complete(_kstat, _open);
            _open = null;
        }
    }

    private static bool SameHeaders(ImmutableArray<KstatHeader> before, ImmutableArray<KstatHeader> now) =>
        before.Length == now.Length && new HashSet<KstatHeader>(before).SetEquals(now);
}
