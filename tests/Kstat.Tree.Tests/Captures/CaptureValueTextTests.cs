using System.Globalization;
using System.Numerics;
using System.Text;
using Kstat.Tree;

namespace Kstat.Tree.Tests.Captures;

/// <summary>
/// The capture parser types a value as soon as its line is read and gives it its field's kind once the kstat's type
/// is known; these properties hold it to the rules stated on the text alone, against oracles in decimal and big
/// integer arithmetic, over seeded random texts built around the edges (digit counts, ranges, rounding).
/// </summary>
public class CaptureValueTextTests
{
    private const int Cases = 20_000;

    private static readonly KstatValueKind[] Kinds =
        [KstatValueKind.Int32, KstatValueKind.UInt32, KstatValueKind.Int64, KstatValueKind.UInt64, KstatValueKind.String, KstatValueKind.HrTime];

    [Fact]
    public void Seconds_are_exact_nanoseconds_rounded_half_away_from_zero()
    {
        var random = new Random(20261121);
        for (int i = 0; i < Cases; i++)
        {
            string text = RandomNumberText(random);
            bool parsed = CaptureValues.TryParseSeconds(text, out long ns);
            bool expected = OracleSeconds(text, out long expectedNs);
            Assert.True(expected == parsed && (!parsed || ns == expectedNs), $"'{text}': {parsed} {ns}, expected {expected} {expectedNs}");
        }
    }

    [Fact]
    public void Integers_are_typed_by_their_text_into_the_narrowest_kind()
    {
        var random = new Random(42);
        for (int i = 0; i < Cases; i++)
        {
            string text = RandomNumberText(random);
            KstatAssert.Same(OracleInfer(text), CaptureValues.Infer(text));
        }
    }

    [Fact]
    public void A_field_kind_given_later_types_the_value_as_if_its_text_were_read_with_it()
    {
        var random = new Random(7);
        for (int i = 0; i < Cases; i++)
        {
            string text = RandomNumberText(random);
            var inferred = CaptureValues.Infer(text);
            foreach (var kind in Kinds)
            {
                var typed = CaptureValues.As(kind, inferred);
                Assert.True(OracleAs(kind, text) == typed && typed.Kind == OracleAs(kind, text).Kind, $"'{text}' as {kind}: {typed.Kind} {typed}");
            }

            KstatAssert.Same(inferred, CaptureValues.Renarrow(CaptureValues.As(KstatValueKind.UInt64, inferred)));
        }
    }

    // Texts around the edges: signs, leading zeros, 1 to 21 integer digits (near int, uint, long and ulong limits
    // and the largest time), 0 to 12 decimals with rounding digits, exponents, and a little garbage.
    private static string RandomNumberText(Random random)
    {
        var text = new StringBuilder();
        if (random.Next(4) == 0)
        {
            text.Append('-');
        }

        switch (random.Next(6))
        {
            case 0:
                text.Append(random.Next(12));
                break;
            case 1:
                text.Append(new[] { "2147483647", "2147483648", "4294967295", "4294967296", "9223372036", "9223372037", "9223372036854775807",
                                    "9223372036854775808", "18446744073709551615", "18446744073709551616", "99999999999999999999", }[random.Next(11)]);
                text.Length -= random.Next(2) == 0 ? 0 : Math.Min(1, text.Length);
                break;
            case 2:
                text.Append('0', random.Next(3));
                goto default;
            default:
                for (int digits = 1 + random.Next(21); digits > 0; digits--)
                {
                    text.Append((char)('0' + random.Next(10)));
                }

                break;
        }

        if (random.Next(3) == 0)
        {
            text.Append('.');
            for (int decimals = random.Next(13); decimals > 0; decimals--)
            {
                text.Append(random.Next(3) == 0 ? '5' : (char)('0' + random.Next(10)));
            }
        }

        if (random.Next(20) == 0)
        {
            text.Append(random.Next(2) == 0 ? 'e' : 'E').Append(new[] { "", "+", "-" }[random.Next(3)]).Append(random.Next(1, 2000));
        }

        if (random.Next(50) == 0)
        {
            text.Insert(random.Next(text.Length + 1), " x:+"[random.Next(4)]);
        }

        return text.ToString();
    }

    // The rule: -?digits[.digits][e[+-]d{1,3}], at most 28 digits, |seconds| <= 9223372036, in decimal arithmetic.
    private static bool OracleSeconds(string text, out long nanoseconds)
    {
        nanoseconds = 0;
        var match = System.Text.RegularExpressions.Regex.Match(text, @"^-?(?<i>\d*)(?:\.(?<f>\d*))?(?:[eE][+-]?\d{1,3})?$");
        int digits = match.Groups["i"].Length + match.Groups["f"].Length;
        if (!match.Success || digits is 0 or > 28
            || !decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out decimal seconds)
            || Math.Abs(seconds) > 9_223_372_036m)
        {
            return false;
        }

        nanoseconds = (long)decimal.Round(seconds * 1_000_000_000m, 0, MidpointRounding.AwayFromZero);
        return true;
    }

    private static bool IsCanonical(string text) =>
        System.Text.RegularExpressions.Regex.IsMatch(text, @"^(0|-?[1-9][0-9]{0,19})$");

    private static KstatValue OracleInfer(string text)
    {
        if (!IsCanonical(text))
        {
            return KstatValue.FromString(text);
        }

        var n = BigInteger.Parse(text, CultureInfo.InvariantCulture);
        return n < 0 ? (n >= long.MinValue ? KstatValue.FromInt64((long)n) : KstatValue.FromString(text))
            : n <= int.MaxValue ? KstatValue.FromInt32((int)n)
            : n <= uint.MaxValue ? KstatValue.FromUInt32((uint)n)
            : n <= long.MaxValue ? KstatValue.FromInt64((long)n)
            : n <= ulong.MaxValue ? KstatValue.FromUInt64((ulong)n)
            : KstatValue.FromString(text);
    }

    // A field's kind applied to the text itself: an integer that fits the kind, a string, a time (integer
    // nanoseconds or decimal seconds); text that does not fit is typed by its text alone.
    private static KstatValue OracleAs(KstatValueKind kind, string text)
    {
        BigInteger? n = IsCanonical(text) ? BigInteger.Parse(text, CultureInfo.InvariantCulture) : null;
        return kind switch
        {
            KstatValueKind.Int32 when n >= int.MinValue && n <= int.MaxValue => KstatValue.FromInt32((int)n.Value),
            KstatValueKind.UInt32 when n >= 0 && n <= uint.MaxValue => KstatValue.FromUInt32((uint)n.Value),
            KstatValueKind.Int64 when n >= long.MinValue && n <= long.MaxValue => KstatValue.FromInt64((long)n.Value),
            KstatValueKind.UInt64 when n >= 0 && n <= ulong.MaxValue => KstatValue.FromUInt64((ulong)n.Value),
            KstatValueKind.String => KstatValue.FromString(text),
            KstatValueKind.HrTime when IsTime(n, text) => KstatValue.HrTime(n is { } i ? (long)i : Seconds(text)),
            _ => OracleInfer(text),
        };
    }

    private static bool IsTime(BigInteger? n, string text) =>
        n is { } i ? i >= long.MinValue && i <= long.MaxValue : OracleSeconds(text, out _);

    private static long Seconds(string text) => OracleSeconds(text, out long ns) ? ns : throw new InvalidOperationException(text);
}
