using System.Diagnostics.CodeAnalysis;
using System.Diagnostics.Metrics;
using System.Text;

namespace Kstat.Tree;

/// <summary>One instrument of a <see cref="KstatMeter"/>: a statistic of one module, observed on every selected kstat of it.</summary>
internal sealed class KstatInstrumentSource
{
    private readonly Lock _lock = new();
    private readonly KstatMeter _owner;
    private readonly List<Func<KstatHeader, bool>> _selections = [];

    // Counters only: one monotonic series per kstat key, kept after the kstat vanishes so that one coming back under
    // the same key goes on from its total instead of starting again below it.
    private readonly Dictionary<string, KstatCounterSeries> _series = new(StringComparer.Ordinal);
    private KstatLeaf[] _leaves = [];
    private long _leavesGeneration = -1;

    public KstatInstrumentSource(KstatMeter owner, string module, string statistic, KstatType type, KstatValue sample, bool isCounter)
    {
        _owner = owner;
        Module = module;
        Statistic = statistic;
        IsCounter = isCounter;

        // Times are published in seconds (as Perl shows them); the rest as the integers or doubles they are.
        string name = InstrumentName(module, statistic);
        string description = $"kstat {module}:*:*:{statistic}";
        IsDouble = sample.Kind is KstatValueKind.Double or KstatValueKind.HrTime;
        string? unit = Unit(type, statistic, sample);
        var meter = owner.Meter;
        Instrument = (IsCounter, IsDouble) switch
        {
            (true, true) => meter.CreateObservableCounter(name, ObserveDouble, unit, description),
            (true, false) => meter.CreateObservableCounter(name, ObserveLong, unit, description),
            (false, true) => meter.CreateObservableGauge(name, ObserveDouble, unit, description),
            (false, false) => meter.CreateObservableGauge(name, ObserveLong, unit, description),
        };
    }

    public string Module { get; }

    public string Statistic { get; }

    public bool IsCounter { get; }

    public bool IsDouble { get; }

    public Instrument Instrument { get; }

    /// <summary>Tells whether a statistic can be measured: a number or a time, and not one of the leaf's pseudo keys.</summary>
    public static bool IsNumeric(string statistic, KstatValue value) =>
        statistic is not ("class" or "crtime" or "snaptime") && !value.IsText;

    /// <summary>
    /// The unit in UCUM, as OpenTelemetry names it: <c>s</c> for times (published in seconds), <c>By</c> for the
    /// statistics that count bytes (an I/O kstat's <c>nread</c> and <c>nwritten</c>, and any statistic whose name ends
    /// in <c>bytes</c> or <c>bytes64</c>, such as <c>rbytes64</c>), none for the rest (ticks, pages, events).
    /// </summary>
    public static string? Unit(KstatType type, string statistic, KstatValue sample) =>
        sample.Kind == KstatValueKind.HrTime ? "s"
        : (type == KstatType.Io && statistic is "nread" or "nwritten")
          || statistic.EndsWith("bytes", StringComparison.Ordinal) || statistic.EndsWith("bytes64", StringComparison.Ordinal) ? "By"
        : null;

    /// <summary>The instrument name <c>kstat.module.statistic</c>, with characters OpenTelemetry does not allow in names replaced by <c>_</c>.</summary>
    public static string InstrumentName(string module, string statistic)
    {
        var name = new StringBuilder("kstat.", 6 + module.Length + 1 + statistic.Length);
        Append(name, module);
        name.Append('.');
        Append(name, statistic);
        return name.ToString();

        static void Append(StringBuilder name, string part)
        {
            foreach (char c in part)
            {
                name.Append(char.IsAsciiLetterOrDigit(c) || c is '_' or '.' or '-' or '/' ? c : '_');
            }
        }
    }

    public void Select(Func<KstatHeader, bool> kstats)
    {
        lock (_lock)
        {
            if (!_selections.Contains(kstats))
            {
                _selections.Add(kstats);
                _leavesGeneration = -1;
            }
        }
    }

    // A counter publishes its monotonic total (times in seconds); a gauge its value as read.
    private List<Measurement<long>> ObserveLong() =>
        Observe(static v => v.IsInteger ? v.ToInt64() : checked((long)v.ToDouble()), static series => decimal.ToInt64(series.Total));

