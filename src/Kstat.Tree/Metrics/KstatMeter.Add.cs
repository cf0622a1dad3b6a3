using System.Diagnostics.Metrics;

namespace Kstat.Tree;

/// <content>Choosing what to publish: selections of kstats and statistics become counters or gauges.</content>
public sealed partial class KstatMeter
{
    private readonly Dictionary<(string Module, string Statistic), KstatInstrumentSource> _sources = [];

    /// <summary>Publishes the selected statistics as observable counters (monotonic totals: ticks, bytes, operations).</summary>
    /// <param name="kstats">Which kstats, by header (module, instance, name, class); tested without reading.</param>
    /// <param name="statistics">Which statistics of those kstats, by name.</param>
    /// <returns>The instruments created or extended, one per module and statistic.</returns>
    /// <remarks>Reads the kstats that <paramref name="kstats"/> selects, once, to learn their statistics' names and types.
    /// Text statistics are skipped. Adding the same module and statistic again widens the instrument's selection.</remarks>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="InvalidOperationException">A selected statistic is already published as a gauge.</exception>
    /// <exception cref="ObjectDisposedException">The tree is disposed.</exception>
    public IReadOnlyList<Instrument> AddCounters(Func<KstatHeader, bool> kstats, Func<string, bool> statistics) =>
        Add(kstats, statistics, isCounter: true);

    /// <summary>Publishes the selected statistics as observable gauges (levels: free memory, queue lengths, load).</summary>
    /// <param name="kstats">Which kstats, by header (module, instance, name, class); tested without reading.</param>
    /// <param name="statistics">Which statistics of those kstats, by name.</param>
    /// <returns>The instruments created or extended, one per module and statistic.</returns>
    /// <remarks>Reads the kstats that <paramref name="kstats"/> selects, once, to learn their statistics' names and types.
    /// Text statistics are skipped. Adding the same module and statistic again widens the instrument's selection.</remarks>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="InvalidOperationException">A selected statistic is already published as a counter.</exception>
    /// <exception cref="ObjectDisposedException">The tree is disposed.</exception>
    public IReadOnlyList<Instrument> AddGauges(Func<KstatHeader, bool> kstats, Func<string, bool> statistics) =>
        Add(kstats, statistics, isCounter: false);

    private List<Instrument> Add(Func<KstatHeader, bool> kstats, Func<string, bool> statistics, bool isCounter)
    {
        ArgumentNullException.ThrowIfNull(kstats);
        ArgumentNullException.ThrowIfNull(statistics);
        lock (_lock)
        {
            var touched = new List<KstatInstrumentSource>();
            foreach (var leaf in Tree.Leaves())
            {
                if (!kstats(leaf.Header) || !TryRead(leaf, out var reading))
                {
                    continue;
                }

                foreach (var (statistic, value) in reading)
                {
                    if (!statistics(statistic) || !KstatInstrumentSource.IsNumeric(statistic, value))
                    {
                        continue;
                    }

                    var source = GetOrCreate(leaf.Module, statistic, leaf.Type, value, isCounter);
                    source.Select(kstats);
                    if (!touched.Contains(source))
                    {
                        touched.Add(source);
                    }
                }
            }

            return touched.Select(s => s.Instrument).ToList();
        }
    }

    private KstatInstrumentSource GetOrCreate(string module, string statistic, KstatType type, KstatValue sample, bool isCounter)
    {
        if (_sources.TryGetValue((module, statistic), out var source))
        {
            return source.IsCounter == isCounter
                ? source
                : throw new InvalidOperationException(
                    $"'{source.Instrument.Name}' is already published as a {(source.IsCounter ? "counter" : "gauge")}; a statistic is one or the other.");
        }

        source = new KstatInstrumentSource(this, module, statistic, type, sample, isCounter);
        _sources.Add((module, statistic), source);
        return source;
    }

    private static bool TryRead(KstatLeaf leaf, out KstatReading reading)
    {
        try
        {
            reading = leaf.GetReading();
            return true;
        }
        catch (KstatNotFoundException)
        {
            reading = null!; // removed since the chain was walked: nothing to publish
            return false;
        }
    }
}
