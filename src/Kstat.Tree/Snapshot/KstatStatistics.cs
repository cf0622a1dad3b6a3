using System.Globalization;
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
    public static List<Entry> List(KstatRecord record, bool includeClass, Func<string, bool>? filter)
    {
        ArgumentNullException.ThrowIfNull(record);
        var header = record.Header;
        var reading = record.Reading;
        bool rawTimes = header.Type is KstatType.Io or KstatType.Timer;
        var inserted = new List<Entry>(3 + (reading?.Count ?? 0))
        {
            new(CrTimeKey, KstatValue.HrTime(header.CrTime), false),
        };
        if (includeClass)
        {
            inserted.Add(new(ClassKey, KstatValue.FromString(header.Class), false));
        }

        if (reading is not null)
        {
            inserted.Add(new(SnapTimeKey, KstatValue.HrTime(reading.SnapTime), false));
            foreach (var (name, value) in reading)
            {
                // The header's class/crtime/snaptime win over statistics of those names, as in a tree leaf.
                if (name.Length > 0 && name is not (ClassKey or CrTimeKey or SnapTimeKey))
                {
                    inserted.Add(new(name, value, rawTimes));
                }
            }
        }

        var order = new int[inserted.Count];
        for (int i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }

        Array.Sort(order, (x, y) =>
        {
            int c = KstatOrder.CompareNames(inserted[x].Name, inserted[y].Name);
            return c != 0 ? c : y.CompareTo(x);
        });

        var sorted = new List<Entry>(order.Length);
        foreach (int i in order)
        {
            if (filter is null || filter(inserted[i].Name))
            {
                sorted.Add(inserted[i]);
            }
        }

        return sorted;
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
    internal readonly record struct Entry(string Name, KstatValue Value, bool RawNanoseconds)
    {
        /// <summary>Gets the value as kstat(1) prints it (<c>%.9f</c> or <c>0</c> for times, decimal integers, text up to its first NUL).</summary>
        public string Text => Value.Kind == KstatValueKind.HrTime && RawNanoseconds
            ? unchecked((ulong)Value.ToInt64()).ToString(CultureInfo.InvariantCulture)
            : Value.ToString();

        /// <summary>Gets a value indicating whether kstat(1) quotes the value in JSON (char and string data).</summary>
        public bool IsText => Value.IsText;
    }
}
