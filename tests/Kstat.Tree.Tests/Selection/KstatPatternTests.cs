using System.Text.RegularExpressions;
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
    [InlineData("/^sd[[:digit:]]+$/", "sdx", false)]
    [InlineData("/[[:upper:]][[:lower:]]+/", "xFoo", true)]
    [InlineData("/[[:space:]]/", "temperature override", true)]
    [InlineData("/^[^[:alpha:]]+$/", "12-3", true)]
    [InlineData("/^[^[:alpha:]]+$/", "12a", false)]
    [InlineData("//", "anything", true)]
    [InlineData("/a.c/", "a\nc", true)]           // '.' matches newline without REG_NEWLINE
    [InlineData("/a$/", "a\n", false)]            // '$' is the end of the string only
    [InlineData(@"/\d/", "d", true)]              // \d is a literal d in POSIX, not a .NET digit class
    [InlineData(@"/\d/", "7", false)]
    [InlineData(@"/[\]/", @"a\b", true)]           // backslash is literal inside brackets
    [InlineData("/[]a]/", "]", true)]
    [InlineData("/x{2,3}/", "axxb", true)]
    [InlineData("/x{2,3}/", "axb", false)]
    [InlineData("/(ab)+c/", "ababc", true)]
    [InlineData("/[[.-.]]/", "a-b", true)]
    [InlineData("/[[=e=]]/", "e", true)]
    [InlineData("/a b/", "a b", true)]
    [InlineData("/#/", "#", true)]
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
    [InlineData("/[/", "no matching ']'")]
    [InlineData("/(?i)x/", "'?' cannot follow '('")]
    [InlineData("/[[:word:]]/", "not a POSIX character class")]
    [InlineData("/[z-a]/", "out of order")]
    [InlineData(@"/a\/", "trailing backslash")]
    [InlineData("/(a/", "not a valid extended regular expression")]
    public void A_malformed_regex_is_a_format_exception_that_says_why(string text, string expected)
    {
        var e = Assert.Throws<FormatException>(() => KstatPattern.Parse(text));
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Regexes_are_compiled_culture_invariant_with_a_match_timeout()
    {
        var regex = PosixRegex.Compile("^(a+)+$");
        Assert.True(regex.Options.HasFlag(RegexOptions.CultureInvariant));
        Assert.Equal(PosixRegex.MatchTimeout, regex.MatchTimeout);
        Assert.NotEqual(Regex.InfiniteMatchTimeout, regex.MatchTimeout);
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
