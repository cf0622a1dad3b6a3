using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;

namespace Kstat.Tree;

/// <summary>The statistics kstat(1) prints for one kstat, in its order, with its value formatting: what the three writers share.</summary>
internal static class KstatStatistics
{
    private const string ClassKey = "class";
    private const string CrTimeKey = "crtime";
    private const string SnapTimeKey = "snaptime";

    /// <summary>
    /// Lists the statistics of a record the way kstat(1) builds its list: <c>crtime</c>, then <c>class</c> (parseable
    /// mode), then <c>snaptime</c> and the statistics if the read succeeded, each inserted before the first name
    /// that is not smaller under <c>strcasecmp</c>; so the names come out sorted case-insensitively and, among equal
    /// names, the one inserted last comes first. Empty names are skipped, as kstat(1) (2016) skips them.
    /// </summary>
    /// <param name="record">The kstat.</param>
    /// <param name="includeClass">Whether <c>class</c> is listed (parseable and JSON output).</param>
    /// <param name="filter">Which names to keep, or <c>null</c>.</param>
    /// <param name="into">The list to fill (cleared first): a writer reuses one, so that a dump makes no list per kstat.</param>
    /// <param name="orders">The orders of the schemas seen, kept by the writer (for the same <paramref name="includeClass"/>).</param>
    public static void List(KstatRecord record, bool includeClass, Func<string, bool>? filter, List<Entry> into, StatisticOrders orders)
    {
        ArgumentNullException.ThrowIfNull(record);
        var header = record.Header;
        var reading = record.Reading;
        bool rawTimes = header.Type is KstatType.Io or KstatType.Timer;
        into.Clear();
        into.Add(new(CrTimeKey, KstatValue.HrTime(header.CrTime), false, into.Count));
        if (includeClass)
        {
            into.Add(new(ClassKey, KstatValue.FromString(header.Class), false, into.Count));
        }

        if (reading is not null)
        {
            into.Add(new(SnapTimeKey, KstatValue.HrTime(reading.SnapTime), false, into.Count));
            var names = reading.Schema.Names;
            var values = reading.Values;
            for (int i = 0; i < names.Length; i++)
            {
                // The header's class/crtime/snaptime win over statistics of those names, as in a tree leaf.
                string name = names[i];
                if (name.Length > 0 && name is not (ClassKey or CrTimeKey or SnapTimeKey))
                {
                    into.Add(new(name, values[i], rawTimes, into.Count));
                }
            }
        }

        var entries = CollectionsMarshal.AsSpan(into);
        if (reading is not null)
        {
            orders.Sort(entries, reading.Schema);
        }
        else
        {
            entries.Sort(InsertionOrder);
        }

        if (filter is not null)
        {
            int kept = 0;
            foreach (var entry in entries)
            {
                if (filter(entry.Name))
                {
                    entries[kept++] = entry;
                }
            }

            into.RemoveRange(kept, into.Count - kept);
        }
    }

    /// <summary>kstat(1)'s insertion order: by name without case; among equal names, the one inserted last first.</summary>
    internal static int InsertionOrder(Entry x, Entry y)
    {
        int c = KstatOrder.CompareNames(x.Name, y.Name);
        return c != 0 ? c : y.Order.CompareTo(x.Order);
    }

    /// <summary>Pads (and with <paramref name="truncate"/> cuts) text to a width in bytes, as C's <c>%-30s</c> and <c>%-30.30s</c> do.</summary>
    public static string Pad(string text, int width, bool truncate)
    {
        if (truncate)
        {
            text = Truncate(text, width);
        }

        int bytes = Encoding.UTF8.GetByteCount(text);
        return bytes >= width ? text : text + new string(' ', width - bytes);
    }

    /// <summary>Cuts text to at most <paramref name="width"/> bytes of UTF-8, as C's <c>%.30s</c> does (never inside a character).</summary>
    public static string Truncate(string text, int width)
    {
        if (Encoding.UTF8.GetByteCount(text) <= width)
        {
            return text;
        }

        int chars = Math.Min(text.Length, width);
        while (chars > 0 && Encoding.UTF8.GetByteCount(text.AsSpan(0, chars)) > width)
        {
            chars--;
        }

        return text[..chars];
    }

    /// <summary>One statistic to print.</summary>
    /// <param name="Name">The statistic name.</param>
    /// <param name="Value">The value.</param>
    /// <param name="RawNanoseconds">Whether a time is printed as integer nanoseconds (the statistics of I/O and timer kstats) rather than <c>%.9f</c> seconds.</param>
    /// <param name="Order">Its place in kstat(1)'s insertion order (for sorting).</param>
    internal readonly record struct Entry(string Name, KstatValue Value, bool RawNanoseconds, int Order)
    {
        /// <summary>Gets a value indicating whether kstat(1) quotes the value in JSON (char and string data).</summary>
        public bool IsText => Value.IsText;

        /// <summary>Writes the value as kstat(1) prints it (<c>%.9f</c> or <c>0</c> for times, integer nanoseconds for I/O and timer times, decimal integers, text up to its first NUL), without making a string for a number or a time.</summary>
        public void WriteText(TextWriter writer)
        {
            Span<char> buffer = stackalloc char[32]; // the longest: -9223372036.854775808 or 18446744073709551615
            int written;
            var ic = CultureInfo.InvariantCulture;
            bool formatted = Value.Kind switch
            {
                KstatValueKind.HrTime when RawNanoseconds => unchecked((ulong)Value.ToInt64()).TryFormat(buffer, out written, default, ic),
                KstatValueKind.HrTime => KstatValue.TryFormatSeconds(Value.ToInt64(), buffer, out written),
                KstatValueKind.Int32 or KstatValueKind.Int64 => Value.ToInt64().TryFormat(buffer, out written, default, ic),
                KstatValueKind.UInt32 or KstatValueKind.UInt64 => Value.ToUInt64().TryFormat(buffer, out written, default, ic),
                _ => Unformatted(out written),
            };

            if (formatted)
            {
                writer.Write(buffer[..written]);
            }
            else
            {
                writer.Write(Value.Kind == KstatValueKind.String ? Value.ToText() : Value.ToString());
            }
        }

        private static bool Unformatted(out int written)
        {
            written = 0;
            return false;
        }
    }
}
