using System.Globalization;

namespace Kstat.Tree;

/// <summary>
/// Turns the text of a captured value into a <see cref="KstatValue"/> without a type column: exact integers,
/// exact times, everything else the verbatim string.
/// </summary>
/// <remarks>
/// A value is typed by its text as soon as its line is read (<see cref="Infer"/>), so that no string is kept for a
/// number; once the kstat's type is known, <see cref="As"/> gives the values of an I/O, interrupt, timer or raw kstat
/// the kinds of their fields. Inferred values keep all the text tells: a canonical integer prints back to its text.
/// </remarks>
internal static class CaptureValues
{
    private const long NanosPerSecond = 1_000_000_000;
    private const decimal NanosPerSecondDecimal = 1_000_000_000m;

    // |seconds| beyond this does not fit an hrtime_t in nanoseconds.
    private const long MaxSeconds = 9_223_372_036;

    // A decimal holds 28 significant digits exactly; longer text is refused rather than rounded.
    private const int MaxDecimalDigits = 28;

    /// <summary>
    /// Types a value by its text alone. A canonical decimal integer (no sign on zero, no leading zeros, so printing
    /// it gives back the same text) becomes the narrowest kind: 0..int.MaxValue Int32, up to uint.MaxValue UInt32,
    /// up to long.MaxValue Int64, beyond UInt64; a negative one Int64. Anything else stays a string.
    /// </summary>
    public static KstatValue Infer(ReadOnlySpan<char> text) =>
        TryInferInteger(text, out var value) ? value : KstatValue.FromString(text.ToString());

    /// <summary>Types a canonical decimal integer as <see cref="Infer"/> does; <see langword="false"/> for any other text.</summary>
    public static bool TryInferInteger(ReadOnlySpan<char> text, out KstatValue value)
    {
        value = default;
        if (!TryParseCanonical(text, out bool negative, out ulong magnitude))
        {
            return false;
        }

        if (negative)
        {
            if (magnitude > 1UL << 63)
            {
                return false;
            }

            value = KstatValue.FromInt64(unchecked(-(long)magnitude));
            return true;
        }

        value = Narrow(magnitude);
        return true;
    }

    /// <summary>
    /// Gives a value typed by its text (<see cref="Infer"/>) the kind a field of this kind has (an I/O counter, a
    /// cpu_stat field, a timer's name); a value that does not fit stays as it was.
    /// </summary>
    public static KstatValue As(KstatValueKind kind, KstatValue value)
    {
        if (value.IsText)
        {
            // Text that is not an integer: only a time can make more of it (seconds, as the Perl kstat prints them).
            return kind == KstatValueKind.HrTime && TryParseSeconds(value.ToText(), out long seconds) ? KstatValue.HrTime(seconds) : value;
        }

        bool unsigned = value.Kind == KstatValueKind.UInt64;
        ulong u = value.ToUInt64Bits();
        long l = unchecked((long)u);
        return kind switch
        {
            KstatValueKind.Int32 when !unsigned && l is >= int.MinValue and <= int.MaxValue => KstatValue.FromInt32((int)l),
            KstatValueKind.UInt32 when !unsigned && l is >= 0 and <= uint.MaxValue => KstatValue.FromUInt32((uint)l),
            KstatValueKind.Int64 when !unsigned => KstatValue.FromInt64(l),
            KstatValueKind.UInt64 when unsigned || l >= 0 => KstatValue.FromUInt64(u),
            KstatValueKind.String => KstatValue.FromString(value.ToString()), // the canonical integer prints back its text
            KstatValueKind.HrTime when !unsigned => KstatValue.HrTime(l), // integer nanoseconds, as the C kstat(1) prints them
            _ => value,
        };
    }

    /// <summary>Gives an integer value back the kind <see cref="Infer"/> gives its text; other values come back unchanged.</summary>
    public static KstatValue Renarrow(KstatValue value)
    {
        if (!value.IsInteger)
        {
            return value;
        }

        ulong u = value.ToUInt64Bits();
        return value.Kind != KstatValueKind.UInt64 && unchecked((long)u) < 0 ? KstatValue.FromInt64(unchecked((long)u)) : Narrow(u);
    }

