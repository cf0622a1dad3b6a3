using Kstat.Cli;

namespace Kstat.Cli.Tests;

public class KstatOptionParserTests
{
    private const string Usage = KstatOptionParser.Usage;

    private static KstatOptions Ok(params string[] args)
    {
        var result = KstatOptionParser.Parse(args);
        Assert.True(result.Options is not null, $"expected options, got exit {result.ExitCode}: {result.ErrorText}");
        return result.Options!;
    }

    private static string Selectors(KstatOptions options) => string.Join(" | ", options.Selectors);

    [Fact]
    public void The_usage_text_is_illumos_kstat()
    {
        Assert.Equal(
            "Usage:\n" +
            "kstat [ -Cjlpq ] [ -T d|u ] [ -c class ]\n" +
            "      [ -m module ] [ -i instance ] [ -n name ] [ -s statistic ]\n" +
            "      [ interval [ count ] ]\n" +
            "kstat [ -Cjlpq ] [ -T d|u ] [ -c class ]\n" +
            "      [ module[:instance[:name[:statistic]]] ... ]\n" +
            "      [ interval [ count ] ]\n",
            Usage);
    }

    [Fact]
    public void No_arguments_select_everything_once_in_human_format()
    {
        var o = Ok();
        Assert.Equal("*:*:*:*", Selectors(o));
        Assert.False(o.Parseable || o.Json || o.Quiet || o.Colon || o.NamesOnly);
        Assert.Equal(TimestampFormat.None, o.Timestamp);
        Assert.Equal(0, o.Interval);
        Assert.Equal(1, o.Count);
        Assert.Null(o.CapturePath);
    }

    [Theory]
    [InlineData("-p", true, false, false, false, false)]
    [InlineData("-C", true, true, false, false, false)]
    [InlineData("-l", true, false, true, false, false)]
    [InlineData("-j", false, false, false, true, false)]
    [InlineData("-q", false, false, false, false, true)]
    [InlineData("-lC", true, true, true, false, false)]
    [InlineData("-jp", true, false, false, true, false)]
    public void Flags_set_the_format_as_kstat_does(string flags, bool p, bool c, bool l, bool j, bool q)
    {
        var o = Ok(flags);
        Assert.Equal((p, c, l, j, q), (o.Parseable, o.Colon, o.NamesOnly, o.Json, o.Quiet));
    }

    [Theory]
    [InlineData(new[] { "-T", "u" }, "Unix")]
    [InlineData(new[] { "-Tu" }, "Unix")]
    [InlineData(new[] { "-T", "d" }, "Date")]
    [InlineData(new[] { "-pTd" }, "Date")]
    [InlineData(new[] { "-T", "date" }, "Date")] // only the first character counts
    public void Dash_T_takes_u_or_d(string[] args, string expected) => Assert.Equal(expected, Ok(args).Timestamp.ToString());

    [Theory]
    [InlineData(new[] { "5" }, 5, null)]
    [InlineData(new[] { "5", "3" }, 5, 3)]
    [InlineData(new[] { "+5" }, 5, null)]      // strtoul takes a sign
    [InlineData(new[] { " 7" }, 7, null)]      // and leading blanks
    [InlineData(new[] { "cpu_stat", "1", "2" }, 1, 2)]
    [InlineData(new[] { "1", "cpu_stat", "2" }, 1, 2)] // numbers and selectors may interleave
    public void Numeric_operands_are_interval_then_count(string[] args, int interval, int? count)
    {
        var o = Ok(args);
        Assert.Equal(interval, o.Interval);
        Assert.Equal(count, o.Count);
    }

    [Theory]
    [InlineData(new[] { "cpu_stat" }, "cpu_stat:*:*:*")]
    [InlineData(new[] { "cpu_stat:::/idle|user/" }, "cpu_stat:*:*:/idle|user/")]
    [InlineData(new[] { "unix:0:system_pages", "cpu_stat:0" }, "unix:0:system_pages:* | cpu_stat:0:*:*")]
    [InlineData(new[] { "5s" }, "5s:*:*:*")]                 // not all digits: a selector
    [InlineData(new[] { "0x10" }, "0x10:*:*:*")]
    [InlineData(new[] { "-m", "cpu_info", "-i", "1", "-n", "cpu_info1", "-s", "/clock/" }, "cpu_info:1:cpu_info1:/clock/")]
    [InlineData(new[] { "-m", "a", "-m", "b" }, "b:*:*:*")]   // the last -m wins
    [InlineData(new[] { "-c", "disk" }, "*:*:*:* class=disk")]
    [InlineData(new[] { "-c", "disk", "sd", "nfs" }, "sd:*:*:* class=disk | nfs:*:*:* class=disk")]
    [InlineData(new[] { "--", "-p" }, "-p:*:*:*")]             // after -- everything is an operand
    [InlineData(new[] { "cpu_stat", "-p" }, "cpu_stat:*:*:* | -p:*:*:*")] // options end at the first operand (no permutation)
    [InlineData(new[] { "-" }, "-:*:*:*")]
    [InlineData(new[] { "cpu_stat", "--", "x" }, "cpu_stat:*:*:* | --:*:*:* | x:*:*:*")] // a "--" after an operand is an operand
    [InlineData(new[] { "-m", "--" }, "--:*:*:*")]
    [InlineData(new[] { "--", "--file", "x" }, "--file:*:*:* | x:*:*:*")]   // after "--", --file is not an option
    public void Other_operands_are_selectors_in_order(string[] args, string expected) => Assert.Equal(expected, Selectors(Ok(args)));

