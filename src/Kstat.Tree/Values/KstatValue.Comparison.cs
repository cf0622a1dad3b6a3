using System.Buffers;
using System.Text;

namespace Kstat.Tree;

/// <content>Equality, hashing and order by value, not by storage kind (the rules are on <see cref="KstatValue"/>).</content>
public readonly partial struct KstatValue : IEquatable<KstatValue>, IComparable<KstatValue>, IComparable
{
    // Char arrays are 16 bytes, NFS strings up to 257: their text fits on the stack; a raw kstat kept as bytes may not.
    private const int StackChars = 512;

    /// <summary>What a value is compared as.</summary>
    private enum Domain
    {
        None,
        Integer, // every integer kind, and a time as its nanoseconds: exact, in an Int128
        Double,
        Text,
    }

    private Domain Compared => Kind switch
    {
        KstatValueKind.Int32 or KstatValueKind.UInt32 or KstatValueKind.Int64 or KstatValueKind.UInt64 or KstatValueKind.HrTime => Domain.Integer,
        KstatValueKind.Double => Domain.Double,
        KstatValueKind.Char or KstatValueKind.String => Domain.Text,
        _ => Domain.None,
    };

    private Int128 Integer => Kind is KstatValueKind.UInt32 or KstatValueKind.UInt64 ? unchecked((ulong)_bits) : _bits;

    /// <summary>Tells whether two values are equal by value (the rules are on <see cref="KstatValue"/>).</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    public static bool operator ==(KstatValue left, KstatValue right) => left.Equals(right);

    /// <summary>Tells whether two values differ by value.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    public static bool operator !=(KstatValue left, KstatValue right) => !left.Equals(right);

    /// <summary>Tells whether <paramref name="left"/> orders before <paramref name="right"/>.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <exception cref="ArgumentException">The values have no order between them (a number and text, a time and another number).</exception>
    public static bool operator <(KstatValue left, KstatValue right) => left.CompareTo(right) < 0;

    /// <summary>Tells whether <paramref name="left"/> orders before <paramref name="right"/> or equals it.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <exception cref="ArgumentException">The values have no order between them (a number and text, a time and another number).</exception>
    public static bool operator <=(KstatValue left, KstatValue right) => left.CompareTo(right) <= 0;

    /// <summary>Tells whether <paramref name="left"/> orders after <paramref name="right"/>.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <exception cref="ArgumentException">The values have no order between them (a number and text, a time and another number).</exception>
    public static bool operator >(KstatValue left, KstatValue right) => left.CompareTo(right) > 0;

    /// <summary>Tells whether <paramref name="left"/> orders after <paramref name="right"/> or equals it.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <exception cref="ArgumentException">The values have no order between them (a number and text, a time and another number).</exception>
    public static bool operator >=(KstatValue left, KstatValue right) => left.CompareTo(right) >= 0;

    /// <summary>Tells whether this value equals another by value: numbers by number, text by the text kstat(1) prints.</summary>
    /// <param name="other">The other value.</param>
    /// <returns><see langword="true"/> when they are equal.</returns>
    public bool Equals(KstatValue other)
    {
        var domain = Compared;
        var otherDomain = other.Compared;
        return (domain, otherDomain) switch
        {
            (Domain.Integer, Domain.Integer) => Integer == other.Integer,
            (Domain.Double, Domain.Double) => DoubleValue.Equals(other.DoubleValue), // NaN equals NaN, so that Equals is reflexive
            (Domain.Double, Domain.Integer) => CompareExactly(DoubleValue, other.Integer) == 0,
            (Domain.Integer, Domain.Double) => CompareExactly(other.DoubleValue, Integer) == 0,
            (Domain.Text, Domain.Text) => CompareText(other) == 0,
            (Domain.None, Domain.None) => true,
            _ => false,
        };
    }

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is KstatValue other && Equals(other);

    /// <summary>Gets a hash code that equal values share, whatever their kinds.</summary>
    /// <returns>The hash code.</returns>
    public override int GetHashCode()
    {
        switch (Compared)
        {
            case Domain.Integer:
                return _bits.GetHashCode(); // the value's low 64 bits: Int32 2, UInt64 2 and HrTime 2 share them
            case Domain.Double:
                double d = DoubleValue;
                if (double.IsInteger(d) && d >= -9223372036854775808.0 && d < 18446744073709551616.0)
                {
                    return (d < 0 ? (long)d : unchecked((long)(ulong)d)).GetHashCode(); // as the integer it equals
                }

                return d.GetHashCode();
            case Domain.Text:
                Span<char> scratch = stackalloc char[StackChars];
                var text = Text(scratch, out char[]? rented);
                int hash = string.GetHashCode(text); // ordinal, the same as the string's own
                Return(rented);
                return hash;
            default:
                return 0;
        }
    }

    /// <summary>Orders this value against another: numbers by value, times against times, text ordinally by the text kstat(1) prints.</summary>
    /// <param name="other">The other value.</param>
    /// <returns>Negative, zero or positive; <see cref="KstatValueKind.None"/> orders before everything else.</returns>
    /// <exception cref="ArgumentException">The values have no order between them: a number and text, or a time and a number that is not a time.</exception>
    public int CompareTo(KstatValue other)
    {
        var domain = Compared;
        var otherDomain = other.Compared;
        if (domain == Domain.None || otherDomain == Domain.None)
        {
            return domain.CompareTo(otherDomain) == 0 ? 0 : domain == Domain.None ? -1 : 1;
        }

        if ((Kind == KstatValueKind.HrTime) != (other.Kind == KstatValueKind.HrTime) || (domain == Domain.Text) != (otherDomain == Domain.Text))
        {
            throw new ArgumentException(
                $"{Describe()} has no order against the kstat value {other} ({other.Kind}): numbers are ordered against numbers, times against times " +
                "(ToSeconds() or ToNanoseconds() give a time's number) and text against text.",
                nameof(other));
        }

        return (domain, otherDomain) switch
        {
            (Domain.Integer, Domain.Integer) => Integer.CompareTo(other.Integer),
            (Domain.Double, Domain.Double) => DoubleValue.CompareTo(other.DoubleValue),
            (Domain.Double, Domain.Integer) => CompareExactly(DoubleValue, other.Integer),
            (Domain.Integer, Domain.Double) => -CompareExactly(other.DoubleValue, Integer),
            _ => CompareText(other),
        };
    }

    /// <summary>Orders this value against another object, as <see cref="CompareTo(KstatValue)"/> does; <c>null</c> orders first.</summary>
    /// <param name="obj">A <see cref="KstatValue"/> or <c>null</c>.</param>
    /// <returns>Negative, zero or positive.</returns>
    /// <exception cref="ArgumentException"><paramref name="obj"/> is not a <see cref="KstatValue"/>, or has no order against this value.</exception>
    public int CompareTo(object? obj) => obj switch
    {
        null => 1,
        KstatValue other => CompareTo(other),
        _ => throw new ArgumentException($"A kstat value is compared with another KstatValue, not a {obj.GetType().Name}.", nameof(obj)),
    };

    /// <summary>Compares a double with an integer exactly, with no rounding of either; NaN orders first, as <see cref="double.CompareTo(double)"/> puts it.</summary>
    private static int CompareExactly(double d, Int128 integer)
    {
        if (double.IsNaN(d))
        {
            return -1;
        }

        // Kstat integers lie within [-2^63, 2^64): a double beyond ±2^65 is beyond all of them (infinities included).
        if (Math.Abs(d) >= 36893488147419103232.0)
        {
            return d < 0 ? -1 : 1;
        }

        double whole = Math.Floor(d);
        int c = ((Int128)whole).CompareTo(integer);
        return c != 0 ? c : whole < d ? 1 : 0;
    }

    private int CompareText(KstatValue other)
    {
        if (Kind == KstatValueKind.Char && other.Kind == KstatValueKind.Char && PrintedCharBytes().SequenceEqual(other.PrintedCharBytes()))
        {
            return 0;
        }

        Span<char> scratch = stackalloc char[StackChars];
        Span<char> otherScratch = stackalloc char[StackChars];
        var text = Text(scratch, out char[]? rented);
        var otherText = other.Text(otherScratch, out char[]? otherRented);
        int c = text.SequenceCompareTo(otherText);
        Return(rented);
        Return(otherRented);
        return c;
    }

    /// <summary>The text kstat(1) prints for a text value: a char array decoded up to its first NUL, or the string.</summary>
    private ReadOnlySpan<char> Text(Span<char> scratch, out char[]? rented)
    {
        rented = null;
        if (Kind == KstatValueKind.String)
        {
            return (string)_ref!;
        }

        var bytes = PrintedCharBytes();
        int most = Encoding.UTF8.GetMaxCharCount(bytes.Length);
        if (most > scratch.Length)
        {
            scratch = rented = ArrayPool<char>.Shared.Rent(most);
        }

        return scratch[..Encoding.UTF8.GetChars(bytes, scratch)];
    }

    private static void Return(char[]? rented)
    {
        if (rented is not null)
        {
            ArrayPool<char>.Shared.Return(rented);
        }
    }
}