    /// <summary>
    /// Parses seconds printed as decimal text (<c>%.9f</c>, Perl's <c>%.15g</c>, or <c>0</c>) into exact nanoseconds:
    /// <c>"23312660.5754132"</c> gives 23312660575413200. Digits past the ninth decimal are rounded half away from
    /// zero; at most 28 digits are taken, as a decimal holds them.
    /// </summary>
    public static bool TryParseSeconds(ReadOnlySpan<char> text, out long nanoseconds)
    {
        nanoseconds = 0;
        if (text.IndexOfAny('e', 'E') >= 0)
        {
            return TryParseScientific(text, out nanoseconds);
        }

        int i = 0;
        bool negative = i < text.Length && text[i] == '-';
        if (negative)
        {
            i++;
        }

        long seconds = 0;
        int digits = 0;
        for (; i < text.Length && char.IsAsciiDigit(text[i]); i++, digits++)
        {
            seconds = (seconds * 10) + (text[i] - '0');
            if (seconds > MaxSeconds)
            {
                return false;
            }
        }

        long fraction = 0;
        int scale = 0;
        bool roundUp = false; // the rest after nine decimals is at least half a nanosecond
        bool rest = false;    // the rest is not zero
        if (i < text.Length && text[i] == '.')
        {
            for (i++; i < text.Length && char.IsAsciiDigit(text[i]); i++, digits++)
            {
                if (scale < 9)
                {
                    fraction = (fraction * 10) + (text[i] - '0');
                    scale++;
                }
                else
                {
                    roundUp |= scale++ == 9 && text[i] >= '5';
                    rest |= text[i] != '0';
                }
            }
        }

        if (digits is 0 or > MaxDecimalDigits)
        {
            return false;
        }

        if (i < text.Length)
        {
            return false;
        }

        for (; scale < 9; scale++)
        {
            fraction *= 10;
        }

        if (seconds == MaxSeconds && (fraction > 0 || rest))
        {
            return false;
        }

        long ns = (seconds * NanosPerSecond) + fraction + (roundUp ? 1 : 0);
        nanoseconds = negative ? -ns : ns;
        return true;
    }

    /// <summary>Parses a canonical decimal integer (<c>0</c>, <c>42</c>, <c>-1</c>; not <c>007</c>, <c>-0</c>, <c>+1</c>) that fits a <see cref="long"/>: instance numbers, JSON header fields.</summary>
    public static bool TryParseCanonical(ReadOnlySpan<char> text, out long value)
    {
        value = 0;
        if (!TryParseCanonical(text, out bool negative, out ulong magnitude) || magnitude > (negative ? 1UL << 63 : long.MaxValue))
        {
            return false;
        }

        value = negative ? unchecked(-(long)magnitude) : (long)magnitude;
        return true;
    }

    // A canonical integer (printing it gives back the same text) whose magnitude fits 64 bits.
    private static bool TryParseCanonical(ReadOnlySpan<char> text, out bool negative, out ulong magnitude)
    {
        magnitude = 0;
        negative = text.Length > 0 && text[0] == '-';
        var digits = negative ? text[1..] : text;
        if (digits.Length is 0 or > 20 || (digits[0] == '0' && (digits.Length > 1 || negative)))
        {
            return false;
        }

        ulong m = 0;
        foreach (char c in digits)
        {
            uint digit = (uint)(c - '0');
            if (digit > 9)
            {
                return false;
            }

            m = unchecked((m * 10) + digit); // 19 digits always fit; 20 are checked below
        }

        if (digits.Length == 20 && !ulong.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out m))
        {
            return false; // above ulong.MaxValue
        }

        magnitude = m;
        return true;
    }

    private static KstatValue Narrow(ulong u) => u switch
    {
        <= int.MaxValue => KstatValue.FromInt32((int)u),
        <= uint.MaxValue => KstatValue.FromUInt32((uint)u),
        <= long.MaxValue => KstatValue.FromInt64((long)u),
        _ => KstatValue.FromUInt64(u),
    };

    // -?digits[.digits]e[+-]ddd (rare: Perl's %g for tiny or huge times), checked here, computed in decimal arithmetic.
    private static bool TryParseScientific(ReadOnlySpan<char> text, out long nanoseconds)
    {
        nanoseconds = 0;
        int e = text.IndexOfAny('e', 'E');
        var mantissa = text[..e];
        var exponent = text[(e + 1)..];
        if (mantissa.Length > 0 && mantissa[0] == '-')
        {
            mantissa = mantissa[1..];
        }

        int point = mantissa.IndexOf('.');
        var whole = point < 0 ? mantissa : mantissa[..point];
        var decimals = point < 0 ? default : mantissa[(point + 1)..];
        if (exponent.Length > 0 && exponent[0] is '+' or '-')
        {
            exponent = exponent[1..];
        }

        if (whole.ContainsAnyExceptInRange('0', '9') || decimals.ContainsAnyExceptInRange('0', '9')
            || whole.Length + decimals.Length is 0 or > MaxDecimalDigits
            || exponent.Length is 0 or > 3 || exponent.ContainsAnyExceptInRange('0', '9')
            || !decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent,
                                 CultureInfo.InvariantCulture, out decimal seconds)
            || Math.Abs(seconds) > MaxSeconds)
        {
            return false;
        }

        decimal ns = decimal.Round(seconds * NanosPerSecondDecimal, 0, MidpointRounding.AwayFromZero);
        if (ns > long.MaxValue || ns < long.MinValue)
        {
            return false;
        }

        nanoseconds = (long)ns;
        return true;
    }
}
