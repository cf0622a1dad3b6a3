using System.Numerics;
using Kstat.Tree.Tests.Support;

namespace Kstat.Tree.Tests.Values;

/// <summary>Checked conversions to every numeric type: exact inside the target's range, an exception naming value and target outside it.</summary>
public class KstatValueConversionTests
{
    public static TheoryData<string> Targets => ["sbyte", "byte", "short", "ushort", "int", "uint", "long", "ulong"];

    [Fact]
    public void Five_billion_does_not_silently_become_an_int()
    {
        var v = KstatValue.FromUInt64(5_000_000_000);

        var e = Assert.Throws<OverflowException>(() => (int)v);

        Assert.Contains("5000000000", e.Message, StringComparison.Ordinal);
        Assert.Contains("UInt64", e.Message, StringComparison.Ordinal);
        Assert.Contains("int", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_uint32_statistic_casts_to_uint()
    {
        using var ks = SingleKstat.Tree("cpu_stat:0:cpu_stat0", ("user", KstatValue.FromUInt32(uint.MaxValue)), ("idle", KstatValue.FromUInt32(7)));
        var cpu0 = ks["cpu_stat"][0]["cpu_stat0"];

        uint user = (uint)cpu0["user"];
        int idle = (int)cpu0["idle"];

        Assert.Equal(uint.MaxValue, user);
        Assert.Equal(7, idle);
    }

    [Theory]
    [MemberData(nameof(Targets))]
    public void Each_integer_conversion_is_exact_at_its_limits_and_throws_one_past_them(string target)
    {
        var (min, max, convert) = Integer(target);

        foreach (var (value, expected) in new[] { (min, min), (max, max), (BigInteger.Zero, BigInteger.Zero) })
        {
            foreach (var kstat in EveryKindHolding(value))
            {
                Assert.Equal(expected, convert(kstat));
            }
        }

        foreach (var outside in new[] { min - 1, max + 1 })
        {
            foreach (var kstat in EveryKindHolding(outside))
            {
                var e = Assert.Throws<OverflowException>(() => convert(kstat));
                Assert.Contains(kstat.Kind == KstatValueKind.Double ? kstat.ToString() : outside.ToString(), e.Message, StringComparison.Ordinal);
                Assert.Contains($" {target}", e.Message, StringComparison.Ordinal);
            }
        }
    }

    [Theory]
    [MemberData(nameof(Targets))]
    public void A_double_converts_to_an_integer_only_when_it_is_whole(string target)
    {
        var (_, _, convert) = Integer(target);

        Assert.Equal(new BigInteger(3), convert(KstatValue.FromDouble(3.0)));
        Assert.Contains("not a whole number", Assert.Throws<OverflowException>(() => convert(KstatValue.FromDouble(2.5))).Message, StringComparison.Ordinal);
        Assert.Throws<OverflowException>(() => convert(KstatValue.FromDouble(double.NaN)));
        Assert.Throws<OverflowException>(() => convert(KstatValue.FromDouble(double.PositiveInfinity)));
        Assert.Throws<OverflowException>(() => convert(KstatValue.FromDouble(1e300)));
    }

    [Theory]
    [MemberData(nameof(Targets))]
    public void Text_and_the_absent_default_are_not_numbers(string target)
    {
        var (_, _, convert) = Integer(target);

        Assert.Contains("not a number", Assert.Throws<InvalidCastException>(() => convert(KstatValue.FromString("12"))).Message, StringComparison.Ordinal);
        Assert.Throws<InvalidCastException>(() => convert(KstatValue.Char("12"u8)));
        Assert.Contains("absent", Assert.Throws<InvalidCastException>(() => convert(default)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Floating_and_decimal_conversions_round_as_CSharp_does_and_decimal_is_exact()
    {
        Assert.Equal(18446744073709551615m, (decimal)KstatValue.FromUInt64(ulong.MaxValue));
        Assert.Equal(-9223372036854775808m, (decimal)KstatValue.FromInt64(long.MinValue));
        Assert.Equal(18446744073709551615.0, (double)KstatValue.FromUInt64(ulong.MaxValue));
        Assert.Equal((float)ulong.MaxValue, (float)KstatValue.FromUInt64(ulong.MaxValue));
        Assert.Equal((float)16777217L, (float)KstatValue.FromInt64(16777217)); // rounded as C# rounds a long to float
        Assert.Equal(2.5f, (float)KstatValue.FromDouble(2.5));
        Assert.Equal(0.1m, (decimal)KstatValue.FromDouble(0.1));
        Assert.Throws<OverflowException>(() => (decimal)KstatValue.FromDouble(double.NaN));
        Assert.Throws<OverflowException>(() => (decimal)KstatValue.FromDouble(1e29));
        Assert.Throws<InvalidCastException>(() => (double)KstatValue.FromString("1.5"));
        Assert.Throws<InvalidCastException>(() => (float)default(KstatValue));
        Assert.Throws<InvalidCastException>(() => (decimal)KstatValue.Char("1"u8));
    }

    [Fact]
    public void A_time_is_nanoseconds_as_an_integer_and_seconds_as_a_fraction()
    {
        var t = KstatValue.HrTime(71_231_448_016);

        Assert.Equal(71_231_448_016L, (long)t);
        Assert.Equal(71_231_448_016UL, (ulong)t);
        Assert.Equal(71.231448016, (double)t);
        Assert.Equal(71.231448016m, (decimal)t);
        Assert.Equal(71.231448016f, (float)t);
        Assert.Throws<OverflowException>(() => (int)t);
        Assert.Equal(-1.5m, (decimal)KstatValue.HrTime(-1_500_000_000));
        Assert.Equal(9223372036.854775807m, (decimal)KstatValue.HrTime(long.MaxValue));
    }

    [Fact]
    public void Time_members_say_their_unit()
    {
        var t = KstatValue.HrTime(1_500_000_150);

        Assert.Equal(1_500_000_150, t.ToNanoseconds());
        Assert.Equal((long)t, t.ToNanoseconds());
        Assert.Equal(1.50000015, t.ToSeconds());
        Assert.Equal((double)t, t.ToSeconds());
        Assert.Equal(TimeSpan.FromTicks(15_000_001), t.ToTimeSpan()); // whole 100 ns ticks, cut toward zero
        Assert.Equal(TimeSpan.FromTicks(-15_000_001), KstatValue.HrTime(-1_500_000_150).ToTimeSpan());
        Assert.Equal(TimeSpan.Zero, KstatValue.HrTime(99).ToTimeSpan());
    }

    [Fact]
    public void Time_members_refuse_what_is_not_a_time()
    {
        var e = Assert.Throws<InvalidCastException>(() => KstatValue.FromUInt64(5).ToNanoseconds());
        Assert.Contains("not a time", e.Message, StringComparison.Ordinal);
        Assert.Throws<InvalidCastException>(() => KstatValue.FromDouble(1.5).ToSeconds());
        Assert.Throws<InvalidCastException>(() => KstatValue.FromString("1").ToTimeSpan());
        Assert.Contains("absent", Assert.Throws<InvalidCastException>(() => default(KstatValue).ToSeconds()).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Named_conversions_give_what_the_casts_give()
    {
        var v = KstatValue.FromUInt32(200);

        Assert.Equal((sbyte)100, KstatValue.FromInt32(100).ToSByte());
        Assert.Equal((byte)v, v.ToByte());
        Assert.Equal((short)v, v.ToInt16());
        Assert.Equal((ushort)v, v.ToUInt16());
        Assert.Equal((int)v, v.ToInt32());
        Assert.Equal((uint)v, v.ToUInt32());
        Assert.Equal((long)v, v.ToInt64());
        Assert.Equal((ulong)v, v.ToUInt64());
        Assert.Equal((float)v, v.ToSingle());
        Assert.Equal((double)v, v.ToDouble());
        Assert.Equal((decimal)v, v.ToDecimal());
        Assert.Equal("x", (string)KstatValue.FromString("x"));
    }

    private static (BigInteger Min, BigInteger Max, Func<KstatValue, BigInteger> Convert) Integer(string target) => target switch
    {
        "sbyte" => (sbyte.MinValue, sbyte.MaxValue, v => (sbyte)v),
        "byte" => (byte.MinValue, byte.MaxValue, v => (byte)v),
        "short" => (short.MinValue, short.MaxValue, v => (short)v),
        "ushort" => (ushort.MinValue, ushort.MaxValue, v => (ushort)v),
        "int" => (int.MinValue, int.MaxValue, v => (int)v),
        "uint" => (uint.MinValue, uint.MaxValue, v => (uint)v),
        "long" => (long.MinValue, long.MaxValue, v => (long)v),
        "ulong" => (ulong.MinValue, ulong.MaxValue, v => (ulong)v),
        _ => throw new ArgumentOutOfRangeException(nameof(target)),
    };

    /// <summary>The value in every kind that holds it exactly (a time as nanoseconds, a double when it is exact).</summary>
    private static IEnumerable<KstatValue> EveryKindHolding(BigInteger n)
    {
        if (n >= int.MinValue && n <= int.MaxValue)
        {
            yield return KstatValue.FromInt32((int)n);
        }

        if (n >= uint.MinValue && n <= uint.MaxValue)
        {
            yield return KstatValue.FromUInt32((uint)n);
        }

        if (n >= long.MinValue && n <= long.MaxValue)
        {
            yield return KstatValue.FromInt64((long)n);
            yield return KstatValue.HrTime((long)n);
        }

        if (n >= ulong.MinValue && n <= ulong.MaxValue)
        {
            yield return KstatValue.FromUInt64((ulong)n);
        }

        if ((BigInteger)(double)n == n)
        {
            yield return KstatValue.FromDouble((double)n);
        }
    }
}
