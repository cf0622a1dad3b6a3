using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Unicode;

namespace Kstat.Tree;

/// <content>Printing: with no format what kstat(1) prints; with a format, the number as its own type formats it.</content>
public readonly partial struct KstatValue : ISpanFormattable, IUtf8SpanFormattable
{
    /// <summary>
    /// Formats the value in the invariant culture the way illumos kstat(1) prints it: integers in
    /// decimal, a char array up to its first NUL, a time as seconds with nine decimals (<c>%.9f</c>) or
    /// the literal <c>0</c>; <see cref="KstatValueKind.None"/> as the empty string.
    /// </summary>
    /// <returns>The printed form.</returns>
    /// <remarks>Times are printed exactly from their nanoseconds, without the rounding a double would add, as kstat(1)
    /// prints <c>crtime</c> and <c>snaptime</c>. The times of I/O and timer kstats (<c>rtime</c>, <c>wtime</c>,
    /// <c>elapsed_time</c>…) are times here too and print the same way, in seconds (Perl's unit); kstat(1) prints those as
    /// integer nanoseconds, which <see cref="ToNanoseconds"/> gives.</remarks>
    public override string ToString() => Kind switch
    {
        KstatValueKind.Int32 or KstatValueKind.Int64 => _bits.ToString(CultureInfo.InvariantCulture),
        KstatValueKind.UInt32 or KstatValueKind.UInt64 => unchecked((ulong)_bits).ToString(CultureInfo.InvariantCulture),
        KstatValueKind.Double => DoubleValue.ToString("R", CultureInfo.InvariantCulture),
        KstatValueKind.String => (string)_ref!,
        KstatValueKind.Char => Encoding.UTF8.GetString(PrintedCharBytes()),
        KstatValueKind.HrTime => FormatSeconds(_bits),
        _ => string.Empty,
    };

    /// <summary>Formats the value with a .NET format string in the current culture, as its number would be formatted.</summary>
    /// <param name="format">A numeric format (<c>N0</c>, <c>F2</c>, <c>D5</c>, <c>X</c>…), or <c>null</c> for <see cref="ToString()"/>.</param>
    /// <returns>The formatted value.</returns>
    /// <exception cref="FormatException">The format is not valid for the number (<c>D</c> or <c>X</c> for a double or a time).</exception>
    public string ToString(string? format) => ToString(format, null);

    /// <summary>
    /// Formats the value with a .NET format string: an integer as its own type (<see cref="int"/>, <see cref="uint"/>,
    /// <see cref="long"/>, <see cref="ulong"/>), a double as <see cref="double"/>, a time as its exact seconds
    /// (<see cref="decimal"/>); text ignores the format. With no format, the text kstat(1) prints, as <see cref="ToString()"/>.
    /// </summary>
    /// <param name="format">A numeric format, or <c>null</c> or empty.</param>
    /// <param name="formatProvider">The culture for a format, or <c>null</c> for the current culture.</param>
    /// <returns>The formatted value.</returns>
    /// <exception cref="FormatException">The format is not valid for the number (<c>D</c> or <c>X</c> for a double or a time).</exception>
    public string ToString(string? format, IFormatProvider? formatProvider)
    {
        if (string.IsNullOrEmpty(format) || Kind is KstatValueKind.String or KstatValueKind.Char or KstatValueKind.None)
        {
            return ToString();
        }

        return Kind switch
        {
            KstatValueKind.Int32 => ((int)_bits).ToString(format, formatProvider),
            KstatValueKind.UInt32 => ((uint)_bits).ToString(format, formatProvider),
            KstatValueKind.Int64 => _bits.ToString(format, formatProvider),
            KstatValueKind.UInt64 => unchecked((ulong)_bits).ToString(format, formatProvider),
            KstatValueKind.Double => DoubleValue.ToString(format, formatProvider),
            _ => ToDecimal().ToString(format, formatProvider),
        };
    }

    /// <summary>Formats the value into a span of characters, as <see cref="ToString(string?, IFormatProvider?)"/> does.</summary>
    /// <param name="destination">The span to write to.</param>
    /// <param name="charsWritten">How many characters were written.</param>
    /// <param name="format">A numeric format, or empty for what kstat(1) prints.</param>
    /// <param name="provider">The culture for a format, or <c>null</c> for the current culture.</param>
    /// <returns><see langword="true"/> when the value fit.</returns>
    /// <exception cref="FormatException">The format is not valid for the number.</exception>
    public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format = default, IFormatProvider? provider = null)
    {
        if (format.IsEmpty)
        {
            provider = CultureInfo.InvariantCulture;
        }

        switch (Kind)
        {
            case KstatValueKind.Int32:
                return ((int)_bits).TryFormat(destination, out charsWritten, format, provider);
            case KstatValueKind.UInt32:
                return ((uint)_bits).TryFormat(destination, out charsWritten, format, provider);
            case KstatValueKind.Int64:
                return _bits.TryFormat(destination, out charsWritten, format, provider);
            case KstatValueKind.UInt64:
                return unchecked((ulong)_bits).TryFormat(destination, out charsWritten, format, provider);
            case KstatValueKind.Double:
                return DoubleValue.TryFormat(destination, out charsWritten, format.IsEmpty ? "R" : format, provider);
            case KstatValueKind.HrTime:
                return format.IsEmpty
                    ? TryFormatSeconds(_bits, destination, out charsWritten)
                    : ToDecimal().TryFormat(destination, out charsWritten, format, provider);
            case KstatValueKind.String:
                return TryCopy(((string)_ref!).AsSpan(), destination, out charsWritten);
            case KstatValueKind.Char:
                var bytes = PrintedCharBytes();
                if (Encoding.UTF8.GetMaxCharCount(bytes.Length) <= destination.Length || Encoding.UTF8.GetCharCount(bytes) <= destination.Length)
                {
                    charsWritten = Encoding.UTF8.GetChars(bytes, destination);
                    return true;
                }

                charsWritten = 0;
                return false;
            default:
                charsWritten = 0;
                return true;
        }
    }

    /// <summary>Formats the value as UTF-8, as <see cref="TryFormat(Span{char}, out int, ReadOnlySpan{char}, IFormatProvider?)"/> does.</summary>
    /// <param name="utf8Destination">The span to write to.</param>
    /// <param name="bytesWritten">How many bytes were written.</param>
    /// <param name="format">A numeric format, or empty for what kstat(1) prints.</param>
    /// <param name="provider">The culture for a format, or <c>null</c> for the current culture.</param>
    /// <returns><see langword="true"/> when the value fit.</returns>
    /// <exception cref="FormatException">The format is not valid for the number.</exception>
    public bool TryFormat(Span<byte> utf8Destination, out int bytesWritten, ReadOnlySpan<char> format = default, IFormatProvider? provider = null)
    {
        if (format.IsEmpty)
        {
            provider = CultureInfo.InvariantCulture;
        }

        switch (Kind)
        {
            case KstatValueKind.Int32:
                return ((int)_bits).TryFormat(utf8Destination, out bytesWritten, format, provider);
            case KstatValueKind.UInt32:
                return ((uint)_bits).TryFormat(utf8Destination, out bytesWritten, format, provider);
            case KstatValueKind.Int64:
                return _bits.TryFormat(utf8Destination, out bytesWritten, format, provider);
            case KstatValueKind.UInt64:
                return unchecked((ulong)_bits).TryFormat(utf8Destination, out bytesWritten, format, provider);
            case KstatValueKind.Double:
                return DoubleValue.TryFormat(utf8Destination, out bytesWritten, format.IsEmpty ? "R" : format, provider);
            case KstatValueKind.HrTime when !format.IsEmpty:
                return ToDecimal().TryFormat(utf8Destination, out bytesWritten, format, provider);
            case KstatValueKind.HrTime:
                Span<char> seconds = stackalloc char[32];
                bool fits = TryFormatSeconds(_bits, seconds, out int length);
                Debug.Assert(fits, "21 characters at most");
                return TryCopy(seconds[..length], utf8Destination, out bytesWritten);
            case KstatValueKind.String:
                return TryCopy(((string)_ref!).AsSpan(), utf8Destination, out bytesWritten);
            case KstatValueKind.Char:
                var bytes = PrintedCharBytes();
                if (Utf8.IsValid(bytes))
                {
                    return TryCopy(bytes, utf8Destination, out bytesWritten);
                }

                // Bytes that are not UTF-8 print as the replacement characters ToString() holds, so both forms agree.
                return TryCopy(ToString().AsSpan(), utf8Destination, out bytesWritten);
            default:
                bytesWritten = 0;
                return true;
        }
    }

    /// <summary>Formats nanoseconds as seconds with nine decimals, exactly (<c>0</c> stays <c>0</c>, as in kstat(1)).</summary>
    /// <param name="nanoseconds">The time.</param>
    /// <returns>For example <c>"71.231448016"</c>.</returns>
    internal static string FormatSeconds(long nanoseconds)
    {
        Span<char> buffer = stackalloc char[32];
        return TryFormatSeconds(nanoseconds, buffer, out int written) ? buffer[..written].ToString() : throw new UnreachableException();
    }

    /// <summary>Formats nanoseconds as <see cref="FormatSeconds"/> does, into a span (at most 21 characters).</summary>
    internal static bool TryFormatSeconds(long nanoseconds, Span<char> destination, out int written)
    {
        written = 0;
        if (nanoseconds == 0)
        {
            if (destination.IsEmpty)
            {
                return false;
            }

            destination[0] = '0';
            written = 1;
            return true;
        }

        ulong magnitude = nanoseconds < 0 ? unchecked((ulong)-nanoseconds) : (ulong)nanoseconds;
        ulong seconds = magnitude / NanosPerSecond;
        ulong fraction = magnitude % NanosPerSecond;
        return destination.TryWrite(CultureInfo.InvariantCulture, $"{(nanoseconds < 0 ? "-" : "")}{seconds}.{fraction:D9}", out written);
    }

    private static bool TryCopy(ReadOnlySpan<char> text, Span<char> destination, out int written)
    {
        bool fits = text.TryCopyTo(destination);
        written = fits ? text.Length : 0;
        return fits;
    }

    private static bool TryCopy(ReadOnlySpan<byte> utf8, Span<byte> destination, out int written)
    {
        bool fits = utf8.TryCopyTo(destination);
        written = fits ? utf8.Length : 0;
        return fits;
    }

    private static bool TryCopy(ReadOnlySpan<char> text, Span<byte> utf8Destination, out int written) =>
        Encoding.UTF8.TryGetBytes(text, utf8Destination, out written);
}
