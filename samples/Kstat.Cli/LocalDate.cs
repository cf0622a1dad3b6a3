using System.Globalization;
using System.Text;

namespace Kstat.Cli;

/// <summary>
/// The <c>-T d</c> line: the local time and the zone's abbreviation as the C library gives them (<c>localtime_r</c>,
/// <c>strftime</c> <c>%Z</c>), so <c>JST</c>, <c>CET</c>, <c>CEST</c>, <c>EST</c> come out as from kstat(1).
/// </summary>
/// <remarks>
/// kstat(1) prints <c>strftime(nl_langinfo(_DATE_FMT))</c>, in the C locale <c>%a %b %e %H:%M:%S %Z %Y</c>. Day and
/// month names are always the C locale's here, so that the line reads back as a capture's timestamp whatever
/// <c>LC_TIME</c> says. .NET knows no zone abbreviations, so where there is no C library (Windows) the zone is
/// <c>UTC</c> or its offset.
/// </remarks>
internal static class LocalDate
{
    private static readonly string[] Days = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
    private static readonly string[] Months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

    /// <summary>Formats an instant in the local time zone, for example <c>Sat Jul  3 04:39:50 JST 1999</c>.</summary>
    public static string Format(DateTimeOffset at)
    {
        if (!OperatingSystem.IsWindows() && TryFormatWithC(at.ToUnixTimeSeconds()) is { } text)
        {
            return text;
        }

        var zone = TimeZoneInfo.Local;
        var local = TimeZoneInfo.ConvertTime(at, zone);
        string zoneText = local.Offset == TimeSpan.Zero && !zone.SupportsDaylightSavingTime
            ? "UTC"
            : local.ToString("zzz", CultureInfo.InvariantCulture);
        return Compose((int)local.DayOfWeek, local.Month - 1, local.Day, local.Hour, local.Minute, local.Second, zoneText, local.Year);
    }

    private static unsafe string? TryFormatWithC(long seconds)
    {
        byte* tm = stackalloc byte[Interop.Libc.TmSize];
        Interop.Libc.tzset();
        if (Interop.Libc.localtime_r(&seconds, tm) == null)
        {
            return null;
        }

        byte* zone = stackalloc byte[64];
        nuint length;
        fixed (byte* format = "%Z\0"u8)
        {
            length = Interop.Libc.strftime(zone, 64, format, tm);
        }

        int Field(Interop.Libc.TmField field) => ((int*)tm)[(int)field];
        return Compose(
            Field(Interop.Libc.TmField.tm_wday),
            Field(Interop.Libc.TmField.tm_mon),
            Field(Interop.Libc.TmField.tm_mday),
            Field(Interop.Libc.TmField.tm_hour),
            Field(Interop.Libc.TmField.tm_min),
            Field(Interop.Libc.TmField.tm_sec),
            Encoding.UTF8.GetString(zone, (int)length),
            Field(Interop.Libc.TmField.tm_year) + 1900);
    }

    // %a %b %e %H:%M:%S %Z %Y in the C locale.
    private static string Compose(int weekday, int month, int day, int hour, int minute, int second, string zone, int year) =>
        string.Create(CultureInfo.InvariantCulture,
            $"{Days[weekday]} {Months[month]} {day,2} {hour:00}:{minute:00}:{second:00} {zone} {year}");
}
