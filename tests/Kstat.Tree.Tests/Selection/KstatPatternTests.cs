using Kstat.Tree;

namespace Kstat.Tree.Tests.Selection;

public class KstatPatternTests
{
    [Theory]
    [InlineData("*", "", true)]
    [InlineData("*", "cpu_stat", true)]
    [InlineData("cpu_stat", "cpu_stat", true)]
    [InlineData("cpu_stat", "cpu_stat0", false)]
    [InlineData("cpu*", "cpu_stat", true)]
    [InlineData("cpu*", "xcpu", false)]
    [InlineData("*stat", "cpu_stat", true)]
    [InlineData("*stat", "cpu_stat0", false)]
    [InlineData("c*_*t", "cpu_stat", true)]
    [InlineData("cpu_stat?", "cpu_stat7", true)]
    [InlineData("cpu_stat?", "cpu_stat", false)]
    [InlineData("cpu_stat?", "cpu_stat12", false)]
    [InlineData("sd[0-9]", "sd3", true)]
    [InlineData("sd[0-9]", "sda", false)]
    [InlineData("sd[!0-9]", "sda", true)]
    [InlineData("sd[!0-9]", "sd3", false)]
    [InlineData("[]]x", "]x", true)]
    [InlineData("[!]]x", "ax", true)]
    [InlineData("[!]]x", "]x", false)]
    [InlineData("a[-b]c", "a-c", true)]
    [InlineData("a[b-]c", "a-c", true)]
    [InlineData(@"a\*", "a*", true)]
    [InlineData(@"a\*", "ab", false)]
    [InlineData(@"a\?", "a?", true)]
    [InlineData("a[bc", "a[bc", false)] // an unclosed set never matches, as in gmatch
    [InlineData("", "", true)]
    [InlineData("", "x", false)]
    [InlineData("**a**", "bab", true)]
    [InlineData("*a*b", "aaab", true)]
    [InlineData("*a*b", "aaba", false)]
    [InlineData("[a-c-e]", "d", true)]          // a range may start where the previous one ended: a to e
    [InlineData("[a-c-e]", "e", true)]
    [InlineData("[a-c-e]", "-", false)]
    [InlineData("[a-c-e]", "f", false)]
    [InlineData("[!a-c-e]", "d", false)]
    [InlineData("[!a-c-e]", "f", true)]
    [InlineData("[--0]", "/", true)]            // the first '-' is a member, the second starts a range from it
    [InlineData("[--0]", "0", true)]
    [InlineData("[--0]", ",", false)]
    [InlineData("[-]", "-", true)]
    [InlineData("[z-a]", "m", false)]           // a range out of order matches nothing
    [InlineData("[!z-a]", "m", true)]
    [InlineData(@"[\]]", "]", true)]            // a backslash quotes the next character in a set
    [InlineData(@"[a\-z]", "-", true)]
    [InlineData(@"[a\-z]", "m", false)]
    [InlineData(@"[+-\]]", "]", true)]          // ... also the end of a range
    [InlineData(@"[+-\]]", "A", true)]
    [InlineData(@"[+-\]]", "a", false)]
    [InlineData("[!]", "x", false)]             // "]" is the first member: the set is unclosed
    [InlineData("[]", "]", false)]
    [InlineData(@"a\", @"a\", false)]         // a trailing backslash quotes nothing and never matches
    [InlineData(@"*\", @"a\", false)]
    [InlineData(@"\a", "a", true)]
    public void Globs_match_the_whole_text_like_gmatch(string glob, string text, bool expected)
    {
        var pattern = KstatPattern.Parse(glob);
        Assert.False(pattern.IsRegex);
        Assert.Equal(expected, pattern.IsMatch(text));
    }

    [Theory]
    [InlineData("/idle|user/", "idle", true)]
    [InlineData("/idle|user/", "idlethread", true)]  // unanchored, like regexec
    [InlineData("/idle|user/", "kernel", false)]
    [InlineData("/^sd[0-9]+$/", "sd12", true)]
    [InlineData("/^sd[0-9]+$/", "sd12,a", false)]
    [InlineData("/^sd[[:digit:]]+$/", "sd12", true)]
    [InlineData("/[[:upper:]][[:lower:]]+/", "xFoo", true)]
    public void Slashes_make_an_unanchored_posix_extended_regex(string text, string input, bool expected)
    {
        var pattern = KstatPattern.Parse(text);
        Assert.True(pattern.IsRegex);
        Assert.Equal(expected, pattern.IsMatch(input));
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/abc")]
    [InlineData("abc/")]
    [InlineData("a/b/")]
    public void Only_text_that_starts_and_ends_with_a_slash_is_a_regex(string text)
    {
        var pattern = KstatPattern.Parse(text);
        Assert.False(pattern.IsRegex);
        Assert.True(pattern.IsMatch(text));
    }

    [Theory]
    [InlineData("/[/", "brackets ([ ]) not balanced: '/[/' at column 2")]
    [InlineData("/(?i)x/", "repetition-operator operand invalid: '/(?i)x/' at column 3")]
    [InlineData("/[[:word:]]/", "invalid character class: '/[[:word:]]/' at column 3")]
    [InlineData("/[z-a]/", "invalid character range: '/[z-a]/' at column 3")]
    [InlineData(@"/a\/", @"trailing backslash (\): '/a\/' at column 3")]
    [InlineData("/(a/", "parentheses not balanced: '/(a/' at column 2")]
    [InlineData("//", "invalid regular expression: '//' at column 2")]
    public void A_malformed_regex_is_a_format_exception_with_regerrors_words_and_the_column(string text, string expected)
    {
        var e = Assert.ThrowsAny<FormatException>(() => KstatPattern.Parse(text));
        Assert.Equal(expected, e.Message);
    }

    [Fact]
    public void Star_is_the_shared_match_everything_pattern()
    {
        Assert.Same(KstatPattern.Any, KstatPattern.Parse("*"));
        Assert.True(KstatPattern.Parse("***").MatchesAll);
        Assert.False(KstatPattern.Parse("a*").MatchesAll);
        Assert.False(KstatPattern.Parse("/.*/").MatchesAll);
    }

    [Fact]
    public void Patterns_compare_by_their_text()
    {
        Assert.Equal(KstatPattern.Parse("/a|b/"), KstatPattern.Parse("/a|b/"));
        Assert.NotEqual(KstatPattern.Parse("a*"), KstatPattern.Parse("/a*/"));
        Assert.Equal("/a|b/", KstatPattern.Parse("/a|b/").ToString());
    }
}
