using System.Text;
using System.Text.RegularExpressions;

namespace Kstat.Tree;

/// <summary>
/// Compiles a POSIX extended regular expression (<c>regcomp(REG_EXTENDED | REG_NOSUB)</c>, C locale) into an
/// equivalent .NET <see cref="Regex"/>.
/// </summary>
/// <remarks>
/// Only a yes/no answer is needed (kstat(1) passes <c>REG_NOSUB</c>), so POSIX leftmost-longest and .NET
/// backtracking agree. What differs and is translated: bracket expressions (<c>[[:digit:]]</c>, a leading
/// <c>]</c>, a literal <c>\</c> inside brackets, <c>[.c.]</c> and <c>[=c=]</c>), <c>$</c> (end of string only),
/// <c>.</c> (also matches a newline), and <c>\c</c> outside brackets (always the literal <c>c</c>, never a .NET
/// class such as <c>\d</c>). .NET-only syntax such as <c>(?</c> is rejected.
/// </remarks>
internal static class PosixRegex
{
    /// <summary>How long one match may run before it is abandoned (a guard against catastrophic backtracking).</summary>
    public static readonly TimeSpan MatchTimeout = TimeSpan.FromSeconds(1);

    /// <summary>Translates and compiles an ERE.</summary>
    /// <param name="ere">The expression, without the surrounding slashes.</param>
    /// <returns>The compiled expression, unanchored like <c>regexec</c>.</returns>
    /// <exception cref="FormatException">The expression is not a valid ERE; the message gives the 1-based column in <paramref name="ere"/>.</exception>
    public static Regex Compile(string ere)
    {
        string translated = Translate(ere);
        try
        {
            return new Regex(translated, RegexOptions.CultureInvariant | RegexOptions.Singleline, MatchTimeout);
        }
        catch (ArgumentException e)
        {
            throw new FormatException($"'{ere}' is not a valid extended regular expression: {e.Message}", e);
        }
    }

    /// <summary>Translates an ERE into .NET regular expression syntax.</summary>
    /// <exception cref="FormatException">The expression is malformed.</exception>
    public static string Translate(string ere)
    {
        ArgumentNullException.ThrowIfNull(ere);
        var sb = new StringBuilder(ere.Length + 8);
        for (int i = 0; i < ere.Length; i++)
        {
            char c = ere[i];
            switch (c)
            {
                case '\\':
                    if (i + 1 >= ere.Length)
                    {
                        throw Error(ere, i, "a trailing backslash escapes nothing");
                    }

                    AppendLiteral(sb, ere[++i]);
                    break;
                case '[':
                    i = TranslateBracket(ere, i, sb);
                    break;
                case '$':
                    sb.Append(@"\z");
                    break;
                case '(':
                    if (i + 1 < ere.Length && ere[i + 1] == '?')
                    {
                        throw Error(ere, i + 1, "'?' cannot follow '(' (that is .NET syntax, not POSIX)");
                    }

                    sb.Append(c);
                    break;
                case '#' or ' ':
                    // Harmless without IgnorePatternWhitespace, but keep them literal whatever the options become.
                    AppendLiteral(sb, c);
                    break;
                default:
                    sb.Append(c);
                    break;
            }
        }

        return sb.ToString();
    }

    /// <summary>Translates the bracket expression opening at <paramref name="open"/>; returns the index of its closing <c>]</c>.</summary>
    private static int TranslateBracket(string ere, int open, StringBuilder sb)
    {
        int i = open + 1;
        sb.Append('[');
        if (i < ere.Length && ere[i] == '^')
        {
            sb.Append('^');
            i++;
        }

        bool first = true;
        while (true)
        {
            if (i >= ere.Length)
            {
                throw Error(ere, open, "'[' has no matching ']'");
            }

            char c = ere[i];
            if (c == ']' && !first)
            {
                sb.Append(']');
                return i;
            }

            first = false;
            if (c == '[' && i + 1 < ere.Length && ere[i + 1] is ':' or '.' or '=')
            {
                char kind = ere[i + 1];
                int close = ere.IndexOf(string.Concat(kind.ToString(), "]"), i + 2, StringComparison.Ordinal);
                if (close < 0)
                {
                    throw Error(ere, i, $"'[{kind}' has no matching '{kind}]'");
                }

                string inner = ere[(i + 2)..close];
                if (kind == ':')
                {
                    sb.Append(CharacterClass(inner) ?? throw Error(ere, i, $"'[:{inner}:]' is not a POSIX character class"));
                    i = close + 2;
                    continue;
                }

                // [.c.] and [=c=]: in the C locale both stand for the single character c.
                if (inner.Length != 1)
                {
                    throw Error(ere, i, $"'[{kind}{inner}{kind}]' is not a single character");
                }

                i = AppendMember(ere, sb, inner[0], close + 2);
                continue;
            }

            i = AppendMember(ere, sb, c, i + 1);
        }
    }

    /// <summary>Appends one member (or a range starting with it) of a bracket expression; returns the index after it.</summary>
    private static int AppendMember(string ere, StringBuilder sb, char lo, int next)
    {
        if (next + 1 < ere.Length && ere[next] == '-' && ere[next + 1] != ']')
        {
            char hi = ere[next + 1];
            if (hi < lo)
            {
                throw Error(ere, next, $"the range '{lo}-{hi}' is out of order");
            }

            AppendInClass(sb, lo);
            sb.Append('-');
            AppendInClass(sb, hi);
            return next + 2;
        }

        AppendInClass(sb, lo);
        return next;
    }

    private static string? CharacterClass(string name) => name switch
    {
        "alpha" => "a-zA-Z",
        "digit" => "0-9",
        "alnum" => "a-zA-Z0-9",
        "upper" => "A-Z",
        "lower" => "a-z",
        "space" => @" \t\n\r\f\v",
        "blank" => @" \t",
        "punct" => @"!-/:-@\[-`{-~",
        "print" => @"\x20-\x7E",
        "graph" => @"\x21-\x7E",
        "cntrl" => @"\x00-\x1F\x7F",
        "xdigit" => "0-9A-Fa-f",
        _ => null,
    };

    private static void AppendLiteral(StringBuilder sb, char c) => sb.Append(Regex.Escape(c.ToString()));

    private static void AppendInClass(StringBuilder sb, char c)
    {
        if (c is '\\' or ']' or '[' or '^' or '-')
        {
            sb.Append('\\');
        }

        sb.Append(c);
    }

    private static FormatException Error(string ere, int index, string problem) =>
        new($"'{ere}' is not a valid extended regular expression: column {index + 1}: {problem}.");
}
