namespace Kstat.Tree.Tests.Sampling;

public class KstatDeltaTests
{
    private static KstatReading At(long snapTime, params (string Name, KstatValue Value)[] values) =>
        new(snapTime, values.Select(v => new KeyValuePair<string, KstatValue>(v.Name, v.Value)));

    [Fact]
    public void A_delta_of_every_key_loop_gives_a_shrinking_gauge_as_a_negative_number()
    {
        var earlier = At(1_000_000_000, ("freemem", 1_000_678UL), ("availrmem", 5_000_000UL), ("nproc", 117u), ("lotsfree", 1000UL));
        var later = At(2_000_000_000, ("freemem", 1_000_000UL), ("availrmem", 5_000_100UL), ("nproc", 116u), ("lotsfree", 1000UL));
        var delta = KstatDelta.Between(earlier, later);

        var changes = delta.Names.ToDictionary(n => n, n => delta[n]);

        Assert.Equal(["freemem", "availrmem", "nproc", "lotsfree"], changes.Keys);
        Assert.True(changes["freemem"] == -678, $"freemem changed by {changes["freemem"]}");
        Assert.True(changes["nproc"] == -1);
        Assert.True(changes["availrmem"] == 100);
        Assert.Equal(-678.0, delta.Rate("freemem"));
        Assert.True(delta.TryGetDifference("freemem", out var d) && (long)d == -678);
    }

    [Fact]
    public void A_32_bit_counter_that_wrapped_counts_the_events_in_between_as_a_counter()
    {
        var delta = KstatDelta.Between(At(0, ("user", 4294967290u)), At(1_000_000_000, ("user", 5u)));

        Assert.Equal(11UL, delta.CounterDifference("user"));
        Assert.Equal(11.0, delta.CounterRate("user"));
        Assert.True(delta["user"] == -4294967285L); // the exact difference says what happened to the number
    }

    [Fact]
    public void A_64_bit_counter_difference_is_exact_beyond_double_precision()
    {
        var delta = KstatDelta.Between(At(0, ("rbytes64", 18446744073709551610UL)), At(1, ("rbytes64", 18446744073709551615UL)));

        KstatAssert.Same(KstatValue.FromInt64(5), delta["rbytes64"]);
        Assert.Equal(5UL, delta.CounterDifference("rbytes64"));
        Assert.Equal(6UL, KstatDelta.Between(At(0, ("n", ulong.MaxValue)), At(1, ("n", 5UL))).CounterDifference("n")); // wrapped at 2^64
    }

    [Fact]
    public void Exact_differences_have_the_kind_of_what_they_measure()
    {
        var delta = KstatDelta.Between(
            At(0, ("i", -5), ("l", 10L), ("t", KstatValue.HrTime(1_500)), ("d", 1.5), ("big", 0UL), ("mixed", 2.5)),
            At(1, ("i", -8), ("l", 4L), ("t", KstatValue.HrTime(4_000)), ("d", 4.0), ("big", ulong.MaxValue), ("mixed", 4u)));

        KstatAssert.Same(KstatValue.FromInt64(-3), delta["i"]);
        KstatAssert.Same(KstatValue.FromInt64(-6), delta["l"]);
        KstatAssert.Same(KstatValue.HrTime(2_500), delta["t"]);
        KstatAssert.Same(KstatValue.FromDouble(2.5), delta["d"]);
        KstatAssert.Same(KstatValue.FromUInt64(ulong.MaxValue), delta["big"]);
        KstatAssert.Same(KstatValue.FromDouble(1.5), delta["mixed"]);
    }

    [Fact]
    public void A_capture_counter_whose_kind_narrowed_or_widened_between_rounds_still_has_its_difference()
    {
        // A capture types each integer by its printed value: 2147483647 is Int32, 2147483650 is UInt32.
        var delta = KstatDelta.Between(At(0, ("rbytes", int.MaxValue)), At(1_000_000_000, ("rbytes", 2147483650u)));

        Assert.True(delta["rbytes"] == 3);
        Assert.Equal(3UL, delta.CounterDifference("rbytes"));
        Assert.Equal(["rbytes"], delta.Names);
    }

