using System.Numerics;

namespace Kstat.Tree;

/// <content>Conversions: implicit from the kinds a value holds, explicit and checked to every numeric type, and the time members that name their unit.</content>
public readonly partial struct KstatValue
{
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

    // Every numeric type has its own operator: a missing one would compile through a wider one and then be
    // narrowed by C#'s unchecked conversion, silently ((short)v through int), or not compile ((uint)v between long and double).

    /// <summary>Converts to a signed 8-bit integer, checked; a time gives its nanoseconds.</summary>
    /// <param name="value">The value.</param>
    /// <exception cref="OverflowException">The value does not fit, or is a double that is not a whole number.</exception>
    /// <exception cref="InvalidCastException">The value is text or <see cref="KstatValueKind.None"/>.</exception>
    public static explicit operator sbyte(KstatValue value) => value.ToSByte();

    /// <summary>Converts to an unsigned 8-bit integer, checked; a time gives its nanoseconds.</summary>
    /// <param name="value">The value.</param>
    /// <exception cref="OverflowException">The value does not fit, or is a double that is not a whole number.</exception>
    /// <exception cref="InvalidCastException">The value is text or <see cref="KstatValueKind.None"/>.</exception>
    public static explicit operator byte(KstatValue value) => value.ToByte();

    /// <summary>Converts to a signed 16-bit integer, checked; a time gives its nanoseconds.</summary>
    /// <param name="value">The value.</param>
    /// <exception cref="OverflowException">The value does not fit, or is a double that is not a whole number.</exception>
    /// <exception cref="InvalidCastException">The value is text or <see cref="KstatValueKind.None"/>.</exception>
    public static explicit operator short(KstatValue value) => value.ToInt16();

    /// <summary>Converts to an unsigned 16-bit integer, checked; a time gives its nanoseconds.</summary>
    /// <param name="value">The value.</param>
    /// <exception cref="OverflowException">The value does not fit, or is a double that is not a whole number.</exception>
    /// <exception cref="InvalidCastException">The value is text or <see cref="KstatValueKind.None"/>.</exception>
    public static explicit operator ushort(KstatValue value) => value.ToUInt16();

    /// <summary>Converts to a signed 32-bit integer, checked; a time gives its nanoseconds.</summary>
    /// <param name="value">The value.</param>
    /// <exception cref="OverflowException">The value does not fit, or is a double that is not a whole number.</exception>
    /// <exception cref="InvalidCastException">The value is text or <see cref="KstatValueKind.None"/>.</exception>
    public static explicit operator int(KstatValue value) => value.ToInt32();

    /// <summary>Converts to an unsigned 32-bit integer, checked; a time gives its nanoseconds.</summary>
    /// <param name="value">The value.</param>
    /// <exception cref="OverflowException">The value does not fit, or is a double that is not a whole number.</exception>
    /// <exception cref="InvalidCastException">The value is text or <see cref="KstatValueKind.None"/>.</exception>
    public static explicit operator uint(KstatValue value) => value.ToUInt32();

    /// <summary>Converts to a signed 64-bit integer, checked; a time gives its nanoseconds.</summary>
    /// <param name="value">The value.</param>
    /// <exception cref="OverflowException">The value does not fit, or is a double that is not a whole number.</exception>
    /// <exception cref="InvalidCastException">The value is text or <see cref="KstatValueKind.None"/>.</exception>
    public static explicit operator long(KstatValue value) => value.ToInt64();

    /// <summary>Converts to an unsigned 64-bit integer, checked; a time gives its nanoseconds.</summary>
    /// <param name="value">The value.</param>
    /// <exception cref="OverflowException">The value is negative, or is a double that is not a whole number in range.</exception>
    /// <exception cref="InvalidCastException">The value is text or <see cref="KstatValueKind.None"/>.</exception>
    public static explicit operator ulong(KstatValue value) => value.ToUInt64();

    /// <summary>Converts to a float (rounded as C# rounds); a time gives seconds.</summary>
    /// <param name="value">The value.</param>
    /// <exception cref="InvalidCastException">The value is text or <see cref="KstatValueKind.None"/>.</exception>
    public static explicit operator float(KstatValue value) => value.ToSingle();

    /// <summary>Converts to a double (integers beyond 2^53 are rounded); a time gives seconds, as Perl does.</summary>
    /// <param name="value">The value.</param>
    /// <exception cref="InvalidCastException">The value is text or <see cref="KstatValueKind.None"/>.</exception>
    public static explicit operator double(KstatValue value) => value.ToDouble();

    /// <summary>Converts to a decimal, exactly for integers; a time gives its exact seconds.</summary>
    /// <param name="value">The value.</param>
    /// <exception cref="OverflowException">The value is a double that no decimal holds (infinite, NaN, beyond ±7.9e28).</exception>
    /// <exception cref="InvalidCastException">The value is text or <see cref="KstatValueKind.None"/>.</exception>
    public static explicit operator decimal(KstatValue value) => value.ToDecimal();

    /// <summary>Converts text to a string (all bytes held, for <see cref="KstatValueKind.Char"/>).</summary>
    /// <param name="value">The value.</param>
    /// <exception cref="InvalidCastException">The value is not text.</exception>
    public static explicit operator string(KstatValue value) => value.ToText();

    /// <summary>Gets the value as a signed 8-bit integer, as <c>(sbyte)</c> does.</summary>
    /// <returns>The exact value.</returns>
    /// <exception cref="OverflowException">The value does not fit, or is a double that is not a whole number.</exception>
    /// <exception cref="InvalidCastException">The value is text or <see cref="KstatValueKind.None"/>.</exception>
    public sbyte ToSByte() => ToInteger<sbyte>("sbyte");

    /// <summary>Gets the value as an unsigned 8-bit integer, as <c>(byte)</c> does.</summary>
    /// <returns>The exact value.</returns>
    /// <exception cref="OverflowException">The value does not fit, or is a double that is not a whole number.</exception>
    /// <exception cref="InvalidCastException">The value is text or <see cref="KstatValueKind.None"/>.</exception>
    public byte ToByte() => ToInteger<byte>("byte");

    /// <summary>Gets the value as a signed 16-bit integer, as <c>(short)</c> does.</summary>
    /// <returns>The exact value.</returns>
    /// <exception cref="OverflowException">The value does not fit, or is a double that is not a whole number.</exception>
    /// <exception cref="InvalidCastException">The value is text or <see cref="KstatValueKind.None"/>.</exception>
    public short ToInt16() => ToInteger<short>("short");

    /// <summary>Gets the value as an unsigned 16-bit integer, as <c>(ushort)</c> does.</summary>
    /// <returns>The exact value.</returns>
    /// <exception cref="OverflowException">The value does not fit, or is a double that is not a whole number.</exception>
    /// <exception cref="InvalidCastException">The value is text or <see cref="KstatValueKind.None"/>.</exception>
    public ushort ToUInt16() => ToInteger<ushort>("ushort");

    /// <summary>Gets the value as a signed 32-bit integer, as <c>(int)</c> does.</summary>
    /// <returns>The exact value.</returns>
    /// <exception cref="OverflowException">The value does not fit, or is a double that is not a whole number.</exception>
    /// <exception cref="InvalidCastException">The value is text or <see cref="KstatValueKind.None"/>.</exception>
    public int ToInt32() => ToInteger<int>("int");

    /// <summary>Gets the value as an unsigned 32-bit integer, as <c>(uint)</c> does.</summary>
    /// <returns>The exact value.</returns>
    /// <exception cref="OverflowException">The value does not fit, or is a double that is not a whole number.</exception>
    /// <exception cref="InvalidCastException">The value is text or <see cref="KstatValueKind.None"/>.</exception>
    public uint ToUInt32() => ToInteger<uint>("uint");

    /// <summary>Gets the value as a signed 64-bit integer, as <c>(long)</c> does; a time gives its nanoseconds.</summary>
    /// <returns>The exact value.</returns>
    /// <exception cref="OverflowException">An unsigned value above <see cref="long.MaxValue"/>, or a double that is not a whole number in range.</exception>
    /// <exception cref="InvalidCastException">The value is text or <see cref="KstatValueKind.None"/>.</exception>
    public long ToInt64() => Kind switch
    {
        KstatValueKind.Int32 or KstatValueKind.UInt32 or KstatValueKind.Int64 or KstatValueKind.HrTime => _bits,
        KstatValueKind.UInt64 when _bits >= 0 => _bits,
        _ => ToInteger<long>("long"),
    };

    /// <summary>Gets the value as an unsigned 64-bit integer, as <c>(ulong)</c> does; a time gives its nanoseconds.</summary>
    /// <returns>The exact value.</returns>
    /// <exception cref="OverflowException">A negative value, or a double that is not a whole number in range.</exception>
    /// <exception cref="InvalidCastException">The value is text or <see cref="KstatValueKind.None"/>.</exception>
    public ulong ToUInt64() => Kind switch
    {
        KstatValueKind.UInt32 or KstatValueKind.UInt64 => unchecked((ulong)_bits),
        KstatValueKind.Int32 or KstatValueKind.Int64 or KstatValueKind.HrTime when _bits >= 0 => (ulong)_bits,
        _ => ToInteger<ulong>("ulong"),
    };

    /// <summary>Gets the value as a float, as <c>(float)</c> does: rounded; a time gives seconds.</summary>
    /// <returns>The value.</returns>
    /// <exception cref="InvalidCastException">The value is text or <see cref="KstatValueKind.None"/>.</exception>
    public float ToSingle() => Kind switch
    {
        KstatValueKind.Int32 or KstatValueKind.Int64 => _bits,
        KstatValueKind.UInt32 or KstatValueKind.UInt64 => unchecked((ulong)_bits),
        KstatValueKind.Double => (float)DoubleValue,
        KstatValueKind.HrTime => (float)(_bits / (double)NanosPerSecond),
        _ => throw NotANumber("float"),
    };

    /// <summary>Gets the value as a double, as Perl stores it and <c>(double)</c> does: a time is converted to seconds.</summary>
    /// <returns>The value; integers beyond 2^53 are rounded to the nearest double.</returns>
    /// <exception cref="InvalidCastException">The value is text or <see cref="KstatValueKind.None"/>.</exception>
    public double ToDouble() => Kind switch
    {
        KstatValueKind.Int32 or KstatValueKind.Int64 => _bits,
        KstatValueKind.UInt32 or KstatValueKind.UInt64 => unchecked((ulong)_bits),
        KstatValueKind.Double => DoubleValue,
        KstatValueKind.HrTime => _bits / (double)NanosPerSecond,
        _ => throw NotANumber("double"),
    };

    /// <summary>Gets the value as a decimal, as <c>(decimal)</c> does: exact for integers, a time as its exact seconds.</summary>
    /// <returns>The value.</returns>
    /// <exception cref="OverflowException">The value is a double that no decimal holds (infinite, NaN, beyond ±7.9e28).</exception>
    /// <exception cref="InvalidCastException">The value is text or <see cref="KstatValueKind.None"/>.</exception>
    public decimal ToDecimal()
    {
        switch (Kind)
        {
            case KstatValueKind.Int32:
            case KstatValueKind.Int64:
                return _bits;
            case KstatValueKind.UInt32:
            case KstatValueKind.UInt64:
                return unchecked((ulong)_bits);
            case KstatValueKind.HrTime:
                return _bits / (decimal)NanosPerSecond; // exact: at most 19 digits with 9 decimals
            case KstatValueKind.Double:
                double d = DoubleValue;
                return double.IsFinite(d) && Math.Abs(d) < 7.9e28 ? (decimal)d : throw Overflow("decimal");
            default:
                throw NotANumber("decimal");
        }
    }

    /// <summary>Gets a time (<see cref="KstatValueKind.HrTime"/>) in nanoseconds, the unit kstats keep it in.</summary>
    /// <returns>The exact nanoseconds.</returns>
    /// <exception cref="InvalidCastException">The value is not a time.</exception>
    public long ToNanoseconds() => Kind == KstatValueKind.HrTime ? _bits : throw NotATime();

    /// <summary>Gets a time (<see cref="KstatValueKind.HrTime"/>) in seconds, the unit Perl gives it in (the same as <c>(double)</c>).</summary>
    /// <returns>The seconds, as a double (exact to the nanosecond below about 104 days; <c>(decimal)</c> is always exact).</returns>
    /// <exception cref="InvalidCastException">The value is not a time.</exception>
    public double ToSeconds() => Kind == KstatValueKind.HrTime ? _bits / (double)NanosPerSecond : throw NotATime();

    /// <summary>Gets a time (<see cref="KstatValueKind.HrTime"/>) as a <see cref="TimeSpan"/>.</summary>
    /// <returns>The time, cut toward zero to whole ticks of 100 ns (a <see cref="TimeSpan"/> holds nothing finer).</returns>
    /// <exception cref="InvalidCastException">The value is not a time.</exception>
    public TimeSpan ToTimeSpan() =>
        Kind == KstatValueKind.HrTime ? TimeSpan.FromTicks(_bits / TimeSpan.NanosecondsPerTick) : throw NotATime();

    /// <summary>The integer value of an integer kind, a time's nanoseconds, or a double that is a whole number, range-checked for <typeparamref name="T"/>.</summary>
    private T ToInteger<T>(string target)
        where T : IBinaryInteger<T>, IMinMaxValue<T>
    {
        Int128 value;
        switch (Kind)
        {
            case KstatValueKind.Int32:
            case KstatValueKind.Int64:
            case KstatValueKind.HrTime:
                value = _bits;
                break;
            case KstatValueKind.UInt32:
            case KstatValueKind.UInt64:
                value = unchecked((ulong)_bits);
                break;
            case KstatValueKind.Double:
                double d = DoubleValue;
                if (!double.IsInteger(d))
                {
                    throw new OverflowException($"{Describe()} is not a whole number: converting it to {target} would lose its fraction.");
                }

                // Every integer type here lies well inside ±2^100, and a whole double there converts to Int128 exactly.
                value = Math.Abs(d) < 1e30 ? (Int128)d : throw Overflow(target);
                break;
            default:
                throw NotANumber(target);
        }

        return value >= Int128.CreateTruncating(T.MinValue) && value <= Int128.CreateTruncating(T.MaxValue)
            ? T.CreateTruncating(value)
            : throw Overflow(target);
    }

    private OverflowException Overflow(string target) =>
        new($"{Describe()} does not fit in {target}.");

    private InvalidCastException NotANumber(string target) =>
        new($"{Describe()} cannot be converted to {target}: it is not a number.");

    private InvalidCastException NotATime() =>
        new($"{Describe()} is not a time (HrTime); its number is ToInt64() or ToDouble().");
}
