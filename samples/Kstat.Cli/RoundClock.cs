using System.Globalization;

namespace Kstat.Cli;

/// <summary>kstat(1)'s time keeping: the drift-corrected sleep between rounds and the <c>-T</c> timestamp lines.</summary>
/// <remarks>Time and sleeping are injected, so tests run without waiting.</remarks>
internal sealed class RoundClock
{
    private static readonly TimeSpan MinimumPause = TimeSpan.FromTicks(10); // kstat.c skips pauses under 1000 ns

    private readonly TimeProvider _time;
    private readonly Action<TimeSpan> _sleep;
    private readonly long _origin;
    private TimeSpan _wakeup;

    /// <summary>Starts the clock: the first round is due now, the next ones at multiples of the interval from now.</summary>
    public RoundClock(TimeProvider time, Action<TimeSpan> sleep)
    {
        _time = time;
        _sleep = sleep;
        _origin = time.GetTimestamp();
    }

    /// <summary>
    /// Sleeps until the next multiple of <paramref name="interval"/> since the start, as <c>ks_sleep_until</c> in kstat.c:
    /// a round that ran late does not shift the later ones, and when less than a quarter of the interval is left the
    /// pause is half an interval instead.
    /// </summary>
    public void SleepUntilNext(TimeSpan interval)
    {
        var now = _time.GetElapsedTime(_origin);
        var pause = _wakeup + interval - now;
        if (pause <= TimeSpan.Zero || pause < interval / 4)
        {
            pause = interval / 2;
        }

        _wakeup += interval;
        if (pause >= MinimumPause)
        {
            _sleep(pause);
        }
    }

    /// <summary>Formats the timestamp line of <c>-T</c> (without the newline) for <paramref name="at"/>, or for now.</summary>
    public string FormatTimestamp(TimestampFormat format, DateTimeOffset? at = null)
    {
        var now = at ?? _time.GetUtcNow();
        return format switch
        {
            TimestampFormat.Unix => now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture),
            TimestampFormat.Date => FormatDate(TimeZoneInfo.ConvertTime(now, _time.LocalTimeZone), _time.LocalTimeZone),
            _ => string.Empty,
        };
    }

    /// <summary>date(1)'s format in the C locale, <c>%a %b %e %H:%M:%S %Z %Y</c>, for example <c>Thu Jul 22 19:39:50 UTC 1999</c>.</summary>
    /// <remarks>.NET has no time zone abbreviations: UTC prints as <c>UTC</c>, any other zone as its offset (<c>+01:00</c>).</remarks>
    internal static string FormatDate(DateTimeOffset local, TimeZoneInfo zone)
    {
        string zoneText = zone.BaseUtcOffset == TimeSpan.Zero && !zone.SupportsDaylightSavingTime
            ? "UTC"
            : local.ToString("zzz", CultureInfo.InvariantCulture);
        return string.Create(CultureInfo.InvariantCulture,
            $"{local:ddd MMM} {local.Day,2} {local:HH:mm:ss} {zoneText} {local.Year}");
    }
}
