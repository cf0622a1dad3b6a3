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
    private volatile bool _continued;

    /// <summary>Starts the clock: the first round is due now, the next ones at multiples of the interval from now.</summary>
    public RoundClock(TimeProvider time, Action<TimeSpan> sleep)
    {
        _time = time;
        _sleep = sleep;
        _origin = time.GetTimestamp();
    }

    /// <summary>Records a SIGCONT (kstat.c's <c>caught_cont</c>): from now on a late round resets the schedule instead of catching up.</summary>
    /// <remarks>Called from the signal's thread. As in kstat(1) it is never forgotten: a stopped run has no cadence left to keep.</remarks>
    public void NoteContinued() => _continued = true;

    /// <summary>
    /// Sleeps until the next multiple of <paramref name="interval"/> since the start, as <c>ks_sleep_until</c> in kstat.c:
    /// a round that ran late does not shift the later ones, and when less than a quarter of the interval is left the
    /// pause is half an interval instead; after a SIGCONT a late round starts a new schedule a whole interval on.
    /// </summary>
    public void SleepUntilNext(TimeSpan interval)
    {
        var now = _time.GetElapsedTime(_origin);
        var pause = _wakeup + interval - now;
        bool catchingUp = false;
        if (pause <= TimeSpan.Zero || pause < interval / 4)
        {
            if (_continued)
            {
                _wakeup = now + interval;
                pause = interval;
            }
            else
            {
                _wakeup += interval;
                pause = interval / 2;
                catchingUp = true;
            }
        }
        else
        {
            _wakeup += interval;
        }

        Pause(pause);

        // kstat(1) notes a SIGCONT in its signal handler, before the resumed process looks at the clock. Here the note
        // comes from the runtime's signal thread and may arrive just after a late round was planned as catching up: then
        // finish the round as kstat(1) would have planned it, a whole interval after the late round.
        if (catchingUp && _continued)
        {
            _wakeup = now + interval;
            Pause(_wakeup - _time.GetElapsedTime(_origin));
        }
    }

    private void Pause(TimeSpan pause)
    {
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
            TimestampFormat.Date => LocalDate.Format(now),
            _ => string.Empty,
        };
    }
}
