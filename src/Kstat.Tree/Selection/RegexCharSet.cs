namespace Kstat.Tree;

/// <summary>
/// A bracket expression of a POSIX regular expression (<c>[a-z]</c>, <c>[^[:digit:]]</c>) in the C locale: ASCII
/// members in a bitmap, other characters as ranges.
/// </summary>
/// <remarks>Filled while parsing, then only read: safe to share between threads.</remarks>
internal sealed class RegexCharSet
{
    private ulong _low;  // characters 0..63
    private ulong _high; // characters 64..127
    private List<(char First, char Last)>? _wide;

    /// <summary>Gets or sets a value indicating whether the set is negated (<c>[^...]</c>).</summary>
    public bool Invert { get; set; }

    public bool Contains(char c)
    {
        bool member = c < 64 ? (_low & (1UL << c)) != 0
            : c < 128 ? (_high & (1UL << (c - 64))) != 0
            : _wide is not null && _wide.Exists(r => r.First <= c && c <= r.Last);
        return member != Invert;
    }

    public void Add(char c) => AddRange(c, c);

    public void AddRange(char first, char last)
    {
        for (int c = first; c <= last && c < 128; c++)
        {
            if (c < 64)
            {
                _low |= 1UL << c;
            }
            else
            {
                _high |= 1UL << (c - 64);
            }
        }

        if (last >= 128)
        {
            (_wide ??= []).Add(((char)Math.Max(first, (char)128), last));
        }
    }

    /// <summary>Adds a class as <c>wctype(3C)</c> names it in the C locale; false for a name it does not know.</summary>
    public bool AddClass(string name)
    {
        Func<char, bool>? member = name switch
        {
            "alnum" => char.IsAsciiLetterOrDigit,
            "alpha" => char.IsAsciiLetter,
            "blank" => c => c is ' ' or '\t',
            "cntrl" => c => c < 32 || c == 127,
            "digit" => char.IsAsciiDigit,
            "graph" => c => c is > ' ' and < '\x7f',
            "lower" => char.IsAsciiLetterLower,
            "print" => c => c is >= ' ' and < '\x7f',
            "punct" => c => c is > ' ' and < '\x7f' && !char.IsAsciiLetterOrDigit(c),
            "space" => c => c is ' ' or (>= '\t' and <= '\r'),
            "upper" => char.IsAsciiLetterUpper,
            "xdigit" => char.IsAsciiHexDigit,
            "ideogram" or "special" or "phonogram" => _ => false, // BSD extensions, empty in the C locale
            "rune" => _ => true,                                    // every character the C locale classifies
            _ => null,
        };

        if (member is null)
        {
            return false;
        }

        for (char c = '\0'; c < 128; c++)
        {
            if (member(c))
            {
                Add(c);
            }
        }

        return true;
    }
}