    [Fact]
    public void Rates_are_per_second_of_snaptime_and_a_time_gives_a_busy_fraction()
    {
        var delta = KstatDelta.Between(
            At(1_000_000_000, ("ticks", 100u), ("rtime", KstatValue.HrTime(0))),
            At(3_000_000_000, ("ticks", 300u), ("rtime", KstatValue.HrTime(500_000_000))));

        Assert.Equal(2.0, delta.ElapsedSeconds);
        Assert.Equal(100.0, delta.Rate("ticks"));
        Assert.Equal(100.0, delta.CounterRate("ticks"));
        Assert.Equal(0.25, delta.Rate("rtime")); // busy a quarter of the time
        Assert.Equal(0.25, delta.CounterRate("rtime"));
        Assert.Equal(500_000_000UL, delta.CounterDifference("rtime"));
    }

    [Fact]
    public void From_zero_gives_the_values_since_boot_over_the_snaptime()
    {
        var now = At(4_000_000_000, ("user", 800u), ("rtime", KstatValue.HrTime(1_000_000_000)), ("freemem", 5000UL), ("brand", "x"), ("d", -1.5));

        var delta = KstatDelta.FromZero(now);

        Assert.Equal(0, delta.Earlier.SnapTime);
        Assert.Same(now, delta.Later);
        Assert.Equal(4.0, delta.ElapsedSeconds);
        Assert.Equal(800UL, delta.CounterDifference("user"));
        Assert.Equal(200.0, delta.CounterRate("user"));
        Assert.Equal(0.25, delta.Rate("rtime"));
        Assert.True(delta["freemem"] == 5000);
        Assert.True(delta["d"] == -1.5);
        Assert.Equal(["user", "rtime", "freemem", "d"], delta.Names);
        KstatAssert.Same(KstatValue.FromUInt32(0), delta.Earlier["user"]);
    }

    [Fact]
    public void Text_missing_statistics_and_a_time_against_a_number_have_no_difference()
    {
        var delta = KstatDelta.Between(
            At(0, ("brand", "x"), ("gone", 1u), ("unit", KstatValue.HrTime(1)), ("d", 1.5), ("n", 1u)),
            At(1, ("brand", "y"), ("unit", 2UL), ("d", 2.5), ("n", 3u), ("new", 1u)));

        Assert.Equal(["d", "n"], delta.Names);
        Assert.Equal(2, delta.Count);
        Assert.False(delta.TryGetDifference("brand", out _));
        Assert.False(delta.TryGetDifference("unit", out _));
        Assert.False(delta.TryGetCounterDifference("d", out _)); // a double is no counter
        Assert.Contains("earlier reading lacks", Assert.Throws<KeyNotFoundException>(() => delta["new"]).Message, StringComparison.Ordinal);
        Assert.Contains("later reading lacks", Assert.Throws<KeyNotFoundException>(() => delta["gone"]).Message, StringComparison.Ordinal);
        Assert.Throws<KeyNotFoundException>(() => delta["unit"]);
        Assert.Throws<KeyNotFoundException>(() => delta.CounterDifference("brand"));
        Assert.Throws<KeyNotFoundException>(() => delta.Rate("brand"));
    }

    [Fact]
    public void Readings_in_the_wrong_order_or_at_the_same_time_are_refused()
    {
        Assert.Throws<ArgumentException>(() => KstatDelta.Between(At(2, ("n", 1u)), At(1, ("n", 2u))));
        var same = KstatDelta.Between(At(5, ("n", 1u)), At(5, ("n", 2u)));
        Assert.Throws<InvalidOperationException>(() => same.Rate("n"));
        Assert.Throws<InvalidOperationException>(() => same.CounterRate("n"));
        Assert.Throws<InvalidOperationException>(() => KstatDelta.FromZero(At(0, ("n", 1u))).Rate("n"));
    }
}
