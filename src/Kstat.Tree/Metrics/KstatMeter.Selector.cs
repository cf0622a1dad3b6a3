using System.Diagnostics.Metrics;

namespace Kstat.Tree;

/// <content>Choosing what to publish with kstat(1) selectors: <c>module:instance:name:statistic</c>, globs and <c>/ERE/</c>.</content>
public sealed partial class KstatMeter
{
    /// <summary>Publishes the statistics a kstat(1) selector chooses as observable counters.</summary>
    /// <param name="selector">For example <c>cpu_stat:::/^(user|kernel|idle)$/</c> or <c>link:0:*:rbytes64</c>; an empty field means <c>*</c>.</param>
    /// <returns>The instruments created or extended, one per module and statistic.</returns>
    /// <remarks>Reads the selected kstats once, to learn their statistics' names and types.</remarks>
    /// <exception cref="ArgumentNullException"><paramref name="selector"/> is null.</exception>
    /// <exception cref="FormatException">The selector is malformed.</exception>
    /// <exception cref="InvalidOperationException">A selected statistic is already published as a gauge.</exception>
    /// <exception cref="ObjectDisposedException">The tree is disposed.</exception>
    public IReadOnlyList<Instrument> AddCounters(string selector) => AddCounters(KstatSelector.Parse(selector));

    /// <summary>Publishes the statistics a kstat(1) selector chooses as observable gauges.</summary>
    /// <param name="selector">For example <c>unix:0:system_pages:/^(freemem|availrmem)$/</c>; an empty field means <c>*</c>.</param>
    /// <returns>The instruments created or extended, one per module and statistic.</returns>
    /// <remarks>Reads the selected kstats once, to learn their statistics' names and types.</remarks>
    /// <exception cref="ArgumentNullException"><paramref name="selector"/> is null.</exception>
    /// <exception cref="FormatException">The selector is malformed.</exception>
    /// <exception cref="InvalidOperationException">A selected statistic is already published as a counter.</exception>
    /// <exception cref="ObjectDisposedException">The tree is disposed.</exception>
    public IReadOnlyList<Instrument> AddGauges(string selector) => AddGauges(KstatSelector.Parse(selector));

    /// <summary>Publishes the statistics a selector chooses as observable counters.</summary>
    /// <param name="selector">The kstats (module, instance, name, class) and statistics to publish.</param>
    /// <returns>The instruments created or extended, one per module and statistic.</returns>
    /// <remarks>Reads the selected kstats once, to learn their statistics' names and types.</remarks>
    /// <exception cref="ArgumentNullException"><paramref name="selector"/> is null.</exception>
    /// <exception cref="InvalidOperationException">A selected statistic is already published as a gauge.</exception>
    /// <exception cref="ObjectDisposedException">The tree is disposed.</exception>
    public IReadOnlyList<Instrument> AddCounters(KstatSelector selector)
    {
        ArgumentNullException.ThrowIfNull(selector);
        return Add(selector.Matches, selector.MatchesStatistic, isCounter: true);
    }

    /// <summary>Publishes the statistics a selector chooses as observable gauges.</summary>
    /// <param name="selector">The kstats (module, instance, name, class) and statistics to publish.</param>
    /// <returns>The instruments created or extended, one per module and statistic.</returns>
    /// <remarks>Reads the selected kstats once, to learn their statistics' names and types.</remarks>
    /// <exception cref="ArgumentNullException"><paramref name="selector"/> is null.</exception>
    /// <exception cref="InvalidOperationException">A selected statistic is already published as a counter.</exception>
    /// <exception cref="ObjectDisposedException">The tree is disposed.</exception>
    public IReadOnlyList<Instrument> AddGauges(KstatSelector selector)
    {
        ArgumentNullException.ThrowIfNull(selector);
        return Add(selector.Matches, selector.MatchesStatistic, isCounter: false);
    }
}
