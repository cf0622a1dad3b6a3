using System.Globalization;
using System.Text;
using Kstat.Tree.Tests.Support;

namespace Kstat.Tree.Tests.Values;

/// <summary>Format strings give what the same format gives on the underlying number; no format gives what kstat(1) prints.</summary>
public class KstatValueFormattingTests
{
    private static readonly string[] Formats = ["N0", "N2", "F2", "F0", "D5", "D", "X", "X8", "x", "E3", "G", "G3", "0.00", "#,##0", "P1", "C", "R", "B"];

    private static readonly CultureInfo[] Cultures = [CultureInfo.InvariantCulture, new("de-DE"), new("fr-FR"), new("en-US")];

    public static TheoryData<string> FormatNames => [.. Formats];

    [Fact]
    public void Interpolation_applies_the_format_and_alignment_to_the_number()
    {
        using var ks = SingleKstat.Tree("unix:0:system_pages", ("freemem", KstatValue.FromUInt64(2096)), ("physmem", KstatValue.FromUInt64(1234567)));
        var pages = ks["unix"][0]["system_pages"];
        var ic = CultureInfo.InvariantCulture;

        Assert.Equal("2096.00", string.Create(ic, $"{pages["freemem"],7:F2}"));
        Assert.Equal(string.Create(ic, $"{2096UL,9:F2}|"), string.Create(ic, $"{pages["freemem"],9:F2}|"));
        Assert.Equal("1,234,567", string.Create(ic, $"{pages["physmem"]:N0}"));
        Assert.Equal("1.234.567", string.Create(new CultureInfo("de-DE"), $"{pages["physmem"]:N0}"));
        Assert.Equal("  2096", string.Create(ic, $"{pages["freemem"],6}"));
    }

    [Theory]
    [MemberData(nameof(FormatNames))]
    public void Each_kind_formats_as_its_underlying_number(string format)
    {
        (KstatValue Value, object Number)[] cases =
        [
            (KstatValue.FromInt32(-42), -42), (KstatValue.FromInt32(int.MaxValue), int.MaxValue),
            (KstatValue.FromUInt32(uint.MaxValue), uint.MaxValue), (KstatValue.FromUInt32(2096), 2096u),
            (KstatValue.FromInt64(long.MinValue), long.MinValue), (KstatValue.FromInt64(-1), -1L),
            (KstatValue.FromUInt64(ulong.MaxValue), ulong.MaxValue), (KstatValue.FromUInt64(1234567), 1234567UL),
            (KstatValue.FromDouble(-2.25), -2.25), (KstatValue.FromDouble(1e21), 1e21), (KstatValue.FromDouble(double.NaN), double.NaN),
            (KstatValue.HrTime(71_231_448_016), 71.231448016m), (KstatValue.HrTime(-1_500_000_000), -1.5m), (KstatValue.HrTime(0), 0m),
        ];

        foreach (var culture in Cultures)
        {
            foreach (var (value, number) in cases)
            {
                string? expected;
                try
                {
                    expected = ((IFormattable)number).ToString(format, culture);
                }
                catch (FormatException)
                {
                    expected = null; // D or X on a double or on a time's seconds: the value refuses it as its number does
                }

                if (expected is null)
                {
                    Assert.Throws<FormatException>(() => value.ToString(format, culture));
                    Assert.Throws<FormatException>(() => value.TryFormat(new char[64], out _, format, culture));
                    continue;
                }

                Assert.Equal(expected, value.ToString(format, culture));
                Assert.Equal(expected, string.Format(culture, "{0:" + format + "}", value));
                Assert.Equal(expected, Chars(value, format, culture));
                Assert.Equal(expected, Utf8(value, format, culture));
            }
        }
    }

