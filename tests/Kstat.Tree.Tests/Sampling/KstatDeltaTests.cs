namespace Kstat.Tree.Tests.Sampling;

public class KstatDeltaTests
{
    private static KstatReading At(long snapTime, params (string Name, KstatValue Value)[] values) =>
        new(snapTime, values.Select(v => new KeyValuePair<string, KstatValue>(v.Name, v.Value)));

    [Fact]
    public void A_32_bit_counter_that_wrapped_gives_the_events_in_between()
    {
        var delta = KstatDelta.Between(At(0, ("user", 4294967290u)), At(1_000_000_000, ("user", 5u)));

        Assert.Equal(KstatValue.FromUInt32(11), delta["user"]);
    }

    [Fact]
    public void A_64_bit_counter_difference_is_exact_beyond_double_precision()
    {
        var delta = KstatDelta.Between(At(0, ("rbytes64", 18446744073709551610UL)), At(1, ("rbytes64", 18446744073709551615UL)));

        Assert.Equal(KstatValue.FromUInt64(5), delta["rbytes64"]);
    }

    [Fact]
    public void Signed_values_and_times_give_signed_differences_of_their_kind()
    {
        var delta = KstatDelta.Between(
            At(0, ("i", -5), ("l", 10L), ("t", KstatValue.HrTime(1_500)), ("d", 1.5)),
            At(1, ("i", -8), ("l", 4L), ("t", KstatValue.HrTime(4_000)), ("d", 4.0)));

        Assert.Equal(KstatValue.FromInt64(-3), delta["i"]);
        Assert.Equal(KstatValue.FromInt64(-6), delta["l"]);
        Assert.Equal(KstatValue.HrTime(2_500), delta["t"]);
        Assert.Equal(KstatValue.FromDouble(2.5), delta["d"]);
    }

    [Fact]
    public void Rates_are_per_second_of_snaptime()
    {
        var delta = KstatDelta.Between(
            At(1_000_000_000, ("ticks", 100u), ("rtime", KstatValue.HrTime(0))),
            At(3_000_000_000, ("ticks", 300u), ("rtime", KstatValue.HrTime(500_000_000))));

        Assert.Equal(2.0, delta.ElapsedSeconds);
        Assert.Equal(100.0, delta.Rate("ticks"));
        Assert.Equal(0.25, delta.Rate("rtime")); // busy a quarter of the time
    }

    [Fact]
    public void Change_gives_a_gauge_that_went_down_as_a_negative_number()
    {
        var delta = KstatDelta.Between(At(0, ("freemem", 1000UL)), At(1, ("freemem", 400UL)));

        Assert.Equal(-600, delta.Change("freemem"));
        Assert.Equal(KstatValue.FromUInt64(unchecked(400UL - 1000UL)), delta["freemem"]); // as a counter it wrapped
    }

    [Fact]
    public void Text_missing_statistics_and_changed_kinds_have_no_difference()
    {
        var delta = KstatDelta.Between(
            At(0, ("brand", "x"), ("gone", 1u), ("kind", 1u), ("n", 1u)),
            At(1, ("brand", "y"), ("kind", 2UL), ("n", 3u), ("new", 1u)));

        Assert.Equal(["n"], delta.Names);
        Assert.False(delta.TryGetDifference("brand", out _));
        Assert.Throws<KeyNotFoundException>(() => delta["gone"]);
        Assert.Throws<KeyNotFoundException>(() => delta["kind"]);
        Assert.Throws<InvalidCastException>(() => delta.Change("brand"));
    }

    [Fact]
    public void Readings_in_the_wrong_order_or_at_the_same_time_are_refused()
    {
        Assert.Throws<ArgumentException>(() => KstatDelta.Between(At(2, ("n", 1u)), At(1, ("n", 2u))));
        var same = KstatDelta.Between(At(5, ("n", 1u)), At(5, ("n", 2u)));
        Assert.Throws<InvalidOperationException>(() => same.Rate("n"));
    }
}
