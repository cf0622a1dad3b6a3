using System.Globalization;
using System.Text.RegularExpressions;

namespace Kstat.Tree;

/// <summary>The timestamp lines <c>kstat -T u</c> (seconds since the epoch) and <c>-T d</c> (<c>date(1)</c> style) print before each round.</summary>
internal static partial class CaptureTimestamps
{
    /// <summary>Tells whether a line is a <c>-T u</c> or <c>-T d</c> timestamp.</summary>
    public static bool IsTimestamp(ReadOnlySpan<char> line)
    {
        var text = line.Trim();
        if (text.Length == 0 || !(char.IsAsciiDigit(text[0]) || char.IsAsciiLetterUpper(text[0])))
        {
            return false; // told at once for the lines of kstats, whose modules start with a small letter
        }

        if (text.Length <= 20 && !text.ContainsAnyExceptInRange('0', '9'))
        {
            return true;
        }

        return text.Length is >= 20 and <= 64 && DateLine().IsMatch(text);
    }

    /// <summary>Gets the time of a <c>-T u</c> line, or of a <c>-T d</c> line in UTC or GMT; <c>null</c> for other zones, which cannot be resolved.</summary>
    public static DateTimeOffset? ToTime(string? timestamp)
    {
        if (timestamp is null)
        {
            return null;
        }

        if (long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out long seconds))
        {
            return seconds <= 253_402_300_799 ? DateTimeOffset.FromUnixTimeSeconds(seconds) : null;
        }

        var match = DateLine().Match(timestamp);
        if (!match.Success || match.Groups["zone"].Value is not ("" or "UTC" or "GMT"))
        {
            return null;
        }

        string text = $"{match.Groups["month"].Value} {match.Groups["day"].Value} {match.Groups["time"].Value} {match.Groups["year"].Value}";
        return DateTime.TryParseExact(text, "MMM d H:mm:ss yyyy", CultureInfo.InvariantCulture,
                                      DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var utc)
            ? new DateTimeOffset(utc, TimeSpan.Zero)
            : null;
    }

    // _DATE_FMT of the C locale: "%a %b %e %H:%M:%S %Z %Y", e.g. "Thu Jul 22 19:39:50 UTC 1999" (the zone may be absent).
    [GeneratedRegex(@"^[A-Z][a-z]{2} +(?<month>[A-Z][a-z]{2}) +(?<day>\d{1,2}) +(?<time>\d{1,2}:\d{2}:\d{2})(?: +(?<zone>[A-Za-z][A-Za-z0-9+\-]*))? +(?<year>\d{4})$",
                    RegexOptions.CultureInvariant)]
    private static partial Regex DateLine();
}