    [Theory]
    [InlineData(new[] { "--file", "x.txt" }, "x.txt")]
    [InlineData(new[] { "--file=x.txt" }, "x.txt")]
    [InlineData(new[] { "-p", "--file", "x.txt", "cpu_stat" }, "x.txt")]
    [InlineData(new[] { "-p", "cpu_stat", "--file", "x.txt", "1" }, "x.txt")]
    public void File_names_a_capture_among_options_or_operands(string[] args, string path)
    {
        var o = Ok(args);
        Assert.Equal(path, o.CapturePath);
        Assert.DoesNotContain("--file", Selectors(o), StringComparison.Ordinal);
    }

    public static TheoryData<string[], string> UsageErrors => new()
    {
        { ["-q", "-p"], "-q and -lpj are mutually exclusive\n" + Usage },
        { ["-qj"], "-q and -lpj are mutually exclusive\n" + Usage },
        { ["-l", "-q"], "-q and -lpj are mutually exclusive\n" + Usage },
        { ["-T", "x"], Usage },
        { ["-T", ""], Usage },
        { ["-x"], "kstat: illegal option -- x\n" + Usage },
        { ["-p:"], "kstat: illegal option -- :\n" + Usage },
        { ["--help"], "kstat: illegal option -- help\n" + Usage },     // illumos getopt names a long option whole
        { ["--foo"], "kstat: illegal option -- foo\n" + Usage },
        { ["--foo=bar"], "kstat: illegal option -- foo=bar\n" + Usage },
        { ["---"], "kstat: illegal option -- -\n" + Usage },
        { ["-p", "--files=x"], "kstat: illegal option -- files=x\n" + Usage },
        { ["-p-x"], "kstat: illegal option -- -\n" + Usage },          // inside a cluster '-' is a short option
        { ["/a|/"], "kstat: invalid regular expression: '/a|/' at column 3\n" + Usage },
        { ["-n", "/^*/"], "kstat: repetition-operator operand invalid: '/^*/' at column 3\n" + Usage },
        { ["cpu_stat:::/x{1/"], "kstat: braces not balanced: 'cpu_stat:::/x{1/' at column 14\n" + Usage },
        { ["-m"], "kstat: option requires an argument -- m\n" + Usage },
        { ["-pT"], "kstat: option requires an argument -- T\n" + Usage },
        { ["--file"], "kstat: option requires an argument -- file\n" + Usage },
        { ["0"], "Interval must be an integer >= 1" + Usage },
        { ["--", "-1"], "Interval must be an integer >= 1" + Usage },   // "-1" alone would be an option
        { ["-1"], "kstat: illegal option -- 1\n" + Usage },
        { [""], "Interval must be an integer >= 1" + Usage },        // strtoul("") is 0 with nothing left over
        { ["4294967296"], "Interval must be an integer >= 1" + Usage }, // kstat.c keeps the low 32 bits
        { ["5", "0"], "Count must be an integer >= 1" + Usage },
        { ["99999999999999999999"], "Interval is too large\n" + Usage },
        { ["1", "99999999999999999999"], "Count is too large\n" + Usage },
        { ["1", "2", "3"], Usage },
        { ["a:b:c:d:e"], Usage },
        { ["-m", "cpu_stat", "cpu_stat"], "[module[:instance[:name[:statistic]]]] and -m -i -n -s are mutually exclusive" + Usage },
        { ["-s", "idle", "cpu_stat"], "[module[:instance[:name[:statistic]]]] and -m -i -n -s are mutually exclusive" + Usage },
    };

    [Theory]
    [MemberData(nameof(UsageErrors))]
    public void Usage_errors_print_illumos_messages_and_exit_2(string[] args, string stderr)
    {
        var result = KstatOptionParser.Parse(args);
        Assert.Null(result.Options);
        Assert.Equal(2, result.ExitCode);
        Assert.Equal(stderr, result.ErrorText);
    }

    [Theory]
    [InlineData("cpu_stat:::/[/", "brackets ([ ]) not balanced: 'cpu_stat:::/[/' at column 13")]
    [InlineData("-s", "/(?i)idle/")]
    public void A_malformed_regex_is_a_usage_error_that_says_where(string first, string expected)
    {
        var result = KstatOptionParser.Parse(first == "-s" ? ["-s", expected] : [first]);
        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("kstat: ", result.ErrorText, StringComparison.Ordinal);
        Assert.EndsWith("\n" + Usage, result.ErrorText, StringComparison.Ordinal);
        if (first != "-s")
        {
            Assert.Contains(expected, result.ErrorText, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("-h")]
    [InlineData("-?")]
    [InlineData("-ph")]
    public void Help_prints_the_usage_and_exits_0(string flag)
    {
        var result = KstatOptionParser.Parse([flag]);
        Assert.Null(result.Options);
        Assert.Equal(0, result.ExitCode);
        Assert.Equal(Usage, result.ErrorText);
    }

    [Fact]
    public void The_first_error_wins_in_command_line_order()
    {
        Assert.Equal(Usage, KstatOptionParser.Parse(["a:b:c:d:e", "0"]).ErrorText);
        Assert.Equal("Interval must be an integer >= 1" + Usage, KstatOptionParser.Parse(["0", "a:b:c:d:e"]).ErrorText);
    }
}
