using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Kstat.Tree;

/// <summary>
/// One statistic's value: a small tagged union of the <c>KSTAT_DATA_*</c> types, exact for every
/// 64-bit integer (Perl rounds them to doubles; this type never does unless asked).
/// </summary>
/// <remarks>
/// Conversions are explicit and checked: <c>(long)</c> of a <see cref="KstatValueKind.UInt64"/> above
/// <see cref="long.MaxValue"/> throws <see cref="OverflowException"/>, <c>(long)</c> of a string throws
/// <see cref="InvalidCastException"/>. <c>(double)</c> of a time gives seconds, as Perl does.
/// Two values are equal when they have the same <see cref="Kind"/> and the same value.
/// </remarks>
[DebuggerDisplay("{Kind}: {ToString(),nq}")]
public readonly struct KstatValue : IEquatable<KstatValue>
{
    private const long NanosPerSecond = 1_000_000_000;

    // string for String, byte[] for Char, null otherwise.
    private readonly object? _ref;

    // The integer (as its two's-complement bits), the double's bits, the nanoseconds, or for Char how many bytes of
    // the array are the value: StripNul shares the array and only shortens this, allocating nothing.
    private readonly long _bits;

    // default(KstatValue) is an empty char array.
    private ReadOnlySpan<byte> CharBytes => _ref is byte[] bytes ? bytes.AsSpan(0, (int)_bits) : default;

    private KstatValue(KstatValueKind kind, long bits, object? reference)
    {
        Kind = kind;
        _bits = bits;
        _ref = reference;
    }

    /// <summary>Gets what this value holds.</summary>
    public KstatValueKind Kind { get; }

    /// <summary>Gets a value indicating whether the value is an integer of any width.</summary>
    public bool IsInteger => Kind is KstatValueKind.Int32 or KstatValueKind.UInt32 or KstatValueKind.Int64 or KstatValueKind.UInt64;

    /// <summary>Gets a value indicating whether the value is text (<see cref="KstatValueKind.String"/> or <see cref="KstatValueKind.Char"/>).</summary>
    public bool IsText => Kind is KstatValueKind.String or KstatValueKind.Char;

    /// <summary>Creates a signed 32-bit value.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The value, of kind <see cref="KstatValueKind.Int32"/>.</returns>
    public static KstatValue FromInt32(int value) => new(KstatValueKind.Int32, value, null);

    /// <summary>Creates an unsigned 32-bit value.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The value, of kind <see cref="KstatValueKind.UInt32"/>.</returns>
    public static KstatValue FromUInt32(uint value) => new(KstatValueKind.UInt32, value, null);

    /// <summary>Creates a signed 64-bit value.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The value, of kind <see cref="KstatValueKind.Int64"/>.</returns>
    public static KstatValue FromInt64(long value) => new(KstatValueKind.Int64, value, null);

    /// <summary>Creates an unsigned 64-bit value.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The value, of kind <see cref="KstatValueKind.UInt64"/>.</returns>
    public static KstatValue FromUInt64(ulong value) => new(KstatValueKind.UInt64, unchecked((long)value), null);

    /// <summary>Creates a double value.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The value, of kind <see cref="KstatValueKind.Double"/>.</returns>
    public static KstatValue FromDouble(double value) => new(KstatValueKind.Double, BitConverter.DoubleToInt64Bits(value), null);

    /// <summary>Creates a string value.</summary>
    /// <param name="value">The string.</param>
    /// <returns>The value, of kind <see cref="KstatValueKind.String"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is <c>null</c>.</exception>
    public static KstatValue FromString(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return new(KstatValueKind.String, 0, value);
    }

    /// <summary>Creates a high-resolution time from nanoseconds.</summary>
    /// <param name="nanoseconds">The time in nanoseconds (<c>hrtime_t</c>).</param>
    /// <returns>The value, of kind <see cref="KstatValueKind.HrTime"/>.</returns>
    public static KstatValue HrTime(long nanoseconds) => new(KstatValueKind.HrTime, nanoseconds, null);

    /// <summary>Creates a C <c>char</c> array value from its raw bytes (16 for <c>KSTAT_DATA_CHAR</c>).</summary>
    /// <param name="bytes">The bytes, copied; they need not hold a NUL.</param>
    /// <returns>The value, of kind <see cref="KstatValueKind.Char"/>.</returns>
    public static KstatValue Char(ReadOnlySpan<byte> bytes) => new(KstatValueKind.Char, bytes.Length, bytes.ToArray());

    /// <summary>Converts a signed 32-bit integer.</summary>
    /// <param name="value">The value.</param>
    public static implicit operator KstatValue(int value) => FromInt32(value);

    /// <summary>Converts an unsigned 32-bit integer.</summary>
    /// <param name="value">The value.</param>
    public static implicit operator KstatValue(uint value) => FromUInt32(value);

    /// <summary>Converts a signed 64-bit integer.</summary>
    /// <param name="value">The value.</param>
    public static implicit operator KstatValue(long value) => FromInt64(value);

    /// <summary>Converts an unsigned 64-bit integer.</summary>
    /// <param name="value">The value.</param>
    public static implicit operator KstatValue(ulong value) => FromUInt64(value);

    /// <summary>Converts a double.</summary>
    /// <param name="value">The value.</param>
    public static implicit operator KstatValue(double value) => FromDouble(value);

    /// <summary>Converts a string.</summary>
    /// <param name="value">The string.</param>
    public static implicit operator KstatValue(string value) => FromString(value);

    /// <summary>Converts to a signed 64-bit integer; a time gives its nanoseconds.</summary>
    /// <param name="value">The value.</param>
    /// <exception cref="OverflowException">The value does not fit.</exception>
    /// <exception cref="InvalidCastException">The value is not a number.</exception>
    public static explicit operator long(KstatValue value) => value.ToInt64();

    /// <summary>Converts to an unsigned 64-bit integer; a time gives its nanoseconds.</summary>
    /// <param name="value">The value.</param>
    /// <exception cref="OverflowException">The value is negative.</exception>
    /// <exception cref="InvalidCastException">The value is not a number.</exception>
    public static explicit operator ulong(KstatValue value) => value.ToUInt64();

    /// <summary>Converts to a double; a time gives seconds, as Perl does.</summary>
    /// <param name="value">The value.</param>
    /// <exception cref="InvalidCastException">The value is not a number.</exception>
    public static explicit operator double(KstatValue value) => value.ToDouble();

    /// <summary>Converts text to a string (all bytes held, for <see cref="KstatValueKind.Char"/>).</summary>
    /// <param name="value">The value.</param>
    /// <exception cref="InvalidCastException">The value is not text.</exception>
    public static explicit operator string(KstatValue value) => value.ToText();

    /// <summary>Compares two values for equality of kind and value.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    public static bool operator ==(KstatValue left, KstatValue right) => left.Equals(right);

    /// <summary>Compares two values for inequality of kind or value.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    public static bool operator !=(KstatValue left, KstatValue right) => !left.Equals(right);

    /// <summary>Gets the value as a signed 64-bit integer; a time gives its nanoseconds.</summary>
    /// <returns>The exact value.</returns>
    /// <exception cref="OverflowException">An unsigned value above <see cref="long.MaxValue"/>, or a double that is not a whole number in range.</exception>
    /// <exception cref="InvalidCastException">The value is text.</exception>
    public long ToInt64()
    {
        switch (Kind)
        {
            case KstatValueKind.Int32:
            case KstatValueKind.UInt32:
            case KstatValueKind.Int64:
            case KstatValueKind.HrTime:
                return _bits;
            case KstatValueKind.UInt64:
                return _bits >= 0 ? _bits : throw Overflow("long");
            case KstatValueKind.Double:
                double d = BitConverter.Int64BitsToDouble(_bits);
                return double.IsInteger(d) && d >= long.MinValue && d < 9223372036854775808.0 ? (long)d : throw Overflow("long");
            default:
                throw NotANumber("long");
        }
    }

    /// <summary>Gets the 64 bits an integer or a time holds, unchecked (for code that looks at <see cref="Kind"/> itself).</summary>
    internal ulong ToUInt64Bits() => unchecked((ulong)_bits);

    /// <summary>Gets the value as an unsigned 64-bit integer; a time gives its nanoseconds.</summary>
    /// <returns>The exact value.</returns>
    /// <exception cref="OverflowException">A negative value, or a double that is not a whole number in range.</exception>
    /// <exception cref="InvalidCastException">The value is text.</exception>
    public ulong ToUInt64()
    {
        switch (Kind)
        {
            case KstatValueKind.UInt32:
            case KstatValueKind.UInt64:
                return unchecked((ulong)_bits);
            case KstatValueKind.Int32:
            case KstatValueKind.Int64:
            case KstatValueKind.HrTime:
                return _bits >= 0 ? (ulong)_bits : throw Overflow("ulong");
            case KstatValueKind.Double:
                double d = BitConverter.Int64BitsToDouble(_bits);
                return double.IsInteger(d) && d >= 0 && d < 18446744073709551616.0 ? (ulong)d : throw Overflow("ulong");
            default:
                throw NotANumber("ulong");
        }
    }

    /// <summary>Gets the value as a double, as Perl stores it: a time is converted to seconds.</summary>
    /// <returns>The value; integers beyond 2^53 are rounded to the nearest double.</returns>
    /// <exception cref="InvalidCastException">The value is text.</exception>
    public double ToDouble() => Kind switch
    {
        KstatValueKind.Int32 or KstatValueKind.Int64 => _bits,
        KstatValueKind.UInt32 or KstatValueKind.UInt64 => unchecked((ulong)_bits),
        KstatValueKind.Double => BitConverter.Int64BitsToDouble(_bits),
        KstatValueKind.HrTime => _bits / (double)NanosPerSecond,
        _ => throw NotANumber("double"),
    };

    /// <summary>Gets text as a string; a <see cref="KstatValueKind.Char"/> array gives all the bytes it holds, decoded as UTF-8.</summary>
    /// <returns>The string.</returns>
    /// <exception cref="InvalidCastException">The value is not text.</exception>
    public string ToText() => Kind switch
    {
        KstatValueKind.String => (string)_ref!,
        KstatValueKind.Char => Encoding.UTF8.GetString(CharBytes),
        _ => throw new InvalidCastException($"A kstat value of kind {Kind} is not text; use ToString() for its printed form."),
    };

    /// <summary>Gets the raw bytes of a <see cref="KstatValueKind.Char"/> array.</summary>
    /// <returns>The bytes held, NULs included.</returns>
    /// <exception cref="InvalidCastException">The value is not a char array.</exception>
    public ReadOnlySpan<byte> GetCharBytes() =>
        Kind == KstatValueKind.Char ? CharBytes : throw new InvalidCastException($"A kstat value of kind {Kind} is not a char array.");

    /// <summary>Cuts a <see cref="KstatValueKind.Char"/> array at its first NUL, as Perl's <c>strip_strings</c> does; other values come back unchanged.</summary>
    /// <returns>The stripped value.</returns>
    public KstatValue StripNul()
    {
        if (Kind != KstatValueKind.Char)
        {
            return this;
        }

        int nul = CharBytes.IndexOf((byte)0);
        return nul < 0 ? this : new KstatValue(KstatValueKind.Char, nul, _ref); // the same (never written) array, shorter
    }

    /// <summary>
    /// Formats the value in the invariant culture the way illumos kstat(1) prints it: integers in
    /// decimal, a char array up to its first NUL, a time as seconds with nine decimals (<c>%.9f</c>) or
    /// the literal <c>0</c>.
    /// </summary>
    /// <returns>The printed form.</returns>
    /// <remarks>Times are printed exactly from their nanoseconds, without the rounding a double would add.</remarks>
    public override string ToString()
    {
        switch (Kind)
        {
            case KstatValueKind.Int32:
            case KstatValueKind.Int64:
                return _bits.ToString(CultureInfo.InvariantCulture);
            case KstatValueKind.UInt32:
            case KstatValueKind.UInt64:
                return unchecked((ulong)_bits).ToString(CultureInfo.InvariantCulture);
            case KstatValueKind.Double:
                return BitConverter.Int64BitsToDouble(_bits).ToString("R", CultureInfo.InvariantCulture);
            case KstatValueKind.String:
                return (string)_ref!;
            case KstatValueKind.Char:
                var bytes = CharBytes;
                int nul = bytes.IndexOf((byte)0);
                return Encoding.UTF8.GetString(nul < 0 ? bytes : bytes[..nul]);
            case KstatValueKind.HrTime:
                return FormatSeconds(_bits);
            default:
                return string.Empty;
        }
    }

    /// <summary>Formats nanoseconds as seconds with nine decimals, exactly (<c>0</c> stays <c>0</c>, as in kstat(1)).</summary>
    /// <param name="nanoseconds">The time.</param>
    /// <returns>For example <c>"71.231448016"</c>.</returns>
    public static string FormatSeconds(long nanoseconds)
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

    /// <inheritdoc/>
    public bool Equals(KstatValue other)
    {
        if (Kind != other.Kind)
        {
            return false;
        }

        return Kind switch
        {
            KstatValueKind.String => string.Equals((string?)_ref, (string?)other._ref, StringComparison.Ordinal),
            KstatValueKind.Char => CharBytes.SequenceEqual(other.CharBytes),
            _ => _bits == other._bits,
        };
    }

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is KstatValue other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => Kind switch
    {
        KstatValueKind.String => HashCode.Combine(Kind, StringComparer.Ordinal.GetHashCode((string)_ref!)),
        KstatValueKind.Char => HashCode.Combine(Kind, CharBytes.Length, ToString()),
        _ => HashCode.Combine(Kind, _bits),
    };

    private OverflowException Overflow(string target) =>
        new($"The kstat value {ToString()} ({Kind}) does not fit in a {target}.");

    private InvalidCastException NotANumber(string target) =>
        new($"A kstat value of kind {Kind} (\"{ToString()}\") cannot be converted to {target}.");
}
