using System.Globalization;

namespace Kstat.Tree;

/// <summary>
/// Turns the text of a captured value into a <see cref="KstatValue"/> without a type column: exact integers,
/// exact times, everything else the verbatim string.
/// </summary>
internal static class CaptureValues
{
    private const decimal NanosPerSecond = 1_000_000_000m;

    // |seconds| beyond this does not fit an hrtime_t in nanoseconds.
    private const decimal MaxSeconds = 9_223_372_036m;

    /// <summary>
    /// Types a value by its text alone. A canonical decimal integer (no sign on zero, no leading zeros, so printing
    /// it gives back the same text) becomes the narrowest kind: 0..int.MaxValue Int32, up to uint.MaxValue UInt32,
    /// up to long.MaxValue Int64, beyond UInt64; a negative one Int64. Anything else stays a string.
    /// </summary>
    public static KstatValue Infer(string text)
    {
        if (!IsCanonicalInteger(text))
        {
            return KstatValue.FromString(text);
        }

        if (text[0] == '-')
        {
            return long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long negative)
                ? KstatValue.FromInt64(negative)
                : KstatValue.FromString(text);
        }

        if (!ulong.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out ulong u))
        {
            return KstatValue.FromString(text);
        }

        return u switch
        {
            <= int.MaxValue => KstatValue.FromInt32((int)u),
            <= uint.MaxValue => KstatValue.FromUInt32((uint)u),
            <= long.MaxValue => KstatValue.FromInt64((long)u),
            _ => KstatValue.FromUInt64(u),
        };
    }

    /// <summary>Types a value whose kind the kstat's type fixes (an I/O counter, a cpu_stat field); text that does not fit falls back to <see cref="Infer"/>.</summary>
    public static KstatValue As(KstatValueKind kind, string text)
    {
        var ic = CultureInfo.InvariantCulture;
        switch (kind)
        {
            case KstatValueKind.Int32 when IsCanonicalInteger(text) && int.TryParse(text, NumberStyles.AllowLeadingSign, ic, out int i):
                return KstatValue.FromInt32(i);
            case KstatValueKind.UInt32 when IsCanonicalInteger(text) && uint.TryParse(text, NumberStyles.None, ic, out uint ui):
                return KstatValue.FromUInt32(ui);
            case KstatValueKind.Int64 when IsCanonicalInteger(text) && long.TryParse(text, NumberStyles.AllowLeadingSign, ic, out long l):
                return KstatValue.FromInt64(l);
            case KstatValueKind.UInt64 when IsCanonicalInteger(text) && ulong.TryParse(text, NumberStyles.None, ic, out ulong ul):
                return KstatValue.FromUInt64(ul);
            case KstatValueKind.String:
                return KstatValue.FromString(text);
            case KstatValueKind.HrTime when TryParseIoTime(text, out long ns):
                return KstatValue.HrTime(ns);
            default:
                return Infer(text);
        }
    }

    /// <summary>
    /// Parses an I/O or timer time: the C kstat(1) prints integer nanoseconds, the Perl kstat float seconds, so an
    /// integer is nanoseconds and a decimal is seconds.
    /// </summary>
    public static bool TryParseIoTime(string text, out long nanoseconds)
    {
        if (IsCanonicalInteger(text))
        {
            return long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out nanoseconds);
        }

        return TryParseSeconds(text, out nanoseconds);
    }

    /// <summary>
    /// Parses seconds printed as decimal text (<c>%.9f</c>, Perl's <c>%.15g</c>, or <c>0</c>) into exact nanoseconds,
    /// in decimal arithmetic: <c>"23312660.5754132"</c> gives 23312660575413200. Digits past the ninth decimal are
    /// rounded half away from zero.
    /// </summary>
    public static bool TryParseSeconds(string text, out long nanoseconds)
    {
        nanoseconds = 0;
        if (!LooksDecimal(text)
            || !decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent,
                                 CultureInfo.InvariantCulture, out decimal seconds)
            || Math.Abs(seconds) > MaxSeconds)
        {
            return false;
        }

        decimal ns = decimal.Round(seconds * NanosPerSecond, 0, MidpointRounding.AwayFromZero);
        if (ns > long.MaxValue || ns < long.MinValue)
        {
            return false;
        }

        nanoseconds = (long)ns;
        return true;
    }

    /// <summary>Tells whether the text is a decimal integer that printing gives back unchanged (<c>0</c>, <c>42</c>, <c>-1</c>; not <c>007</c>, <c>-0</c>, <c>+1</c>).</summary>
    public static bool IsCanonicalInteger(ReadOnlySpan<char> text)
    {
        var digits = text.Length > 0 && text[0] == '-' ? text[1..] : text;
        if (digits.Length is 0 or > 20 || (digits[0] == '0' && (digits.Length > 1 || digits.Length != text.Length)))
        {
            return false;
        }

        foreach (char c in digits)
        {
            if (c is < '0' or > '9')
            {
                return false;
            }
        }

        return true;
    }

    // -?digits[.digits][e[+-]digits], checked before decimal.TryParse so that nothing else it accepts slips through.
    private static bool LooksDecimal(ReadOnlySpan<char> text)
    {
        int i = 0;
        if (i < text.Length && text[i] == '-')
        {
            i++;
        }

        int digits = 0;
        while (i < text.Length && char.IsAsciiDigit(text[i]))
        {
            i++;
            digits++;
        }

        if (i < text.Length && text[i] == '.')
        {
            i++;
            while (i < text.Length && char.IsAsciiDigit(text[i]))
            {
                i++;
                digits++;
            }
        }

        if (digits == 0 || digits > 28)
        {
            return false;
        }

        if (i < text.Length && text[i] is 'e' or 'E')
        {
            i++;
            if (i < text.Length && text[i] is '+' or '-')
            {
                i++;
            }

            int exponent = 0;
            while (i < text.Length && char.IsAsciiDigit(text[i]) && exponent < 3)
            {
                i++;
                exponent++;
            }

            if (exponent == 0)
            {
                return false;
            }
        }

        return i == text.Length;
    }
}
