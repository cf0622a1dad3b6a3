using Kstat.Tree.Tests.Support;

namespace Kstat.Tree.Tests.Values;

/// <summary>Perl's <c>defined $x ? $x : 0</c>: a missing statistic is absent, never a value of some kind, and the typed lookups give the default.</summary>
public class KstatValueAbsenceTests
{
    private static KstatTree Link() => SingleKstat.Tree("link:0:eth0",
        ("rbytes64", KstatValue.FromUInt64(74672599)), ("link_state", KstatValue.FromInt32(-1)), ("ifname", KstatValue.FromString("eth0")));

    [Fact]
    public void A_missing_statistic_from_GetValueOrDefault_is_absent_and_says_so_when_converted()
    {
        using var ks = Link();
        var eth0 = ks["link"][0]["eth0"];

        var ifspeed = eth0.GetValueOrDefault("ifspeed");

        Assert.Equal(KstatValueKind.None, ifspeed.Kind);
        Assert.NotEqual(KstatValueKind.Char, default(KstatValue).Kind);
        var e = Assert.Throws<InvalidCastException>(() => (double)ifspeed);
        Assert.Contains("absent", e.Message, StringComparison.Ordinal);
        Assert.Equal(string.Empty, ifspeed.ToString()); // prints as Perl prints undef
        Assert.Equal(0.0, (double)eth0.GetValueOrDefault("ifspeed", 0)); // the dictionary idiom with a default works as before
    }

    [Fact]
    public void Typed_lookups_on_a_leaf_give_the_default_only_for_a_missing_statistic()
    {
        using var ks = Link();
        var eth0 = ks["link"][0]["eth0"];

        Assert.Equal(0.0, eth0.GetDoubleOrDefault("ifspeed"));
        Assert.Equal(1e9, eth0.GetDoubleOrDefault("ifspeed", 1e9));
        Assert.Equal(0UL, eth0.GetUInt64OrDefault("ifspeed"));
        Assert.Equal(-7L, eth0.GetInt64OrDefault("ifspeed", -7));
        Assert.Equal(74672599UL, eth0.GetUInt64OrDefault("rbytes64"));
        Assert.Equal(74672599.0, eth0.GetDoubleOrDefault("rbytes64"));
        Assert.Equal(-1L, eth0.GetInt64OrDefault("link_state"));
        Assert.False(eth0.TryGetUInt64("ifspeed", out ulong missing));
        Assert.Equal(0UL, missing);
        Assert.True(eth0.TryGetUInt64("rbytes64", out ulong rbytes));
        Assert.Equal(74672599UL, rbytes);
        Assert.True(eth0.TryGetInt64("link_state", out long state));
        Assert.Equal(-1L, state);
        Assert.False(eth0.TryGetDouble("ifspeed", out _));
    }

    [Fact]
    public void A_statistic_that_exists_but_does_not_convert_throws_rather_than_pass_for_missing()
    {
        using var ks = Link();
        var eth0 = ks["link"][0]["eth0"];

        Assert.Throws<InvalidCastException>(() => eth0.GetUInt64OrDefault("ifname"));
        Assert.Throws<InvalidCastException>(() => eth0.TryGetDouble("ifname", out _));
        Assert.Throws<OverflowException>(() => eth0.GetUInt64OrDefault("link_state"));
        Assert.Throws<OverflowException>(() => eth0.TryGetUInt64("link_state", out _));
    }

    [Fact]
    public void Typed_lookups_see_the_pseudo_keys_with_the_units_of_the_conversions()
    {
        using var ks = Link();
        var eth0 = ks["link"][0]["eth0"];

        Assert.Equal(7_250_000_000L, eth0.GetInt64OrDefault("snaptime"));
        Assert.Equal(7.25, eth0.GetDoubleOrDefault("snaptime"));
        Assert.Equal(5_000_000_000L, eth0.GetInt64OrDefault("crtime"));
        Assert.Throws<InvalidCastException>(() => eth0.GetInt64OrDefault("class"));
    }

    [Fact]
    public void Typed_lookups_on_a_reading_give_the_default_only_for_a_missing_statistic()
    {
        using var ks = Link();
        var reading = ks["link"][0]["eth0"].GetReading();

        Assert.Equal(0.0, reading.GetDoubleOrDefault("ifspeed"));
        Assert.Equal(3UL, reading.GetUInt64OrDefault("ifspeed", 3));
        Assert.Equal(74672599L, reading.GetInt64OrDefault("rbytes64"));
        Assert.True(reading.TryGetDouble("rbytes64", out double d));
        Assert.Equal(74672599.0, d);
        Assert.False(reading.TryGetInt64("snaptime", out _)); // a reading holds statistics; its time is SnapTime
        Assert.False(reading.TryGetUInt64("ifspeed", out _));
        Assert.Throws<InvalidCastException>(() => reading.GetDoubleOrDefault("ifname"));
    }

    [Fact]
    public void Typed_lookups_work_on_a_copy_of_the_values()
    {
        using var ks = Link();
        var copy = ks["link"][0]["eth0"].ToDictionary(p => p.Key, p => p.Value);

        Assert.Equal(74672599UL, copy.GetUInt64OrDefault("rbytes64"));
        Assert.Equal(9UL, copy.GetUInt64OrDefault("ifspeed", 9));
        Assert.Equal(7.25, copy.GetDoubleOrDefault("snaptime"));
    }
}
