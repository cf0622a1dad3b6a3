namespace Kstat.Tree;

/// <summary>
/// A shell glob matched against a whole string the way <c>gmatch(3GEN)</c> does it: <c>*</c> any run of
/// characters, <c>?</c> one character, <c>[...]</c> a set with ranges, <c>[!...]</c> its complement, and
/// <c>\</c> quoting the next character.
/// </summary>
/// <remarks>
/// Matched directly rather than through a translated <see cref="System.Text.RegularExpressions.Regex"/>: the
/// classic star-backtracking loop is linear in practice, needs no timeout, and reproduces gmatch's edge cases
/// (an unclosed <c>[</c> never matches; a <c>]</c> right after <c>[</c> or <c>[!</c> is a member of the set).
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
                    if (c == '\\' && pi + 1 < p.Length)
                    {
                        c = p[pi + 1];
                        if (c == text[ti])
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

    /// <summary>Matches one character against the set that starts at <paramref name="open"/> (the <c>[</c>).</summary>
    /// <returns>The index after the closing <c>]</c> when <paramref name="c"/> is in the set, <see cref="NoMatch"/> when it is not, <see cref="Unclosed"/> when the set has no <c>]</c>.</returns>
    private static int MatchSet(string p, int open, char c)
    {
        int i = open + 1;
        bool negate = i < p.Length && p[i] == '!';
        if (negate)
        {
            i++;
        }

        bool found = false;
        bool first = true;
        while (i < p.Length && (p[i] != ']' || first))
        {
            first = false;
            char lo = p[i];
            if (lo == '\\' && i + 1 < p.Length)
            {
                lo = p[++i];
            }

            i++;
            char hi = lo;
            if (i + 1 < p.Length && p[i] == '-' && p[i + 1] != ']')
            {
                hi = p[i + 1];
                if (hi == '\\' && i + 2 < p.Length)
                {
                    hi = p[i + 2];
                    i++;
                }

                i += 2;
            }

            if (lo <= c && c <= hi)
            {
                found = true;
            }
        }

        if (i >= p.Length)
        {
            return Unclosed;
        }

        return found != negate ? i + 1 : NoMatch;
    }
}
