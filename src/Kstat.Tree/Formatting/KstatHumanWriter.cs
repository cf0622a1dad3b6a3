using System.Globalization;

namespace Kstat.Tree;

/// <summary>Writes kstats in the default (human) format of the illumos C kstat(1), byte for byte.</summary>
/// <remarks>
/// Per kstat: <c>module: %-30.30s  instance: %-6d</c>, <c>name:   %-30.30s  class:    %-.30s</c>, then one
/// <c>\t%-30s  value</c> row per statistic (<c>crtime</c> and <c>snaptime</c> among them, <c>class</c> only in
/// the header), then an empty line; a kstat with no statistic to print prints nothing. Not thread safe.
/// </remarks>
public sealed class KstatHumanWriter
{
    private const int Width = 30;
    private readonly TextWriter _writer;
    private readonly List<KstatStatistics.Entry> _statistics = [];
    private readonly StatisticOrders _orders = new();

    /// <summary>Initializes a writer.</summary>
    /// <param name="writer">Where to write.</param>
    /// <exception cref="ArgumentNullException"><paramref name="writer"/> is null.</exception>
    public KstatHumanWriter(TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        _writer = writer;
    }

    /// <summary>Writes one kstat: its header, its statistics that pass the filter, and an empty line.</summary>
    /// <param name="record">The kstat; with no reading (a failed read) only <c>crtime</c> is printed.</param>
    /// <param name="statisticFilter">Which statistics to print (pseudo-statistics included), or <c>null</c> for all.</param>
    /// <returns>The number of statistic rows written (0 when nothing was written).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="record"/> is null.</exception>
    public int Write(KstatRecord record, Func<string, bool>? statisticFilter = null)
    {
        var statistics = _statistics;
        KstatStatistics.List(record, includeClass: false, statisticFilter, statistics, _orders);
        if (statistics.Count == 0)
        {
            return 0;
        }

        var header = record.Header;
        _writer.Write("module: ");
        _writer.Write(KstatStatistics.Pad(header.Module, Width, truncate: true));
        _writer.Write("  instance: ");
        _writer.Write(header.Instance.ToString(CultureInfo.InvariantCulture).PadRight(6));
        _writer.Write("\nname:   ");
        _writer.Write(KstatStatistics.Pad(header.Name, Width, truncate: true));
        _writer.Write("  class:    ");
        _writer.Write(KstatStatistics.Truncate(header.Class, Width));
        _writer.Write('\n');
        foreach (var statistic in statistics)
        {
            _writer.Write('\t');
            _writer.Write(KstatStatistics.Pad(statistic.Name, Width, truncate: false));
            _writer.Write("  ");
            statistic.WriteText(_writer);
            _writer.Write('\n');
        }

        _writer.Write('\n');
        return statistics.Count;
    }
}
