namespace Kstat.Tree;

/// <summary>A <c>crtime</c> or <c>snaptime</c> as a capture printed it: its nanoseconds, or the text that was not a time (reported when the kstat is completed).</summary>
/// <param name="Nanoseconds">The time; 0 when <paramref name="BadText"/> is set.</param>
/// <param name="BadText">The text when it is not seconds, else <c>null</c>.</param>
/// <param name="Name">The statistic name, for the error.</param>
/// <param name="Line">The 1-based line of the value.</param>
/// <param name="Column">The 1-based column of the value.</param>
internal readonly record struct CaptureTime(long Nanoseconds, string? BadText, string Name, int Line, int Column)
{
    public static CaptureTime Parse(string name, ReadOnlySpan<char> text, int line, int column) =>
        CaptureValues.TryParseSeconds(text, out long ns)
            ? new CaptureTime(ns, null, name, line, column)
            : new CaptureTime(0, text.ToString(), name, line, column);
}
