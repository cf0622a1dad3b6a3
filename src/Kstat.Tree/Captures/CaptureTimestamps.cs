using System.Buffers;
using System.Globalization;

namespace Kstat.Tree;

/// <summary>The timestamp lines <c>kstat -T u</c> (seconds since the epoch) and <c>-T d</c> (<c>date(1)</c> style) print before each round.</summary>
/// <remarks>
/// A <c>-T d</c> line is <c>_DATE_FMT</c> of the C locale, <c>"%a %b %e %H:%M:%S %Z %Y"</c>, such as
/// <c>Thu Jul 22 19:39:50 UTC 1999</c> (the zone may be absent): six or five fields between runs of spaces. It is read
/// by hand rather than with a regular expression, so that the native <c>kstat</c> carries no regex engine.
/// </remarks>
internal static class CaptureTimestamps
{
    // What follows a zone's first letter (UTC, GMT+1, EST5EDT).
    private static readonly SearchValues<char> ZoneCharacters =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+-");

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

        return text.Length is >= 20 and <= 64 && DateLine.TryParse(text, out _);
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

        if (!DateLine.TryParse(timestamp, out var date) || date.Zone is not ("" or "UTC" or "GMT"))
        {
            return null;
        }

        string text = $"{date.Month} {date.Day} {date.Time} {date.Year}";
        return DateTime.TryParseExact(text, "MMM d H:mm:ss yyyy", CultureInfo.InvariantCulture,
                                      DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var utc)
            ? new DateTimeOffset(utc, TimeSpan.Zero)
            : null;
    }

    /// <summary>The fields of a <c>-T d</c> line that give its time (the weekday is checked, not kept).</summary>
    internal readonly ref struct DateLine(ReadOnlySpan<char> month, ReadOnlySpan<char> day, ReadOnlySpan<char> time, ReadOnlySpan<char> zone, ReadOnlySpan<char> year)
    {
        public ReadOnlySpan<char> Month { get; } = month;

        public ReadOnlySpan<char> Day { get; } = day;

        public ReadOnlySpan<char> Time { get; } = time;

        /// <summary>Gets the zone, empty when the line has none.</summary>
        public ReadOnlySpan<char> Zone { get; } = zone;

        public ReadOnlySpan<char> Year { get; } = year;

        /// <summary>
        /// Reads <c>Www Mmm d H:MM:SS [ZONE] YYYY</c>: a weekday and a month as a capital and two small letters, a day
        /// of one or two digits, a time with a one- or two-digit hour, a zone that starts with a letter and goes on with
        /// letters, digits, <c>+</c> and <c>-</c>, a four-digit year; fields between runs of spaces, none before or after.
        /// </summary>
        public static bool TryParse(ReadOnlySpan<char> text, out DateLine date)
        {
            date = default;
            Span<Range> fields = stackalloc Range[7]; // one more than a line has, so that a seventh field is seen
            int count = text.Split(fields, ' ', StringSplitOptions.RemoveEmptyEntries);
            if (count is not (5 or 6) || text[0] == ' ' || text[^1] == ' ')
            {
                return false;
            }

            var weekday = text[fields[0]];
            var month = text[fields[1]];
            var day = text[fields[2]];
            var time = text[fields[3]];
            var zone = count == 6 ? text[fields[4]] : [];
            var year = text[fields[count - 1]];
            if (!IsName(weekday) || !IsName(month) || !IsDigits(day, 1, 2) || !IsTime(time) || !IsDigits(year, 4, 4)
                || (count == 6 && !IsZone(zone)))
            {
                return false;
            }

            date = new DateLine(month, day, time, zone, year);
            return true;
        }

        // Thu, Jul: a capital and two small letters.
        private static bool IsName(ReadOnlySpan<char> field) =>
            field.Length == 3 && char.IsAsciiLetterUpper(field[0]) && char.IsAsciiLetterLower(field[1]) && char.IsAsciiLetterLower(field[2]);

        private static bool IsDigits(ReadOnlySpan<char> field, int min, int max) =>
            field.Length >= min && field.Length <= max && !field.ContainsAnyExceptInRange('0', '9');

        // 9:05:07 or 19:39:50.
        private static bool IsTime(ReadOnlySpan<char> field)
        {
            int colon = field.IndexOf(':');
            return colon is 1 or 2 && field.Length == colon + 6 && field[colon + 3] == ':'
                && IsDigits(field[..colon], 1, 2) && IsDigits(field.Slice(colon + 1, 2), 2, 2) && IsDigits(field[^2..], 2, 2);
        }

        // UTC, GMT+1, CEST, EST5EDT.
        private static bool IsZone(ReadOnlySpan<char> field) =>
            char.IsAsciiLetter(field[0]) && !field[1..].ContainsAnyExcept(ZoneCharacters);
    }
}
