using Kstat.Tree;

namespace Kstat.Tree.Tests.Selection;

/// <summary>
/// The grammar of illumos <c>regcomp(3C)</c> with <c>REG_EXTENDED</c> (libc/port/regex/regcomp.c), rule by rule, and
/// <c>regexec</c>'s answers; each row names the rule of regcomp.c it follows.
/// </summary>
public class PosixRegexTests
{
    private static PosixRegex Compile(string ere) => PosixRegex.Compile("/" + ere + "/");

    [Theory]
    // p_re: REQUIRE(HERE() != bc.start, REG_BADPAT): no branch may compile to nothing.
    [InlineData("", "BadPattern", 2)]
    [InlineData("a{0}", "BadPattern", 2)]       // x{0} is dropped (repeat: REP(0, 0))
    [InlineData("(a{0})", "BadPattern", 3)]
    [InlineData("(a|)", "BadPattern", 5)]
    [InlineData("(|a)", "BadPattern", 3)]
    [InlineData("|a", "BadPattern", 2)]
    // p_branch_do: two delimiters in a row, or one ending the expression, is an empty branch.
    [InlineData("a|", "BadPattern", 3)]
    [InlineData("a||b", "BadPattern", 4)]
    // p_ere_exp: a repetition operator where an atom belongs, after '^', or after another repetition.
    [InlineData("*a", "BadRepetition", 2)]
    [InlineData("+a", "BadRepetition", 2)]
    [InlineData("?a", "BadRepetition", 2)]
    [InlineData("a|*b", "BadRepetition", 4)]
    [InlineData("(*a)", "BadRepetition", 3)]
    [InlineData("(?i)x", "BadRepetition", 3)]
    [InlineData("^*", "BadRepetition", 3)]
    [InlineData("^+", "BadRepetition", 3)]
    [InlineData("^?", "BadRepetition", 3)]
    [InlineData("^{1}", "BadRepetition", 3)]
    [InlineData("a**", "BadRepetition", 4)]
    [InlineData("a*?", "BadRepetition", 4)]
    [InlineData("a+*", "BadRepetition", 4)]
    [InlineData("a{2}*", "BadRepetition", 6)]
    [InlineData("a{2}{3}", "BadRepetition", 6)]
    // '{' is always a bound: as an atom, or not followed by a digit or ','.
    [InlineData("{", "BadRepetition", 2)]
    [InlineData("{1}", "BadRepetition", 2)]
    [InlineData("a{", "BadRepetition", 3)]
    [InlineData("a{x}", "BadRepetition", 3)]
    [InlineData("a{}", "BadRepetition", 3)]
    // p_count: one digit at least, RE_DUP_MAX (255) at most; then count <= count2; then '}'.
    [InlineData("a{,3}", "BadBound", 3)]
    [InlineData("a{,}", "BadBound", 3)]
    [InlineData("a{256}", "BadBound", 3)]
    [InlineData("a{1,256}", "BadBound", 3)]
    [InlineData("a{2550}", "BadBound", 3)]
    [InlineData("a{3,1}", "BadBound", 3)]
    [InlineData("a{1x}", "BadBound", 3)]
    [InlineData("a{1,2x}", "BadBound", 3)]
    [InlineData("a{1", "Brace", 3)]
    [InlineData("a{1,", "Brace", 3)]
    [InlineData("a{1,2", "Brace", 3)]
    // Parentheses.
    [InlineData("(", "Parenthesis", 2)]
    [InlineData("a(", "Parenthesis", 3)]
    [InlineData("(a", "Parenthesis", 2)]
    [InlineData(")", "Parenthesis", 2)]
    [InlineData("a)", "Parenthesis", 3)]
    // A backslash must escape something.
    [InlineData(@"a\", "Escape", 3)]
    // p_bracket: MUSTEAT(']', REG_EBRACK).
    [InlineData("[", "Bracket", 2)]
    [InlineData("[a", "Bracket", 2)]
    [InlineData("[]", "Bracket", 2)]
    [InlineData("[^]", "Bracket", 2)]
    [InlineData("[[:alpha:]", "Bracket", 2)]
    [InlineData("[[.a]]", "Bracket", 2)]
    // p_b_term: a '-' that neither ends a range nor stands first or last, and ranges out of order.
    [InlineData("[a-c-e]", "Range", 6)]
    [InlineData("[a-", "Range", 4)]
    [InlineData("[]-a]", "Range", 4)]
    [InlineData("[--/]", "Range", 4)]
    [InlineData("[[:alpha:]-z]", "Range", 12)]
    [InlineData("[z-a]", "Range", 3)]
    [InlineData("[a--]", "Range", 3)]
    // p_b_cclass: a class wctype(3C) knows, spelt exactly, closed by ":]".
    [InlineData("[[:word:]]", "CharacterType", 3)]
    [InlineData("[[:ALPHA:]]", "CharacterType", 3)]
    [InlineData("[[:alpha]]", "CharacterType", 3)]
    [InlineData("[[::]]", "CharacterType", 3)]
    [InlineData("[[:-:]]", "CharacterType", 3)]
    [InlineData("[[:abcdefghijklmnop:]]", "CharacterType", 3)]
    // p_b_coll_elem: a character name from cname.h or one character.
    [InlineData("[[.ab.]]", "Collate", 3)]
    [InlineData("[[=ab=]]", "Collate", 3)]
    [InlineData("[[=-=]]", "Collate", 3)]
    [InlineData("[[..]]", "Character", 3)]
    // Bounds are copied out as regcomp copies them; past what memory allows, REG_ESPACE.
    [InlineData("((a{255}){255}){255}", "Space", 1)]
    public void Regcomp_rejects(string ere, string code, int column)
    {
        var error = Enum.Parse<RegexError>(code);
        var e = Assert.Throws<PatternSyntaxException>(() => Compile(ere));
        Assert.Equal((error.Text(), column), (e.Problem, e.Index + 1));
        Assert.Equal($"{error.Text()}: '/{ere}/' at column {column}", e.Message);
    }

    [Theory]
    [InlineData("idle|user", "idlethread", true)]
    [InlineData("idle|user", "kernel", false)]
    [InlineData("a{0}b", "b", true)]                // x{0} matches nothing, beside something else
    [InlineData("()", "anything", true)]            // an empty group is not an empty branch
    [InlineData("x()*y", "xy", true)]
    [InlineData("(a*)*", "b", true)]
    [InlineData("a{2,}", "aa", true)]
    [InlineData("a{2,}", "a", false)]
    [InlineData("^a{2,3}$", "aaaa", false)]
    [InlineData("^(ab){2}$", "abab", true)]
    [InlineData("^(ab){2}$", "ab", false)]
    [InlineData("^a?b$", "b", true)]
    [InlineData(@"\{", "{", true)]
    [InlineData("}", "}", true)]                    // '}' alone is ordinary
    [InlineData("]", "]", true)]
    [InlineData(@"\d", "d", true)]                  // a backslash makes any other character literal
    [InlineData(@"\d", "7", false)]
    [InlineData(@"\1", "1", true)]
    [InlineData("a.c", "a\nc", true)]               // '.' matches a newline (no REG_NEWLINE)
    [InlineData("a$", "a\n", false)]                // '$' is the end of the string only
    [InlineData("x^", "x", false)]                  // '^' anywhere, matching only at the start
    [InlineData("(^a|b)c", "bc", true)]
    [InlineData("$a", "a", false)]
    [InlineData("a$*", "a", true)]                  // only '^' refuses a repetition
    // Brackets.
    [InlineData("[]a]", "]", true)]
    [InlineData("[^]a]", "]", false)]
    [InlineData("[^]a]", "b", true)]
    [InlineData("[]-]", "-", true)]
    [InlineData("[a-]", "-", true)]
    [InlineData("[-a]", "-", true)]
    [InlineData("[!--]", ",", true)]                // a range may end with '-'
    [InlineData(@"[\]", @"a\b", true)]              // a backslash is literal in brackets
    [InlineData("[[]", "[", true)]
    [InlineData("[^a]", "\n", true)]
    [InlineData("[[.hyphen.]]", "a-b", true)]
    [InlineData("[[.space.]]", "a b", true)]
    [InlineData("[[.-.]]", "-", true)]
    [InlineData("[[.].]]", "]", true)]
    [InlineData("[[=e=]]", "e", true)]
    [InlineData("[[=hyphen=]]", "-", true)]
    [InlineData("[[.a.]-c]", "b", true)]
    [InlineData("[a-[.c.]]", "c", true)]
    [InlineData("[[.NUL.]-[.US.]]", "\t", true)]
    // Character classes in the C locale: ASCII only.
    [InlineData("^[[:alpha:]]+$", "cpu", true)]
    [InlineData("[[:alpha:]]", "é", false)]
    [InlineData("[^a]", "é", true)]
    [InlineData(".", "é", true)]
    [InlineData("[[:punct:]]", "_", true)]
    [InlineData("[[:blank:]]", "\t", true)]
    [InlineData("[[:space:]]", "\v", true)]
    [InlineData("[[:cntrl:]]", "\x7f", true)]
    [InlineData("[[:xdigit:]]", "F", true)]
    [InlineData("[[:graph:]]", " ", false)]
    [InlineData("[[:print:]]", " ", true)]
    [InlineData("[[:rune:]]", "a", true)]           // wctype's BSD extensions
    [InlineData("[[:ideogram:]]", "a", false)]
    // Word boundaries: \< \> and [[:<:]] [[:>:]]; word characters are letters, digits and '_'.
    [InlineData(@"\<idle", "idle", true)]
    [InlineData(@"\<idle", "cpu idle", true)]
    [InlineData(@"\<idle", "cpu_idle", false)]
    [InlineData(@"\<idle", "cpu-idle", true)]
    [InlineData(@"idle\>", "idle", true)]
    [InlineData(@"idle\>", "idle-x", true)]
    [InlineData(@"idle\>", "idlex", false)]
    [InlineData("[[:<:]]idle[[:>:]]", "x idle y", true)]
    [InlineData("[[:<:]]idle[[:>:]]", "idlethread", false)]
    [InlineData(@"\<", "", false)]
    [InlineData(@"\>", "-", false)]
    [InlineData(@"\<\<a", "a", true)]
    [InlineData(@"\<*a", "ba", true)]               // a boundary is an atom: it can be repeated
    // Spencer's engine crosses '^' and '$' first, then one word boundary, at each position.
    [InlineData(@"^\<a", "a", true)]
    [InlineData(@"\<^a", "a", false)]
    [InlineData(@"a$\>", "a", true)]
    [InlineData(@"a\>$", "a", false)]
    public void Regcomp_accepts_and_regexec_answers(string ere, string text, bool expected)
    {
        Assert.Equal(expected, Compile(ere).IsMatch(text));
    }

    [Fact]
    public void Bounds_up_to_re_dup_max_are_exact()
    {
        var regex = Compile("^a{255}$");
        Assert.True(regex.IsMatch(new string('a', 255)));
        Assert.False(regex.IsMatch(new string('a', 254)));
        Assert.False(regex.IsMatch(new string('a', 256)));
        Assert.False(Compile("(a{255}){255}").IsMatch("b")); // 65,025 copies: accepted, as regcomp accepts it
    }

    [Fact]
    public void Nested_quantifiers_take_linear_time()
    {
        // A backtracking engine takes 2^n steps here and would not finish; the automaton takes n.
        var regex = Compile("^(a+)+$");
        Assert.False(regex.IsMatch(new string('a', 30) + "!"));
        Assert.False(regex.IsMatch(new string('a', 100_000) + "!"));
        Assert.True(regex.IsMatch(new string('a', 100_000)));
        Assert.False(Compile("(x+x+)+y").IsMatch(new string('x', 100_000)));
    }

    [Fact]
    public void Parentheses_nested_past_the_stack_are_an_error_not_a_crash()
    {
        string deep = new string('(', 200_000) + "a" + new string(')', 200_000);
        var e = Assert.Throws<PatternSyntaxException>(() => Compile(deep));
        Assert.Equal(RegexError.Space.Text(), e.Problem);
        Assert.True(Compile(new string('(', 100) + "a" + new string(')', 100)).IsMatch("a"));
    }

    [Fact]
    public void A_compiled_expression_is_shared_between_threads()
    {
        var regex = Compile("^cpu_stat[0-9]+$");
        Parallel.For(0, 10_000, i => Assert.Equal(i % 3 != 0, regex.IsMatch(i % 3 == 0 ? "cpu_info" + i : "cpu_stat" + i)));
    }
}
