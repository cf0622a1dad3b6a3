using System.Runtime.CompilerServices;

namespace Kstat.Tree;

/// <summary>
/// Parses an extended regular expression with the grammar of illumos <c>regcomp(3C)</c> (<c>REG_EXTENDED</c>, the
/// Henry Spencer parser in <c>libc/port/regex/regcomp.c</c>), C locale: it accepts and rejects what that parser
/// does, with the same error code.
/// </summary>
/// <remarks>
/// <para>The rules that differ from other dialects: no branch may be empty (<c>//</c>, <c>a|</c>, <c>|a</c>,
/// <c>a||b</c>, <c>(a|)</c>, and <c>a{0}</c> alone, which compiles to nothing); a repetition needs an operand
/// (<c>*a</c>, <c>a**</c>, <c>a*?</c>, <c>^*</c>); <c>{</c> is always a bound (<c>{</c>, <c>a{</c>, <c>a{x</c> are
/// errors) whose counts are at most 255 (<c>RE_DUP_MAX</c>) with the first one required (<c>a{,3}</c> is an
/// error); a backslash makes any other character literal (<c>\d</c> is <c>d</c>) except <c>\&lt;</c> and
/// <c>\&gt;</c>, the word boundaries (also written <c>[[:&lt;:]]</c> and <c>[[:&gt;:]]</c>); in brackets a
/// <c>-</c> may not start a range except first or last (<c>[a-c-e]</c> is an error), and <c>[.name.]</c> and
/// <c>[=c=]</c> name one character (<c>[[.hyphen.]]</c>).</para>
/// <para>The first error found is the one reported, as <c>regcomp</c> keeps its earliest error.</para>
/// </remarks>
internal sealed partial class PosixRegexParser
{
    private const int DupMax = 255; // RE_DUP_MAX

    private readonly string _text; // the pattern as written, slashes included: indexes in errors are into it
    private readonly int _end;     // the closing slash
    private int _p;

    private PosixRegexParser(string pattern, int start, int end)
    {
        _text = pattern;
        _p = start;
        _end = end;
    }

    /// <summary>Parses the expression <c>pattern[start..end]</c>.</summary>
    /// <exception cref="PatternSyntaxException">The expression is malformed.</exception>
    public static RegexNode Parse(string pattern, int start, int end)
    {
        var parser = new PosixRegexParser(pattern, start, end);
        try
        {
            return parser.ParseBranches(outer: true);
        }
        catch (InsufficientExecutionStackException)
        {
            // Parentheses nested deeper than the stack allows: regcomp would run out of memory somewhere too.
            throw parser.Error(RegexError.Space, start);
        }
    }

    private bool More => _p < _end;

    private bool More2 => _p + 1 < _end;

    private char Peek => _text[_p];

    private char Peek2 => _text[_p + 1];

    private bool See(char c) => More && Peek == c;

    private bool SeeTwo(char a, char b) => More2 && Peek == a && Peek2 == b;

    private bool Eat(char c)
    {
        if (See(c))
        {
            _p++;
            return true;
        }

        return false;
    }

    private bool EatTwo(char a, char b)
    {
        if (SeeTwo(a, b))
        {
            _p += 2;
            return true;
        }

        return false;
    }

    // p_re: branches separated by '|'; inside parentheses it stops at ')'.
    private RegexNode ParseBranches(bool outer)
    {
        RuntimeHelpers.EnsureSufficientExecutionStack();
        var branches = new List<RegexNode>(1);
        while (true)
        {
            int start = _p;
            var items = new List<RegexNode>();
            while (More && Peek != '|' && (outer || Peek != ')'))
            {
                if (ParseExpression() is { } item)
                {
                    items.Add(item);
                }
            }

            // REQUIRE(HERE() != bc.start): a branch that compiled to nothing (empty, or only x{0}).
            if (items.Count == 0)
            {
                throw Error(RegexError.BadPattern, start);
            }

            branches.Add(items.Count == 1 ? items[0] : new RegexNode.Concat([.. items]));

            // p_branch_do: two '|' in a row, or a '|' ending the whole expression, is an empty branch.
            int bar = _p;
            int eaten = 0;
            while (Eat('|'))
            {
                eaten++;
            }

            if (eaten == 0)
            {
                break;
            }

            if (eaten > 1 || (outer && !More))
            {
                throw Error(RegexError.BadPattern, bar + eaten - 1);
            }
        }

        return branches.Count == 1 ? branches[0] : new RegexNode.Alternation([.. branches]);
    }

