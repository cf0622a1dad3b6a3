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
    public void Dash_T_d_prints_the_date_like_date_1_in_the_c_locale()
    {
        var time = new FakeTime(new DateTimeOffset(1999, 7, 2, 19, 39, 50, TimeSpan.Zero));
        Assert.Equal("Fri Jul  2 19:39:50 UTC 1999", new RoundClock(time, time.Sleep).FormatTimestamp(TimestampFormat.Date));
    }

    [Fact]
    public void Dash_T_d_uses_the_local_zone_with_its_offset_when_it_is_not_utc()
    {
        var zone = TimeZoneInfo.CreateCustomTimeZone("Test+2", TimeSpan.FromHours(2), "Test+2", "Test+2");
        var time = new FakeTime(new DateTimeOffset(1999, 12, 31, 23, 0, 0, TimeSpan.Zero), zone);
        Assert.Equal("Sat Jan  1 01:00:00 +02:00 2000", new RoundClock(time, time.Sleep).FormatTimestamp(TimestampFormat.Date));
    }
}