    [Fact]
    public void Without_a_format_a_value_prints_what_kstat1_prints_in_any_culture()
    {
        var saved = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = new CultureInfo("de-DE");
            KstatValue[] values = [KstatValue.HrTime(1_500_000_000), KstatValue.FromInt64(-1), KstatValue.FromDouble(0.5), KstatValue.FromUInt64(1234567),
                                   KstatValue.Char("on-line\0\0"u8), KstatValue.FromString("x y"), default];
            foreach (var v in values)
            {
                Assert.Equal(v.ToString(), $"{v}");
                Assert.Equal(v.ToString(), v.ToString(null));
                Assert.Equal(v.ToString(), v.ToString("", CultureInfo.CurrentCulture));
                Assert.Equal(v.ToString(), Chars(v, "", null));
                Assert.Equal(v.ToString(), Utf8(v, "", null));
            }

            Assert.Equal("1.500000000", $"{KstatValue.HrTime(1_500_000_000)}");
            Assert.Equal("0.5", $"{KstatValue.FromDouble(0.5)}");
            Assert.Equal("1234567", $"{KstatValue.FromUInt64(1234567)}");
        }
        finally
        {
            CultureInfo.CurrentCulture = saved;
        }
    }

    [Fact]
    public void A_time_with_a_format_formats_its_exact_seconds()
    {
        var t = KstatValue.HrTime(71_231_448_016);
        var ic = CultureInfo.InvariantCulture;

        Assert.Equal("71.231", string.Create(ic, $"{t:F3}"));
        Assert.Equal("71.23144801600", string.Create(ic, $"{t:F11}"));
        Assert.Equal(((decimal)t).ToString("N2", ic), t.ToString("N2", ic));
    }

    [Fact]
    public void Text_honours_alignment_and_ignores_a_numeric_format()
    {
        var state = KstatValue.Char("on-line\0\0\0\0\0\0\0\0\0"u8);
        var brand = KstatValue.FromString("Intel(r) Xeon(r)");
        var ic = CultureInfo.InvariantCulture;

        Assert.Equal("on-line   |", string.Create(ic, $"{state,-10}|"));
        Assert.Equal("   on-line|", string.Create(ic, $"{state,10}|"));
        Assert.Equal("on-line", string.Create(ic, $"{state:N0}"));
        Assert.Equal("Intel(r) Xeon(r)", brand.ToString("F2", ic));
        Assert.Equal("on-line", Utf8(state, "X", ic));
        Assert.Equal(string.Empty, string.Create(ic, $"{default(KstatValue):N0}"));
    }

    [Fact]
    public void A_char_array_that_is_not_utf8_formats_alike_as_chars_and_as_utf8()
    {
        var v = KstatValue.Char([0x41, 0xFF, 0x42, 0]);

        Assert.Equal(v.ToString(), Chars(v, "", null));
        Assert.Equal(v.ToString(), Utf8(v, "", null));
        Assert.Equal("A\uFFFDB", v.ToString());
    }

    [Fact]
    public void Formatting_into_a_span_too_small_reports_it_and_writes_nothing_past_it()
    {
        KstatValue[] values = [KstatValue.FromUInt64(ulong.MaxValue), KstatValue.HrTime(71_231_448_016), KstatValue.FromString("GenuineIntel"), KstatValue.Char("GenuineIntel"u8)];

        foreach (var v in values)
        {
            string full = v.ToString();
            Assert.False(v.TryFormat(new char[full.Length - 1], out int chars));
            Assert.Equal(0, chars);
            Assert.False(v.TryFormat(new byte[full.Length - 1], out int bytes));
            Assert.True(v.TryFormat(new char[full.Length], out chars));
            Assert.Equal(full.Length, chars);
        }
    }

    private static string Chars(KstatValue value, string format, IFormatProvider? provider)
    {
        var buffer = new char[128];
        Assert.True(value.TryFormat(buffer, out int written, format, provider));
        return new string(buffer, 0, written);
    }

    private static string Utf8(KstatValue value, string format, IFormatProvider? provider)
    {
        var buffer = new byte[256];
        Assert.True(value.TryFormat(buffer, out int written, format, provider));
        return Encoding.UTF8.GetString(buffer, 0, written);
    }
}