    private List<Measurement<double>> ObserveDouble() =>
        Observe(static v => v.ToDouble(), static series => (double)series.InSeconds);

    private List<Measurement<T>> Observe<T>(Func<KstatValue, T> gauge, Func<KstatCounterSeries, T> counter)
        where T : struct
    {
        var measurements = new List<Measurement<T>>();
        KstatLeaf[] leaves;
        try
        {
            leaves = Leaves(_owner.BeginObserve(this));
        }
        catch (ObjectDisposedException)
        {
            return measurements; // the tree was disposed before the meter: nothing left to report
        }

        lock (_lock)
        {
            foreach (var leaf in leaves)
            {
                try
                {
                    if (TryRead(leaf, out var header, out var value))
                    {
                        T measured = IsCounter ? counter(Advance(header, value)) : gauge(value);
                        measurements.Add(new Measurement<T>(measured, Tags(leaf)));
                    }
                }
                catch (Exception e) when (e is OverflowException or InvalidCastException or ObjectDisposedException)
                {
                    // A value this instrument's type cannot hold, or a tree disposed meanwhile: skip it.
                }
            }
        }

        return measurements;
    }

    /// <summary>
    /// Reads the selected kstats that hold no reading yet (new ones, or ones whose first read failed), so that their
    /// failures are counted in the refresh, before any instrument of the collection is observed.
    /// </summary>
    public void ReadNew(long generation)
    {
        foreach (var leaf in Leaves(generation))
        {
            if (leaf.IsValidUnchecked && leaf.HeldReading is null)
            {
                TryReadState(leaf, out _);
            }
        }
    }

    /// <summary>Takes the statistic from the leaf's state, reading the kstat if it is new.</summary>
    private bool TryRead(KstatLeaf leaf, out KstatHeader header, out KstatValue value)
    {
        header = leaf.BoundHeader;
        value = default;
        if (!TryReadState(leaf, out var state))
        {
            return false;
        }

        header = state.Header;
        return state.Reading!.TryGetValue(Statistic, out value) && IsNumeric(Statistic, value);
    }

    /// <summary>
    /// Gets the leaf's state with a reading. A kstat whose read failed in this collection (here or in the refresh's
    /// update) is left out, so its series shows a gap rather than stale values; a new failure is counted.
    /// </summary>
    private bool TryReadState(KstatLeaf leaf, [NotNullWhen(true)] out LeafState? state)
    {
        state = null;
        if (!leaf.IsValidUnchecked || _owner.ReadFailedInThisCollection(leaf.Key))
        {
            return false;
        }

        try
        {
            state = leaf.ReadState();
            return true;
        }
        catch (KstatNotFoundException)
        {
            return false; // removed since the refresh: not an error
        }
        catch (Exception e) when (e is KstatException or IOException or UnauthorizedAccessException)
        {
            _owner.CountReadError(leaf.BoundHeader);
            return false;
        }
    }

    private KstatCounterSeries Advance(KstatHeader header, KstatValue value)
    {
        _series.TryGetValue(header.Key, out var series);
        series = KstatCounterSeries.Advance(series, header, value);
        _series[header.Key] = series;
        return series;
    }

    /// <summary>The selected kstats of the module, matched again whenever the chain changed.</summary>
    private KstatLeaf[] Leaves(long generation)
    {
        lock (_lock)
        {
            if (_leavesGeneration != generation)
            {
                _leaves = _owner.Tree.TryGetValue(Module, out var module)
                    ? module.Values.SelectMany(i => i.Values).Where(l => _selections.Exists(s => s(l.Header))).ToArray()
                    : [];
                _leavesGeneration = generation;
            }

            return _leaves;
        }
    }

    internal static KeyValuePair<string, object?>[] Tags(KstatLeaf leaf) => Tags(leaf.BoundHeader);

    internal static KeyValuePair<string, object?>[] Tags(KstatHeader leaf) =>
    [
        new("module", leaf.Module),
        new("instance", leaf.Instance),
        new("name", leaf.Name),
    ];
}
