using System.Globalization;

namespace Kstat.Benchmarks.Comparison;

/// <summary>Prints the rows as one Markdown table, the form the README keeps.</summary>
internal static class ResultTable
{
    private static readonly string[] Headings = ["case", "baseline", "C#", "ratio", "target", "result", "C# allocated/op"];

    public static void Write(TextWriter writer, IReadOnlyList<ResultRow> rows)
    {
        var cells = rows.Select(r => new[]
        {
            r.Case, r.Baseline, r.CSharp, r.Ratio is { } ratio ? ratio.ToString("0.00", CultureInfo.InvariantCulture) : "—",
            r.Target, r.Met switch { true => "met", false => "missed", null => "—" }, r.AllocatedBytes is { } bytes ? Bytes(bytes) : "—",
        }).ToList();
        int[] widths = [.. Headings.Select((h, i) => Math.Max(h.Length, cells.Count == 0 ? 0 : cells.Max(c => c[i].Length)))];
        WriteLine(writer, Headings, widths);
        writer.WriteLine("|" + string.Join("|", widths.Select(w => new string('-', w + 2))) + "|");
        foreach (var row in cells)
        {
            WriteLine(writer, row, widths);
        }
    }

    /// <summary>Formats nanoseconds with a unit that keeps three or four significant digits.</summary>
    public static string Time(double ns) => ns switch
    {
        < 1e3 => string.Create(CultureInfo.InvariantCulture, $"{ns:0.0} ns"),
        < 1e6 => string.Create(CultureInfo.InvariantCulture, $"{ns / 1e3:0.00} µs"),
        < 1e9 => string.Create(CultureInfo.InvariantCulture, $"{ns / 1e6:0.00} ms"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{ns / 1e9:0.00} s"),
    };

    /// <summary>Formats a byte count: exact below a megabyte, else in MB.</summary>
    public static string Bytes(long bytes) => bytes switch
    {
        < 0 => "n/a",
        < 1_000_000 => string.Create(CultureInfo.InvariantCulture, $"{bytes:N0} B"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1e6:0.0} MB"),
    };

    private static void WriteLine(TextWriter writer, string[] cells, int[] widths) =>
        writer.WriteLine("| " + string.Join(" | ", cells.Select((c, i) => c.PadRight(widths[i]))) + " |");
}
