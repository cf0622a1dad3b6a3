using Kstat.Cli;
using Kstat.Cli.Tests.Support;

namespace Kstat.Cli.Tests;

public class RoundClockTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 21, 21, 9, 5, TimeSpan.Zero);

    [Fact]
    public void Sleeps_until_the_next_multiple_of_the_interval_so_slow_rounds_do_not_drift()
    {
        var time = new FakeTime(Start);
        var clock = new RoundClock(time, time.Sleep);
        var interval = TimeSpan.FromSeconds(2);

        time.Advance(TimeSpan.FromMilliseconds(300)); // round 1 took 0.3 s
        clock.SleepUntilNext(interval);
        time.Advance(TimeSpan.FromMilliseconds(700)); // round 2 took 0.7 s
        clock.SleepUntilNext(interval);

        Assert.Equal([TimeSpan.FromMilliseconds(1700), TimeSpan.FromMilliseconds(1300)], time.Sleeps);
        Assert.Equal(TimeSpan.FromSeconds(4), time.GetElapsedTime(0));
    }

    [Fact]
    public void A_round_that_leaves_less_than_a_quarter_interval_sleeps_half_an_interval()
    {
        var time = new FakeTime(Start);
        var clock = new RoundClock(time, time.Sleep);
        var interval = TimeSpan.FromSeconds(4);

        time.Advance(TimeSpan.FromSeconds(3.5)); // 0.5 s left < 1 s
        clock.SleepUntilNext(interval);
        time.Advance(TimeSpan.FromSeconds(5));   // already late
        clock.SleepUntilNext(interval);

        Assert.Equal([TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(2)], time.Sleeps);
    }

    [Fact]
    public void Dash_T_u_prints_seconds_since_the_epoch()
    {
        var time = new FakeTime(Start);
        Assert.Equal(Start.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture),
            new RoundClock(time, time.Sleep).FormatTimestamp(TimestampFormat.Unix));
    }

    [Fact]
    public void After_a_sigcont_a_late_round_resets_the_schedule_a_whole_interval_on()
    {
        var time = new FakeTime(Start);
        var clock = new RoundClock(time, time.Sleep);
        var interval = TimeSpan.FromSeconds(4);

        time.Advance(TimeSpan.FromSeconds(10)); // stopped with SIGSTOP during round 1
        clock.NoteContinued();
        clock.SleepUntilNext(interval);         // late: a new schedule from now, not half an interval
        time.Advance(TimeSpan.FromSeconds(1));
        clock.SleepUntilNext(interval);         // and it keeps the new cadence

        Assert.Equal([TimeSpan.FromSeconds(4), TimeSpan.FromSeconds(3)], time.Sleeps);
    }

    [Fact]
    public void A_sigcont_noted_while_a_late_round_catches_up_finishes_that_round_a_whole_interval_on()
    {
        // The runtime hands SIGCONT to another thread: its note may come after the late round was planned.
        var time = new FakeTime(Start);
        var clock = new RoundClock(time, time.Sleep);
        var interval = TimeSpan.FromSeconds(4);

        time.Advance(TimeSpan.FromSeconds(10)); // stopped with SIGSTOP during round 1
        time.DuringNextSleep = clock.NoteContinued;
        clock.SleepUntilNext(interval);         // planned as catching up (2 s), then re-planned: 4 s in all
        time.Advance(TimeSpan.FromSeconds(1));
        clock.SleepUntilNext(interval);         // and the new cadence holds

        Assert.Equal([TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(3)], time.Sleeps);
        Assert.Equal(TimeSpan.FromSeconds(18), time.GetElapsedTime(0));
    }

    [Fact]
    public void After_a_sigcont_a_round_on_time_keeps_the_schedule()
    {
        var time = new FakeTime(Start);
        var clock = new RoundClock(time, time.Sleep);
        clock.NoteContinued();
        time.Advance(TimeSpan.FromSeconds(1));
        clock.SleepUntilNext(TimeSpan.FromSeconds(4));
        Assert.Equal([TimeSpan.FromSeconds(3)], time.Sleeps);
    }

    [Fact]
    public void Intervals_past_what_one_thread_sleep_takes_are_slept_in_steps()
    {
        // 2147484 s and more: kstat(1) accepts them (up to 2^31 - 1 s); Thread.Sleep takes at most int.MaxValue ms.
        var steps = new List<TimeSpan>();
        Sleeper.Sleep(TimeSpan.FromSeconds(int.MaxValue), steps.Add);

        Assert.All(steps, step => Assert.InRange(step, TimeSpan.FromTicks(1), Sleeper.LongestStep));
        Assert.Equal(TimeSpan.FromSeconds(int.MaxValue), steps.Aggregate(TimeSpan.Zero, (a, b) => a + b));
        Assert.Equal(1000, steps.Count);

        steps.Clear();
        Sleeper.Sleep(TimeSpan.FromSeconds(2), steps.Add);
        Assert.Equal([TimeSpan.FromSeconds(2)], steps);

        // The bound is .NET's own: one millisecond more and Thread.Sleep refuses (what crashed kstat before).
        Assert.Throws<ArgumentOutOfRangeException>(() => Thread.Sleep(Sleeper.LongestStep + TimeSpan.FromMilliseconds(1)));
    }
}
