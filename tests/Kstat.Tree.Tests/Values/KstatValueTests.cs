using System.Globalization;
using Kstat.Tree;

namespace Kstat.Tree.Tests.Values;

public class KstatValueTests
{
    [Fact]
    public void Every_kind_round_trips_exactly()
    {
        Assert.Equal(int.MinValue, (long)KstatValue.FromInt32(int.MinValue));
        Assert.Equal(uint.MaxValue, (ulong)KstatValue.FromUInt32(uint.MaxValue));
        Assert.Equal(long.MinValue, (long)KstatValue.FromInt64(long.MinValue));
        Assert.Equal(ulong.MaxValue, (ulong)KstatValue.FromUInt64(ulong.MaxValue));
        Assert.Equal(0.1, (double)KstatValue.FromDouble(0.1));
        Assert.Equal("on-line", (string)KstatValue.FromString("on-line"));
        Assert.Equal(long.MaxValue, (long)KstatValue.HrTime(long.MaxValue));
        Assert.Equal(new byte[] { 1, 0, 2 }, KstatValue.Char([1, 0, 2]).GetCharBytes().ToArray());
    }

    [Fact]
    public void Kinds_follow_the_implicit_conversions()
    {
        Assert.Equal(KstatValueKind.Int32, ((KstatValue)1).Kind);
        Assert.Equal(KstatValueKind.UInt32, ((KstatValue)1u).Kind);
        Assert.Equal(KstatValueKind.Int64, ((KstatValue)1L).Kind);
        Assert.Equal(KstatValueKind.UInt64, ((KstatValue)1UL).Kind);
        Assert.Equal(KstatValueKind.Double, ((KstatValue)1.0).Kind);
        Assert.Equal(KstatValueKind.String, ((KstatValue)"x").Kind);
    }

    [Fact]
    public void Conversions_that_would_lose_the_value_throw()
    {
        Assert.Throws<OverflowException>(() => (long)KstatValue.FromUInt64(ulong.MaxValue));
        Assert.Throws<OverflowException>(() => (ulong)KstatValue.FromInt64(-1));
        Assert.Throws<OverflowException>(() => (ulong)KstatValue.FromInt32(-1));
        Assert.Throws<OverflowException>(() => (long)KstatValue.FromDouble(1.5));
        Assert.Throws<InvalidCastException>(() => (long)KstatValue.FromString("12"));
        Assert.Throws<InvalidCastException>(() => (double)KstatValue.FromString("12"));
        Assert.Throws<InvalidCastException>(() => (string)KstatValue.FromInt32(12));
        Assert.Equal(long.MaxValue, (long)KstatValue.FromUInt64(long.MaxValue));
    }

    [Fact]
    public void Times_convert_to_seconds_as_perl_does()
    {
        Assert.Equal(71.231448016, (double)KstatValue.HrTime(71_231_448_016));
        Assert.Equal(71_231_448_016L, (long)KstatValue.HrTime(71_231_448_016));
    }

    [Theory]
    [InlineData(0L, "0")]
    [InlineData(71_231_448_016L, "71.231448016")]
    [InlineData(1L, "0.000000001")]
    [InlineData(-1_500_000_000L, "-1.500000000")]
    [InlineData(23_312_660_575_413_200L, "23312660.575413200")]
    [InlineData(long.MaxValue, "9223372036.854775807")]
    public void Times_print_as_kstat1_prints_them(long ns, string expected)
    {
        Assert.Equal(expected, KstatValue.HrTime(ns).ToString());
    }

    [Fact]
    public void Printing_ignores_the_current_culture()
    {
        var saved = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = new CultureInfo("de-DE");
            Assert.Equal("1.500000000", KstatValue.HrTime(1_500_000_000).ToString());
            Assert.Equal("-1", KstatValue.FromInt64(-1).ToString());
            Assert.Equal("0.5", KstatValue.FromDouble(0.5).ToString());
        }
        finally
        {
            CultureInfo.CurrentCulture = saved;
        }
    }

    [Fact]
    public void Integers_print_signed_or_unsigned_by_kind()
    {
        Assert.Equal("18446744073709551615", KstatValue.FromUInt64(ulong.MaxValue).ToString());
        Assert.Equal("-9223372036854775808", KstatValue.FromInt64(long.MinValue).ToString());
        Assert.Equal("4294967295", KstatValue.FromUInt32(uint.MaxValue).ToString());
    }

    [Fact]
    public void Char_arrays_print_up_to_the_first_nul_and_keep_all_bytes()
    {
        var v = KstatValue.Char("GenuineIntel\0\0\0\0"u8);
        Assert.Equal("GenuineIntel", v.ToString());
        Assert.Equal("GenuineIntel\0\0\0\0", (string)v);
        Assert.Equal("GenuineIntel", (string)v.StripNul());
        var full = KstatValue.Char("0123456789abcdef"u8);
        Assert.Equal("0123456789abcdef", full.ToString());
        Assert.Equal(string.Empty, default(KstatValue).ToString());
    }
}
