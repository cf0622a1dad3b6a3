namespace Kstat.Tree;

/// <summary>
/// A shell glob matched against a whole string the way <c>gmatch(3GEN)</c> does it: <c>*</c> any run of
/// characters, <c>?</c> one character, <c>[...]</c> a set with ranges, <c>[!...]</c> its complement, and
/// <c>\</c> quoting the next character.
/// </summary>
/// <remarks>
/// Matched directly, following illumos <c>libgen/common/gmatch.c</c>: the classic star-backtracking loop needs no
/// regular expression machinery (at worst it takes the product of the two lengths) and reproduces gmatch's edge cases
/// (an unclosed <c>[</c> and a trailing <c>\</c> never match; a <c>]</c> right after <c>[</c> or <c>[!</c> is a
/// member of the set; a range may start where the previous one ended).
/// Immutable and thread safe.
/// </remarks>
internal sealed class GlobMatcher
{
    private readonly string _pattern;

    public GlobMatcher(string pattern)
    {
        _pattern = pattern;
        MatchesAll = pattern.Length > 0 && pattern.AsSpan().IndexOfAnyExcept('*') < 0;
    }

    /// <summary>Gets a value indicating whether the glob is made of stars only, so it matches every string.</summary>
    public bool MatchesAll { get; }

    public bool IsMatch(string text)
    {
        if (MatchesAll)
        {
            return true;
        }

        string p = _pattern;
        int pi = 0, ti = 0;
        int starP = -1, starT = -1;
        while (ti < text.Length)
        {
            if (pi < p.Length)
            {
                char c = p[pi];
                if (c == '*')
                {
                    starP = ++pi;
                    starT = ti;
                    continue;
                }

                if (c == '?')
                {
                    pi++;
                    ti++;
                    continue;
                }

                if (c == '[')
                {
                    int next = MatchSet(p, pi, text[ti]);
                    if (next > 0)
                    {
                        pi = next;
                        ti++;
                        continue;
                    }

                    if (next == Unclosed)
                    {
                        return false;
                    }
                }
                else
                {
                    if (c == '\\')
                    {
                        if (pi + 1 == p.Length)
                        {
                            return false; // gmatch: a trailing backslash quotes nothing and never matches
                        }

                        if (p[pi + 1] == text[ti])
                        {
                            pi += 2;
                            ti++;
                            continue;
                        }
                    }
                    else if (c == text[ti])
                    {
                        pi++;
                        ti++;
                        continue;
                    }
                }
            }

            // Mismatch: let the last star swallow one more character, or fail.
            if (starP < 0)
            {
                return false;
            }

            pi = starP;
            ti = ++starT;
        }

        while (pi < p.Length && p[pi] == '*')
        {
            pi++;
        }

        return pi == p.Length;
    }

    private const int Unclosed = -1;
    private const int NoMatch = 0;

    /// <summary>Matches one character against the set that starts at <paramref name="open"/> (the <c>[</c>), as gmatch reads a set.</summary>
    /// <returns>The index after the closing <c>]</c> when <paramref name="c"/> is in the set, <see cref="NoMatch"/> when it is not, <see cref="Unclosed"/> when the set has no <c>]</c>.</returns>
    /// <remarks>
    /// gmatch's rules: the first character (after <c>!</c>) is a member even when it is <c>]</c>; <c>\</c> quotes the
    /// next character; <c>x-y</c> is a range when a member precedes the <c>-</c> and no <c>]</c> follows it, and the
    /// previous member may be the end of a range (<c>[a-c-e]</c> is a to e); a range out of order matches nothing.
    /// </remarks>
    private static int MatchSet(string p, int open, char c)
    {
        int i = open + 1;
        bool negate = i < p.Length && p[i] == '!';
        if (negate)
        {
            i++;
        }

        bool found = false;
        char previous = '\0'; // gmatch's lc: the last member, or the end of the last range
        if (i >= p.Length)
        {
            return Unclosed;
        }

        char m = p[i++];
        do
        {
            if (m == '-' && previous != '\0' && (i >= p.Length || p[i] != ']'))
            {
                if (!TryTake(p, ref i, out m) || (m == '\\' && !TryTake(p, ref i, out m)))
                {
                    return Unclosed;
                }

                bool inRange = previous <= c && c <= m;
                if (negate && inRange)
                {
                    return NoMatch;
                }

                found |= inRange;
            }
            else if (m == '\\' && !TryTake(p, ref i, out m))
            {
                return Unclosed;
            }

            previous = m;
            if (c == m)
            {
                if (negate)
                {
                    return NoMatch;
                }

                found = true;
            }

            if (!TryTake(p, ref i, out m))
            {
                return Unclosed;
            }
        }
        while (m != ']');

        return found || negate ? i : NoMatch;
    }

    private static bool TryTake(string p, ref int i, out char c)
    {
        if (i < p.Length)
        {
            c = p[i++];
            return true;
        }

        c = '\0';
        return false;
    }
}
