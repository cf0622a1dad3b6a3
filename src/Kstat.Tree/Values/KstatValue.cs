using System.Diagnostics;
using System.Text;

namespace Kstat.Tree;

/// <summary>
/// One statistic's value: a small tagged union of the <c>KSTAT_DATA_*</c> types, exact for every
/// 64-bit integer (Perl rounds them to doubles; this type never does unless asked).
/// </summary>
/// <remarks>
/// <para><b>Comparing.</b> Numbers compare by value whatever their kind: <c>UInt32 2 == Int32 2 == UInt64 2 == 2.0</c>,
/// with equal hash codes, and <c>UInt64.MaxValue != Int64 -1</c>; a double equals an integer only when it is exactly
/// that integer. A time (<see cref="KstatValueKind.HrTime"/>) takes part as its integer nanoseconds, the number
/// <c>(long)</c> gives (so a zero time equals 0); it is ordered only against another time, because a number next to it
/// has no unit (compare <see cref="ToSeconds"/> or <see cref="ToNanoseconds"/> instead). Text compares by the text
/// kstat(1) prints: a <see cref="KstatValueKind.Char"/> array up to its first NUL, so a live <c>CHAR</c>
/// <c>"on-line"</c> equals the <see cref="KstatValueKind.String"/> <c>"on-line"</c> of a capture; text is ordered
/// ordinally. A number never equals text, and ordering one against the other throws <see cref="ArgumentException"/>.
/// <c>default(KstatValue)</c> is <see cref="KstatValueKind.None"/>: it equals only itself and is ordered first, as
/// <c>null</c> is.</para>
/// <para><b>Converting.</b> Explicit and checked, to every numeric type: a value that does not fit (or a double that is
/// not a whole number, converted to an integer) throws <see cref="OverflowException"/> naming the value and the target;
/// text or <see cref="KstatValueKind.None"/> converted to a number throws <see cref="InvalidCastException"/>. A time
/// converts to an integer as nanoseconds and to <see langword="double"/>, <see langword="float"/> or
/// <see langword="decimal"/> as seconds (Perl's unit); <see cref="ToNanoseconds"/>, <see cref="ToSeconds"/> and
/// <see cref="ToTimeSpan"/> say the unit in their name.</para>
/// <para><b>Printing.</b> <see cref="ToString()"/> prints what kstat(1) prints for the value (invariant culture); a
/// format string (<c>$"{v,8:N0}"</c>, <c>F2</c>, <c>D5</c>, <c>X</c>) formats the number as its own type would, a time as
/// its seconds; text ignores the format, and alignment applies to every kind.</para>
/// </remarks>
[DebuggerDisplay("{Kind}: {ToString(),nq}")]
public readonly partial struct KstatValue
{
    private const long NanosPerSecond = 1_000_000_000;

    // string for String, byte[] for Char, null otherwise.
    private readonly object? _ref;

    // The integer (as its two's-complement bits), the double's bits, the nanoseconds, or for Char how many bytes of
    // the array are the value: StripNul shares the array and only shortens this, allocating nothing.
    private readonly long _bits;

    private KstatValue(KstatValueKind kind, long bits, object? reference)
    {
        Kind = kind;
        _bits = bits;
        _ref = reference;
    }

    /// <summary>Gets what this value holds; <see cref="KstatValueKind.None"/> for <c>default(KstatValue)</c>.</summary>
    public KstatValueKind Kind { get; }

    /// <summary>Gets a value indicating whether the value is an integer of any width.</summary>
    public bool IsInteger => Kind is KstatValueKind.Int32 or KstatValueKind.UInt32 or KstatValueKind.Int64 or KstatValueKind.UInt64;

    /// <summary>Gets a value indicating whether the value is text (<see cref="KstatValueKind.String"/> or <see cref="KstatValueKind.Char"/>).</summary>
    public bool IsText => Kind is KstatValueKind.String or KstatValueKind.Char;

    private ReadOnlySpan<byte> CharBytes => _ref is byte[] bytes ? bytes.AsSpan(0, (int)_bits) : default;

    private double DoubleValue => BitConverter.Int64BitsToDouble(_bits);

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

    /// <summary>Gets text as a string; a <see cref="KstatValueKind.Char"/> array gives all the bytes it holds, decoded as UTF-8.</summary>
    /// <returns>The string.</returns>
    /// <exception cref="InvalidCastException">The value is not text.</exception>
    public string ToText() => Kind switch
    {
        KstatValueKind.String => (string)_ref!,
        KstatValueKind.Char => Encoding.UTF8.GetString(CharBytes),
        _ => throw NotText(),
    };

    /// <summary>Gets the raw bytes of a <see cref="KstatValueKind.Char"/> array.</summary>
    /// <returns>The bytes held, NULs included.</returns>
    /// <exception cref="InvalidCastException">The value is not a char array.</exception>
    public ReadOnlySpan<byte> GetCharBytes() =>
        Kind == KstatValueKind.Char ? CharBytes : throw new InvalidCastException($"{Describe()} is not a char array.");

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

    /// <summary>Gets the 64 bits an integer or a time holds, unchecked (for code that looks at <see cref="Kind"/> itself).</summary>
    internal ulong ToUInt64Bits() => unchecked((ulong)_bits);

    /// <summary>Gets the bytes of a char array up to its first NUL: the text kstat(1) prints.</summary>
    private ReadOnlySpan<byte> PrintedCharBytes()
    {
        var bytes = CharBytes;
        int nul = bytes.IndexOf((byte)0);
        return nul < 0 ? bytes : bytes[..nul];
    }

    /// <summary>Names the value in a message: its printed form and its kind, or that it is absent.</summary>
    private string Describe() => Kind switch
    {
        KstatValueKind.None => "The kstat value is absent (default(KstatValue), as GetValueOrDefault gives for a missing statistic), so it",
        KstatValueKind.HrTime => $"The kstat time {_bits} ns ({ToString()} s, HrTime)",
        KstatValueKind.Char or KstatValueKind.String => $"The kstat value \"{ToString()}\" ({Kind})",
        _ => $"The kstat value {ToString()} ({Kind})",
    };

    private InvalidCastException NotText() =>
        new($"{Describe()} is not text; ToString() gives its printed form.");
}
