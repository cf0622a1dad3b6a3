using System.Globalization;

namespace Kstat.Tree;

/// <summary>
/// Writes kstats the way <c>kstat -p</c> prints them (<c>module:instance:name:statistic&lt;TAB&gt;value</c>), or
/// <c>kstat -C</c> (a colon instead of the TAB) or <c>kstat -l</c> (names only), byte for byte as the illumos C
/// kstat(1) does.
/// </summary>
/// <remarks>
/// Each kstat gets the pseudo-statistics <c>class</c>, <c>crtime</c> and (when it was read) <c>snaptime</c>, sorted
/// in among its statistics case-insensitively. Times print as <c>%.9f</c> seconds or <c>0</c>, exactly from their
/// nanoseconds; the times of I/O and timer kstats as integer nanoseconds. Lines end with <c>\n</c> on every
/// platform. Not thread safe: use one writer per output.
/// </remarks>
public sealed class KstatParseableWriter
{
    private readonly TextWriter _writer;
    private readonly bool _colon;
    private readonly bool _namesOnly;
    private readonly List<KstatStatistics.Entry> _statistics = [];
    private readonly StatisticOrders _orders = new();
    private char[] _prefix = new char[128];

    /// <summary>Initializes a writer.</summary>
    /// <param name="writer">Where to write.</param>
    /// <param name="colon"><see langword="true"/> for <c>-C</c>: a colon between the statistic and its value.</param>
    /// <param name="namesOnly"><see langword="true"/> for <c>-l</c>: the names only, no values.</param>
    /// <exception cref="ArgumentNullException"><paramref name="writer"/> is null.</exception>
    public KstatParseableWriter(TextWriter writer, bool colon = false, bool namesOnly = false)
    {
        ArgumentNullException.ThrowIfNull(writer);
        _writer = writer;
        _colon = colon;
        _namesOnly = namesOnly;
    }

    /// <summary>Writes one kstat: one line per statistic that passes the filter.</summary>
    /// <param name="record">The kstat; with no reading (a failed read) only <c>class</c> and <c>crtime</c> are printed.</param>
    /// <param name="statisticFilter">Which statistics to print (pseudo-statistics included), or <c>null</c> for all.</param>
    /// <returns>The number of lines written.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="record"/> is null.</exception>
    public int Write(KstatRecord record, Func<string, bool>? statisticFilter = null)
    {
        var statistics = _statistics;
        KstatStatistics.List(record, includeClass: true, statisticFilter, statistics, _orders);
        if (statistics.Count == 0)
        {
            return 0;
        }

        var prefix = Prefix(record.Header);
        foreach (var statistic in statistics)
        {
            _writer.Write(prefix);
            _writer.Write(statistic.Name);
            if (!_namesOnly)
            {
                _writer.Write(_colon ? ':' : '\t');
                statistic.WriteText(_writer);
            }

            _writer.Write('\n');
        }

        return statistics.Count;
    }

    // "module:instance:name:", in a buffer the writer keeps (a dump makes no string per kstat).
    private ReadOnlySpan<char> Prefix(KstatHeader header)
    {
        int length = header.Module.Length + header.Name.Length + 14;
        if (length > _prefix.Length)
        {
            _prefix = new char[Math.Max(length, _prefix.Length * 2)];
        }

        var prefix = _prefix.AsSpan();
        return prefix.TryWrite(CultureInfo.InvariantCulture, $"{header.Module}:{header.Instance}:{header.Name}:", out int written)
            ? prefix[..written]
            : throw new InvalidOperationException("The prefix buffer is too small."); // sized above: cannot happen
    }
}
