using System.Globalization;
using System.Text;

namespace Kstat.Tree;

/// <summary>Writes kstats the way <c>kstat -j</c> (illumos, 2016) prints them, byte for byte, quirks included.</summary>
/// <remarks>
/// <para>A round is <see cref="BeginRound"/> (<c>[</c>), one <see cref="Write"/> per kstat, <see cref="EndRound"/>
/// (<c>]\n</c>); kstat(1) prints an empty line between rounds, which is the caller's to write. Like kstat(1) the
/// writer counts the objects it printed and never resets the count, so every round after the first starts with
/// <c>[, {</c> (not valid JSON; <see cref="SnapshotChain"/> reads it back).</para>
/// <para>Strings are escaped as <c>ks_print_json_string</c> does: <c>"</c>, <c>?</c> and <c>\</c> get a backslash,
/// newline and TAB become <c>\n</c> and <c>\t</c>, and every other byte of the UTF-8 text outside printable ASCII
/// becomes <c>\u00xx</c>. The object's own <c>"snaptime"</c> is the reading's (kstat(1) prints the header's value
/// from before its read, which only a live chain knows), or 0 when there is no reading. Not thread safe.</para>
/// </remarks>
public sealed class KstatJsonWriter
{
    private readonly TextWriter _writer;
    private readonly bool _includeClass;
    private readonly List<KstatStatistics.Entry> _statistics = [];
    private readonly StatisticOrders _orders = new();
    private int _objects;

    /// <summary>Initializes a writer.</summary>
    /// <param name="writer">Where to write.</param>
    /// <param name="includeClass"><see langword="true"/> to add <c>class</c> to each object's data, as <c>kstat -j -p</c> does.</param>
    /// <exception cref="ArgumentNullException"><paramref name="writer"/> is null.</exception>
    public KstatJsonWriter(TextWriter writer, bool includeClass = false)
    {
        ArgumentNullException.ThrowIfNull(writer);
        _writer = writer;
        _includeClass = includeClass;
    }

    /// <summary>Starts a round: writes <c>[</c>.</summary>
    public void BeginRound() => _writer.Write('[');

    /// <summary>Writes one kstat as a JSON object, preceded by <c>, </c> unless it is the first object this writer wrote.</summary>
    /// <param name="record">The kstat; with no reading (a failed read) the data holds only <c>crtime</c> (and <c>class</c>).</param>
    /// <param name="statisticFilter">Which statistics to print (pseudo-statistics included), or <c>null</c> for all.</param>
    /// <returns>The number of statistics written; 0 when no statistic passed the filter, and then nothing is written.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="record"/> is null.</exception>
    public int Write(KstatRecord record, Func<string, bool>? statisticFilter = null)
    {
        var statistics = _statistics;
        KstatStatistics.List(record, _includeClass, statisticFilter, statistics, _orders);
        if (statistics.Count == 0)
        {
            return 0;
        }

        var header = record.Header;
        var ic = CultureInfo.InvariantCulture;
        if (_objects++ > 0)
        {
            _writer.Write(", ");
        }

        _writer.Write("{\n\t\"module\": ");
        WriteString(header.Module);
        _writer.Write(",\n\t\"instance\": ");
        _writer.Write(header.Instance.ToString(ic));
        _writer.Write(",\n\t\"name\": ");
        WriteString(header.Name);
        _writer.Write(",\n\t\"class\": ");
        WriteString(header.Class);
        _writer.Write(",\n\t\"type\": ");
        _writer.Write(((int)header.Type).ToString(ic));
        _writer.Write(",\n\t\"snaptime\": ");
        _writer.Write(KstatValue.FormatSeconds(record.Reading?.SnapTime ?? 0));
        _writer.Write(",\n\t\"data\": {\n");
        for (int i = 0; i < statistics.Count; i++)
        {
            var statistic = statistics[i];
            _writer.Write("\t\t");
            WriteString(statistic.Name);
            _writer.Write(": ");
            if (statistic.IsText)
            {
                WriteString(statistic.Value.ToString()); // text up to its first NUL, as kstat(1) prints it
            }
            else
            {
                statistic.WriteText(_writer);
            }

            _writer.Write(i < statistics.Count - 1 ? ",\n" : "\n");
        }

        _writer.Write("\t}\n}");
        return statistics.Count;
    }

    /// <summary>Ends a round: writes <c>]</c> and a newline.</summary>
    public void EndRound() => _writer.Write("]\n");

    private void WriteString(string text)
    {
        _writer.Write('"');
        foreach (byte b in Encoding.UTF8.GetBytes(text))
        {
            switch (b)
            {
                case (byte)'"':
                case (byte)'?':
                case (byte)'\\':
                    _writer.Write('\\');
                    _writer.Write((char)b);
                    break;
                case (byte)'\n':
                    _writer.Write("\\n");
                    break;
                case (byte)'\t':
                    _writer.Write("\\t");
                    break;
                case >= 0x20 and < 0x7F:
                    _writer.Write((char)b);
                    break;
                default:
                    _writer.Write("\\u00");
                    _writer.Write(b.ToString("x2", CultureInfo.InvariantCulture));
                    break;
            }
        }

        _writer.Write('"');
    }
}
