using System.Collections.Frozen;
using System.Collections.Immutable;

namespace Kstat.Tree;

/// <summary>
/// Turns the kstats a reader finds into rounds: types their values, gives each kstat a stable id (a new one when
/// its <c>crtime</c> changes between rounds, as a re-created kstat gets a new <c>ks_kid</c>) and numbers the chain.
/// </summary>
/// <remarks>Memory is the data kept: names are shared between rounds, and so is a kstat's schema when its names repeat.</remarks>
internal sealed class CaptureBuilder(CaptureLineReader lines)
{
    private readonly List<SnapshotRound> _rounds = [];
    private readonly Dictionary<string, KstatAccumulator> _current = new(StringComparer.Ordinal);
    private readonly List<KstatAccumulator> _order = [];
    private readonly Dictionary<string, Identity> _identities = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _strings = new(StringComparer.Ordinal);
    private HashSet<KstatHeader>? _previous;
    private string? _timestamp;
    private long _chainId;
    private long _nextKid = 1;

    /// <summary>Returns one shared instance of a string that repeats (module, name and statistic names).</summary>
    public string Intern(string text)
    {
        if (_strings.TryGetValue(text, out var shared))
        {
            return shared;
        }

        _strings.Add(text, text);
        return text;
    }

    /// <summary>A <c>-T</c> timestamp line: it starts a round (closing the one in progress, if it holds anything).</summary>
    public void Timestamp(string text)
    {
        if (_order.Count > 0 || _timestamp is not null)
        {
            CloseRound();
        }

        _timestamp = text.Trim();
    }

    /// <summary>A round separator (a blank line in <c>-p</c> output): closes the round in progress unless it is empty.</summary>
    public void EndRound()
    {
        if (_order.Count > 0)
        {
            CloseRound();
        }
    }

    /// <summary>Gets a kstat of the round in progress, adding it when it is not there yet.</summary>
    /// <param name="module">The module.</param>
    /// <param name="instance">The instance.</param>
    /// <param name="name">The name.</param>
    /// <param name="repeatStartsRound">When the kstat is already in the round: <see langword="true"/> starts a new round
    /// (human output has no other round marker), <see langword="false"/> adds to it (the last value wins).</param>
    public KstatAccumulator Kstat(string module, int instance, string name, bool repeatStartsRound)
    {
        string key = KstatKey.Format(module, instance, name);
        if (_current.TryGetValue(key, out var found))
        {
            if (!repeatStartsRound)
            {
                return found;
            }

            CloseRound();
        }

        var kstat = new KstatAccumulator(Intern(module), instance, Intern(name));
        _current.Add(key, kstat);
        _order.Add(kstat);
        return kstat;
    }

    /// <summary>Closes the last round and returns them all; a capture with no kstat gives one empty round.</summary>
    public IReadOnlyList<SnapshotRound> Finish()
    {
        if (_order.Count > 0 || _timestamp is not null || _rounds.Count == 0)
        {
            CloseRound();
        }

        return _rounds;
    }

    /// <summary>Closes the round in progress, even when it is empty (a JSON <c>[]</c>).</summary>
    public void CloseRound()
    {
        var headers = ImmutableArray.CreateBuilder<KstatHeader>(_order.Count);
        var readings = new Dictionary<long, KstatReading?>(_order.Count);
        foreach (var kstat in _order)
        {
            var (header, reading) = Complete(kstat);
            if (header.Name.StartsWith("kstat_", StringComparison.Ordinal))
            {
                continue; // kstat(1) never prints these; a chain leaves them out (IKstatChain).
            }

            headers.Add(header);
            readings[header.Kid] = reading;
        }

        var set = new HashSet<KstatHeader>(headers);
        if (_previous is null || !set.SetEquals(_previous))
        {
            _chainId++;
        }

        _previous = set;
        _rounds.Add(new SnapshotRound(headers.DrainToImmutable(), readings.ToFrozenDictionary(), _timestamp, _chainId));
        _current.Clear();
        _order.Clear();
        _timestamp = null;
    }

    private (KstatHeader Header, KstatReading? Reading) Complete(KstatAccumulator kstat)
    {
        long crTime = kstat.CrTime is { } c ? Time(c) : 0;
        long snapTime = kstat.SnapTime is { } s ? Time(s) : 0;
        string key = KstatKey.Format(kstat.Module, kstat.Instance, kstat.Name);

        // Last wins, at the position of the first (KstatReading's rule, applied here to share schemas).
        var index = new Dictionary<string, int>(kstat.Statistics.Count, StringComparer.Ordinal);
        var names = new List<string>(kstat.Statistics.Count);
        var raw = new List<RawStatistic>(kstat.Statistics.Count);
        foreach (var statistic in kstat.Statistics)
        {
            if (index.TryGetValue(statistic.Name, out int at))
            {
                raw[at] = statistic;
            }
            else
            {
                index.Add(statistic.Name, names.Count);
                names.Add(Intern(statistic.Name));
                raw.Add(statistic);
            }
        }

        long kid;
        KstatType type;
        KstatSchema? schema = null;
        if (_identities.TryGetValue(key, out var known) && known.CrTime == crTime)
        {
            kid = known.Kid;

            // The type stays what the first round with data showed, so that values keep their kinds.
            type = kstat.Type ?? (known.TypeSettled ? known.Type : KstatShapes.Infer(kstat.Module, kstat.Name, names));
            schema = known.Schema;
        }
        else
        {
            kid = _nextKid++;
            type = kstat.Type ?? KstatShapes.Infer(kstat.Module, kstat.Name, names);
        }

        var header = new KstatHeader(kstat.Module, kstat.Instance, kstat.Name, Intern(kstat.Class ?? string.Empty), type, crTime, kid);
        KstatReading? reading = null;
        if (kstat.SnapTime is not null || names.Count > 0)
        {
            if (schema is null || !schema.SequenceEqual(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(names)))
            {
                schema = new KstatSchema(names);
            }

            var values = ImmutableArray.CreateBuilder<KstatValue>(raw.Count);
            foreach (var statistic in raw)
            {
                values.Add(Value(header, statistic));
            }

            reading = new KstatReading(snapTime, schema, values.MoveToImmutable());
        }

        bool settled = kstat.Type is not null || names.Count > 0 || (known is not null && known.Kid == kid && known.TypeSettled);
        _identities[key] = new Identity(kid, crTime, type, settled, schema ?? known?.Schema);
        return (header, reading);
    }

    private static KstatValue Value(KstatHeader header, RawStatistic statistic)
    {
        if (statistic.Quoted)
        {
            return KstatValue.FromString(statistic.Text);
        }

        var kind = KstatShapes.KindOf(header.Type, header.Module, header.Name, statistic.Name);
        return kind is { } k ? CaptureValues.As(k, statistic.Text) : CaptureValues.Infer(statistic.Text);
    }

    private long Time(RawStatistic statistic) =>
        CaptureValues.TryParseSeconds(statistic.Text, out long ns)
            ? ns
            : throw lines.Error($"expected {statistic.Name} as seconds (such as 71.231448016 or 0) but found '{Shorten(statistic.Text)}'",
                                statistic.Line, statistic.Column);

    internal static string Shorten(string text) => text.Length <= 40 ? text : string.Concat(text.AsSpan(0, 40), "…");

    private sealed record Identity(long Kid, long CrTime, KstatType Type, bool TypeSettled, KstatSchema? Schema);
}