    // p_ere_exp: an atom and at most one repetition; null when the atom is repeated zero times (x{0}).
    private RegexNode? ParseExpression()
    {
        int at = _p;
        char c = _text[_p++];
        bool wasCaret = false;
        RegexNode atom;
        switch (c)
        {
            case '(':
                if (!More)
                {
                    throw Error(RegexError.Parenthesis, at);
                }

                atom = See(')') ? new RegexNode.Concat([]) : ParseBranches(outer: false);
                if (!Eat(')'))
                {
                    throw Error(RegexError.Parenthesis, at);
                }

                break;
            case ')':
                throw Error(RegexError.Parenthesis, at);
            case '^':
                atom = new RegexNode.Assert(RegexAssertion.LineStart);
                wasCaret = true;
                break;
            case '$':
                atom = new RegexNode.Assert(RegexAssertion.LineEnd);
                break;
            case '*' or '+' or '?' or '{':
                throw Error(RegexError.BadRepetition, at);
            case '.':
                atom = new RegexNode.Any();
                break;
            case '[':
                atom = ParseBracket(at);
                break;
            case '\\':
                if (!More)
                {
                    throw Error(RegexError.Escape, at);
                }

                c = _text[_p++];
                atom = c switch
                {
                    '<' => new RegexNode.Assert(RegexAssertion.WordStart),
                    '>' => new RegexNode.Assert(RegexAssertion.WordEnd),
                    _ => new RegexNode.Literal(c),
                };
                break;
            default:
                atom = new RegexNode.Literal(c);
                break;
        }

        if (!More || Peek is not ('*' or '+' or '?' or '{'))
        {
            return atom;
        }

        int op = _p;
        char repetition = Peek;
        if (repetition == '{' && !(More2 && (char.IsAsciiDigit(Peek2) || Peek2 == ',')))
        {
            throw Error(RegexError.BadRepetition, op);
        }

        _p++;
        if (wasCaret)
        {
            throw Error(RegexError.BadRepetition, op);
        }

        RegexNode? repeated = repetition switch
        {
            '*' => new RegexNode.Repeat(atom, 0, RegexNode.Repeat.Unbounded),
            '+' => new RegexNode.Repeat(atom, 1, RegexNode.Repeat.Unbounded),
            '?' => new RegexNode.Repeat(atom, 0, 1),
            _ => ParseBound(atom, op),
        };

        if (More && (Peek is '*' or '+' or '?' || (Peek == '{' && More2 && char.IsAsciiDigit(Peek2))))
        {
            throw Error(RegexError.BadRepetition, _p);
        }

        return repeated;
    }

    // {m}, {m,}, {m,n} after the '{' at `open`; null for a bound of zero, which regcomp drops.
    private RegexNode.Repeat? ParseBound(RegexNode atom, int open)
    {
        int min = ParseCount(open);
        int max = min;
        if (Eat(','))
        {
            if (More && char.IsAsciiDigit(Peek))
            {
                max = ParseCount(open);
                if (min > max)
                {
                    throw Error(RegexError.BadBound, open);
                }
            }
            else
            {
                max = RegexNode.Repeat.Unbounded;
            }
        }

        if (!Eat('}'))
        {
            // regcomp's heuristics: a '}' later on means a bad count, none at all an unbalanced brace.
            throw Error(_text.AsSpan(_p, _end - _p).Contains('}') ? RegexError.BadBound : RegexError.Brace, open);
        }

        return max == 0 ? null : new RegexNode.Repeat(atom, min, max);
    }

    // p_count: at least one digit, at most RE_DUP_MAX.
    private int ParseCount(int open)
    {
        int count = 0;
        int digits = 0;
        while (More && char.IsAsciiDigit(Peek) && count <= DupMax)
        {
            count = (count * 10) + (_text[_p++] - '0');
            digits++;
        }

        if (digits == 0 || count > DupMax)
        {
            throw Error(RegexError.BadBound, open);
        }

        return count;
    }

    private PatternSyntaxException Error(RegexError error, int index) => new(error, _text, index);
}
