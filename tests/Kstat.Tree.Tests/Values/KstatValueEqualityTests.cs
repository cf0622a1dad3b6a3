using System.Numerics;
using Kstat.Tree.Tests.Support;

namespace Kstat.Tree.Tests.Values;

/// <summary>Equality and order by value, not by storage kind: what <c>==</c>, <c>&lt;</c>, hashing and sorting of values answer.</summary>
public class KstatValueEqualityTests
{
    [Fact]
    public void A_uint32_statistic_equals_an_int_literal()
    {
        using var ks = SingleKstat.Tree("unix:0:system_misc", ("ncpus", KstatValue.FromUInt32(2)), ("nproc", KstatValue.FromUInt32(117)));

        Assert.True(ks["unix"][0]["system_misc"]["ncpus"] == 2);
        Assert.False(ks["unix"][0]["system_misc"]["ncpus"] != 2);
        Assert.True(ks["unix"][0]["system_misc"]["nproc"] > 100);
        Assert.Equal(KstatValue.FromInt32(2).GetHashCode(), ks["unix"][0]["system_misc"]["ncpus"].GetHashCode());
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void A_live_char_state_equals_its_text_as_a_capture_string_does(bool stripStrings)
    {
        var options = new KstatTreeOptions { StripStrings = stripStrings };
        using var live = SingleKstat.Tree("cpu_info:0:cpu_info0", options, ("state", KstatValue.Char("on-line\0\0\0\0\0\0\0\0\0"u8)));
        using var capture = KstatTree.Parse("cpu_info:0:cpu_info0:state\ton-line\n");

        var state = live["cpu_info"][0]["cpu_info0"]["state"];
        var captured = capture["cpu_info"][0]["cpu_info0"]["state"];

        Assert.Equal(KstatValueKind.Char, state.Kind);
        Assert.Equal(KstatValueKind.String, captured.Kind);
        Assert.True(state == "on-line");
        Assert.True(captured == "on-line");
        Assert.Equal(captured, state);
        Assert.Equal(captured.GetHashCode(), state.GetHashCode());
        Assert.False(state == "off-line");
    }

    [Fact]
    public void Integers_of_every_kind_are_equal_by_value_with_equal_hashes()
    {
        KstatValue[] twos = [KstatValue.FromInt32(2), KstatValue.FromUInt32(2), KstatValue.FromInt64(2), KstatValue.FromUInt64(2), KstatValue.FromDouble(2.0), KstatValue.HrTime(2)];

        foreach (var a in twos)
        {
            foreach (var b in twos)
            {
                Assert.True(a == b, $"{a.Kind} 2 == {b.Kind} 2");
                Assert.Equal(0, a.CompareTo(a)); // each against itself; times are ordered only against times
                Assert.Equal(a.GetHashCode(), b.GetHashCode());
            }
        }

        Assert.True(KstatValue.FromUInt32(uint.MaxValue) == KstatValue.FromInt64(uint.MaxValue));
        Assert.True(KstatValue.FromInt32(-1) == KstatValue.FromInt64(-1));
    }

    [Fact]
    public void Values_whose_bits_agree_are_still_different_numbers()
    {
        Assert.False(KstatValue.FromUInt64(ulong.MaxValue) == KstatValue.FromInt64(-1));
        Assert.False(KstatValue.FromUInt32(uint.MaxValue) == KstatValue.FromInt32(-1));
        Assert.True(KstatValue.FromUInt64(ulong.MaxValue) > KstatValue.FromInt64(-1));
        Assert.True(KstatValue.FromInt32(-1) < KstatValue.FromUInt32(0));
    }

    [Fact]
    public void A_double_equals_an_integer_only_when_it_is_exactly_that_integer()
    {
        const ulong TwoTo53 = 1UL << 53;
        Assert.True(KstatValue.FromDouble(TwoTo53) == KstatValue.FromUInt64(TwoTo53));
        Assert.False(KstatValue.FromDouble(TwoTo53) == KstatValue.FromUInt64(TwoTo53 + 1)); // (double)(2^53 + 1) is 2^53
        Assert.True(KstatValue.FromDouble(TwoTo53) < KstatValue.FromUInt64(TwoTo53 + 1));
        Assert.False(KstatValue.FromDouble(18446744073709551615.0) == KstatValue.FromUInt64(ulong.MaxValue)); // that double is 2^64
        Assert.True(KstatValue.FromDouble(18446744073709551615.0) > KstatValue.FromUInt64(ulong.MaxValue));
        Assert.False(KstatValue.FromDouble(2.5) == 2);
        Assert.True(KstatValue.FromDouble(2.5) > 2 && KstatValue.FromDouble(2.5) < 3);
        Assert.True(KstatValue.FromDouble(-2.5) < -2 && KstatValue.FromDouble(-2.5) > -3);
        Assert.True(KstatValue.FromDouble(-0.0) == 0);
        Assert.Equal(KstatValue.FromInt32(0).GetHashCode(), KstatValue.FromDouble(-0.0).GetHashCode());
        Assert.True(KstatValue.FromDouble(double.NaN).Equals(KstatValue.FromDouble(double.NaN))); // Equals is reflexive
        Assert.False(KstatValue.FromDouble(double.NaN) == 0);
        Assert.True(KstatValue.FromDouble(double.PositiveInfinity) > KstatValue.FromUInt64(ulong.MaxValue));
    }

    [Fact]
    public void A_time_equals_its_nanoseconds_and_is_ordered_only_against_times()
    {
        using var ks = SingleKstat.Tree("sd:0:sd0", ("rtime", KstatValue.HrTime(0)), ("wtime", KstatValue.HrTime(1_500_000_000)));
        var sd0 = ks["sd"][0]["sd0"];

        Assert.True(sd0["rtime"] == 0);
        Assert.True(sd0["wtime"] == 1_500_000_000L);
        Assert.True(sd0["wtime"] > sd0["rtime"]);
        Assert.True(sd0["snaptime"] > sd0["crtime"]);
        var e = Assert.Throws<ArgumentException>(() => sd0["wtime"] > 1);
        Assert.Contains("ToSeconds()", e.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => KstatValue.FromDouble(1.5) < sd0["wtime"]);
        Assert.True(sd0["wtime"].ToSeconds() > 1);
    }

    [Fact]
    public void Text_and_numbers_are_never_equal_and_have_no_order_between_them()
    {
        Assert.False(KstatValue.FromString("5") == 5);
        Assert.False(KstatValue.Char("5"u8) == KstatValue.FromUInt64(5));
        Assert.Throws<ArgumentException>(() => KstatValue.FromString("5") < 6);
        Assert.True(KstatValue.FromString("off-line") < KstatValue.Char("on-line\0"u8));
        Assert.True(string.CompareOrdinal("B", "a") < 0 == KstatValue.FromString("B") < KstatValue.FromString("a"));
    }

    [Fact]
    public void The_absent_default_equals_only_itself_and_orders_first()
    {
        KstatValue absent = default;

        Assert.Equal(KstatValueKind.None, absent.Kind);
        Assert.True(absent == default(KstatValue));
        Assert.False(absent == KstatValue.Char([]));
        Assert.False(absent == "");
        Assert.False(absent == 0);
        Assert.True(absent < 0 && absent < "" && absent < KstatValue.HrTime(0));
        Assert.Equal(1, ((IComparable)KstatValue.FromInt32(0)).CompareTo(null));
        Assert.Equal([default, KstatValue.FromInt32(-5), 7L, 8u], new KstatValue[] { 8u, default, 7L, KstatValue.FromInt32(-5) }.Order());
    }

    [Fact]
    public void Sorting_orders_numbers_of_mixed_kinds_by_value()
    {
        KstatValue[] values = [KstatValue.FromUInt64(ulong.MaxValue), -3, 2.5, KstatValue.FromUInt32(2), long.MinValue, 3L, double.NegativeInfinity];

        var sorted = values.Order().Select(v => v.ToString()).ToArray();

        Assert.Equal(["-Infinity", "-9223372036854775808", "-3", "2", "2.5", "3", "18446744073709551615"], sorted);
    }

    /// <summary>
    /// Random values of every kind drawn around the places where kinds meet (0, the 32- and 64-bit limits, 2^53, text
    /// with and without NULs); every pair is checked against an independent model in <see cref="BigInteger"/> arithmetic.
    /// </summary>
    [Fact]
    public void Equality_hash_and_order_agree_with_exact_arithmetic_over_random_values()
    {
        var random = new Random(20261122);
        var values = Enumerable.Range(0, 600).Select(_ => RandomValue(random)).ToArray();

        for (int i = 0; i < values.Length; i++)
        {
            for (int j = 0; j < values.Length; j++)
            {
                var (a, b) = (values[i], values[j]);
                bool equal = ModelEquals(a, b);
                Assert.True(equal == a.Equals(b), $"{Describe(a)} Equals {Describe(b)}: model says {equal}");
                Assert.True(equal == (a == b), $"{Describe(a)} == {Describe(b)}");
                Assert.True(a.Equals(b) == b.Equals(a), $"symmetry of {Describe(a)} and {Describe(b)}");
                if (equal)
                {
                    Assert.True(a.GetHashCode() == b.GetHashCode(), $"hash of {Describe(a)} and {Describe(b)}");
                }

                if (ModelCompare(a, b) is { } order)
                {
                    Assert.True(order == Math.Sign(a.CompareTo(b)), $"{Describe(a)} CompareTo {Describe(b)}: model says {order}");
                }
                else
                {
                    Assert.Throws<ArgumentException>(() => a.CompareTo(b));
                }
            }
        }
    }

    private static string Describe(KstatValue v) => $"{v.Kind} {v}";

    private static KstatValue RandomValue(Random random)
    {
        BigInteger[] pivots = [0, 1, 2, int.MaxValue, uint.MaxValue, long.MaxValue, ulong.MaxValue, 1L << 53, -1, int.MinValue, long.MinValue];
        BigInteger n = pivots[random.Next(pivots.Length)] + random.Next(-2, 3);
        string[] texts = ["", "on-line", "off-line", "5", "GenuineIntel", "é"];
        switch (random.Next(10))
        {
            case 0:
                return n >= int.MinValue && n <= int.MaxValue ? KstatValue.FromInt32((int)n) : KstatValue.FromInt32(random.Next());
            case 1:
                return n >= 0 && n <= uint.MaxValue ? KstatValue.FromUInt32((uint)n) : KstatValue.FromUInt32((uint)random.Next());
            case 2:
                return n >= long.MinValue && n <= long.MaxValue ? KstatValue.FromInt64((long)n) : KstatValue.FromInt64(random.NextInt64());
            case 3:
                return n >= 0 && n <= ulong.MaxValue ? KstatValue.FromUInt64((ulong)n) : KstatValue.FromUInt64((ulong)random.NextInt64());
            case 4:
                return n >= long.MinValue && n <= long.MaxValue ? KstatValue.HrTime((long)n) : KstatValue.HrTime(random.NextInt64());
            case 5:
                double[] specials = [double.NaN, double.PositiveInfinity, double.NegativeInfinity, -0.0, 0.5, -2.5, 1e30];
                return KstatValue.FromDouble(random.Next(3) == 0 ? specials[random.Next(specials.Length)] : (double)n);
            case 6:
                return KstatValue.FromString(texts[random.Next(texts.Length)]);
            case 7:
                byte[] bytes = [.. System.Text.Encoding.UTF8.GetBytes(texts[random.Next(texts.Length)]), .. new byte[random.Next(3)], .. random.Next(2) == 0 ? "x"u8.ToArray() : []];
                return KstatValue.Char(bytes);
            case 8:
                return default;
            default:
                return random.Next(2) == 0 ? KstatValue.FromInt64((long)random.Next(-3, 3)) : KstatValue.FromDouble(random.Next(-3, 3));
        }
    }

    private enum Domain
    {
        None,
        Number,
        Time,
        Text,
    }

    private static Domain DomainOf(KstatValue v) => v.Kind switch
    {
        KstatValueKind.None => Domain.None,
        KstatValueKind.HrTime => Domain.Time,
        KstatValueKind.Char or KstatValueKind.String => Domain.Text,
        _ => Domain.Number,
    };

    private static bool ModelEquals(KstatValue a, KstatValue b)
    {
        var (da, db) = (DomainOf(a), DomainOf(b));
        if (da == Domain.Text || db == Domain.Text)
        {
            return da == db && string.Equals(a.ToString(), b.ToString(), StringComparison.Ordinal);
        }

        if (da == Domain.None || db == Domain.None)
        {
            return da == db;
        }

        if (a.Kind == KstatValueKind.Double && b.Kind == KstatValueKind.Double)
        {
            return a.ToDouble().Equals(b.ToDouble());
        }

        return ModelNumberCompare(a, b) == 0; // a time is its nanoseconds here
    }

    /// <summary>The order the rules give, or null where there is none (a time against a number, text against a number).</summary>
    private static int? ModelCompare(KstatValue a, KstatValue b)
    {
        var (da, db) = (DomainOf(a), DomainOf(b));
        if (da == Domain.None || db == Domain.None)
        {
            return da == db ? 0 : da == Domain.None ? -1 : 1;
        }

        if (da != db)
        {
            return null;
        }

        return da == Domain.Text ? Math.Sign(string.CompareOrdinal(a.ToString(), b.ToString())) : ModelNumberCompare(a, b);
    }

    /// <summary>Exact comparison of two numbers (a time as nanoseconds): a finite double is m·2^e, compared in BigInteger.</summary>
    private static int ModelNumberCompare(KstatValue a, KstatValue b)
    {
        bool aNaN = a.Kind == KstatValueKind.Double && double.IsNaN(a.ToDouble());
        bool bNaN = b.Kind == KstatValueKind.Double && double.IsNaN(b.ToDouble());
        if (aNaN || bNaN)
        {
            return aNaN && bNaN ? 0 : aNaN ? -1 : 1; // NaN orders first, as double.CompareTo has it
        }

        var (an, ae) = Rational(a);
        var (bn, be) = Rational(b);
        int e = Math.Min(ae, be);
        return (an << (ae - e)).CompareTo(bn << (be - e));
    }

    /// <summary>The value as n·2^e exactly; infinities as ±2^2000.</summary>
    private static (BigInteger N, int E) Rational(KstatValue v)
    {
        switch (v.Kind)
        {
            case KstatValueKind.UInt32:
            case KstatValueKind.UInt64:
                return (new BigInteger(v.ToUInt64()), 0);
            case KstatValueKind.Double:
                double d = v.ToDouble();
                if (double.IsInfinity(d))
                {
                    return (d > 0 ? BigInteger.One : BigInteger.MinusOne, 2000);
                }

                long bits = BitConverter.DoubleToInt64Bits(d);
                int exponent = (int)((bits >> 52) & 0x7FF);
                long mantissa = bits & 0xF_FFFF_FFFF_FFFF;
                mantissa = exponent == 0 ? mantissa : mantissa | (1L << 52);
                int e = (exponent == 0 ? 1 : exponent) - 1075;
                return (d < 0 ? -mantissa : mantissa, e);
            default:
                return (new BigInteger(v.ToInt64()), 0);
        }
    }
}
