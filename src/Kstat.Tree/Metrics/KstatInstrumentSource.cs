using System.Diagnostics.Metrics;
using System.Text;

namespace Kstat.Tree;

/// <summary>One instrument of a <see cref="KstatMeter"/>: a statistic of one module, observed on every selected kstat of it.</summary>
internal sealed class KstatInstrumentSource
{
    private readonly Lock _lock = new();
    private readonly KstatTree _tree;
    private readonly Func<KstatInstrumentSource, long> _beginObserve;
    private readonly List<Func<KstatHeader, bool>> _selections = [];
    private KstatLeaf[] _leaves = [];
    private long _leavesGeneration = -1;

    public KstatInstrumentSource(Meter meter, KstatTree tree, string module, string statistic, KstatValue sample, bool isCounter,
                                 Func<KstatInstrumentSource, long> beginObserve)
    {
        _tree = tree;
        _beginObserve = beginObserve;
        Module = module;
        Statistic = statistic;
        IsCounter = isCounter;

        // Times are published in seconds (as Perl shows them); the rest as the integers or doubles they are.
        string name = InstrumentName(module, statistic);
        string description = $"kstat {module}:*:*:{statistic}";
        IsDouble = sample.Kind is KstatValueKind.Double or KstatValueKind.HrTime;
        string? unit = sample.Kind == KstatValueKind.HrTime ? "s" : null;
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

    private List<Measurement<long>> ObserveLong() => Observe(static v => v.IsInteger ? v.ToInt64() : checked((long)v.ToDouble()));

    private List<Measurement<double>> ObserveDouble() => Observe(static v => v.ToDouble());

    private List<Measurement<T>> Observe<T>(Func<KstatValue, T> convert)
        where T : struct
    {
        var measurements = new List<Measurement<T>>();
        KstatLeaf[] leaves;
        try
        {
            leaves = Leaves(_beginObserve(this));
        }
        catch (ObjectDisposedException)
        {
            return measurements; // the tree was disposed before the meter: nothing left to report
        }

        foreach (var leaf in leaves)
        {
            try
            {
                if (leaf.IsValid && leaf.TryGetValue(Statistic, out var value) && IsNumeric(Statistic, value))
                {
                    measurements.Add(new Measurement<T>(convert(value), Tags(leaf)));
                }
            }
            catch (Exception e) when (e is KstatNotFoundException or OverflowException or InvalidCastException or ObjectDisposedException)
            {
                // Removed since the last refresh, a value this instrument's type cannot hold, or a tree disposed meanwhile: skip it.
            }
        }

        return measurements;
    }

    /// <summary>The selected kstats of the module, matched again whenever the chain changed.</summary>
    private KstatLeaf[] Leaves(long generation)
    {
        lock (_lock)
        {
            if (_leavesGeneration != generation)
            {
                _leaves = _tree.TryGetValue(Module, out var module)
                    ? module.Values.SelectMany(i => i.Values).Where(l => _selections.Exists(s => s(l.Header))).ToArray()
                    : [];
                _leavesGeneration = generation;
            }

            return _leaves;
        }
    }

    private static KeyValuePair<string, object?>[] Tags(KstatLeaf leaf) =>
    [
        new("module", leaf.Module),
        new("instance", leaf.Instance),
        new("name", leaf.Name),
    ];
}
