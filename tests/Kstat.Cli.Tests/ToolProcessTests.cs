using System.Text;
using Kstat.Cli.Tests.Support;
using Kstat.Tree.Tests.Support;

namespace Kstat.Cli.Tests;

/// <summary>The built tool as a user runs it: a separate process, real stdout/stderr pipes and exit codes.</summary>
public sealed class ToolProcessTests : IDisposable
{
    private readonly string _temp = Directory.CreateTempSubdirectory("kstat-tool-tests").FullName;

    public void Dispose() => Directory.Delete(_temp, recursive: true);

    [Fact]
    public void Dash_p_over_a_capture_prints_and_exits_0()
    {
        var run = KstatRunner.RunProcess("-p", "--file", CaptureFiles.PathOf("solaris-i86pc-corei5-cpu_info-plain.txt"), "cpu_info:0:cpu_info0:brand");
        Assert.Equal((0, "cpu_info:0:cpu_info0:brand\tIntel(r) Core(tm) i5 CPU       M 450  @ 2.40GHz\n", ""), (run.ExitCode, run.Stdout, run.Stderr));
    }

    [Theory]
    [InlineData(new[] { "0" }, "Interval must be an integer >= 1Usage:\n")]
    [InlineData(new[] { "-q", "-p" }, "-q and -lpj are mutually exclusive\nUsage:\n")]
    [InlineData(new[] { "-z" }, "kstat: illegal option -- z\nUsage:\n")]
    [InlineData(new[] { "--foo" }, "kstat: illegal option -- foo\nUsage:\n")]
    [InlineData(new[] { "/a|/" }, "kstat: invalid regular expression: '/a|/' at column 3\nUsage:\n")]
    [InlineData(new[] { "::/^*/" }, "kstat: repetition-operator operand invalid: '::/^*/' at column 5\nUsage:\n")]
    [InlineData(new[] { "//" }, "kstat: invalid regular expression: '//' at column 2\nUsage:\n")]
    [InlineData(new[] { "-s", "/a{,3}/" }, "kstat: invalid repetition count(s): '/a{,3}/' at column 3\nUsage:\n")]
    public void Usage_errors_exit_2_with_the_message_and_usage_on_stderr(string[] args, string start)
    {
        var run = KstatRunner.RunProcess(args);
        Assert.Equal(2, run.ExitCode);
        Assert.Equal("", run.Stdout);
        Assert.StartsWith(start, run.Stderr, StringComparison.Ordinal);
        Assert.EndsWith("      [ interval [ count ] ]\n", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_is_written_where_the_shell_left_off_and_appended_to_with_double_redirection()
    {
        string output = Path.Combine(_temp, "out.txt");
        string kstat = KstatRunner.ShellCommand("-p", "--file", CaptureFiles.PathOf("solaris-i86pc-corei5-cpu_info-plain.txt"), "cpu_info:0:cpu_info0:brand");
        var shell = System.Diagnostics.Process.Start("/bin/sh", ["-c", $"(echo first; {kstat}; echo last) > '{output}' && {kstat} >> '{output}'"]);
        Assert.True(shell.WaitForExit(60_000), "the shell did not finish");

        const string Brand = "cpu_info:0:cpu_info0:brand\tIntel(r) Core(tm) i5 CPU       M 450  @ 2.40GHz\n";
        Assert.Equal((0, "first\n" + Brand + "last\n" + Brand), (shell.ExitCode, File.ReadAllText(output)));
    }

    [Fact]
    public async Task A_reader_that_goes_away_kills_the_tool_with_sigpipe_as_it_kills_kstat_1()
    {
        // Far more than a pipe buffer, so the tool is still writing when the reader leaves.
        var text = new StringBuilder();
        for (int i = 0; i < 4000; i++)
        {
            for (int s = 0; s < 10; s++)
            {
                text.Append(System.Globalization.CultureInfo.InvariantCulture, $"mod:{i}:name{i}:statistic{s}\t{i * s}\n");
            }
        }

        string path = Path.Combine(_temp, "big.txt");
        File.WriteAllText(path, text.ToString());

        using var process = KstatRunner.Start("-p", "--file", path);
        var stderr = process.StandardError.ReadToEndAsync();
        Assert.StartsWith("mod:0:name0:", process.StandardOutput.ReadLine(), StringComparison.Ordinal);
        process.StandardOutput.Close(); // `| head -1`

        Assert.True(process.WaitForExit(KstatRunner.TimeLimit), "kstat kept running after its reader left");
        Assert.Equal("", await stderr);
        Assert.Equal(128 + 13, process.ExitCode); // SIGPIPE: the shell's 141
    }

    [Fact]
    public void The_issue_example_runs_live_two_rounds_a_second_apart()
    {
        // `kstat -p cpu_stat:::/idle|user/ 1 2` on the running machine (Linux /proc, illumos libkstat); skipped in
        // effect where the machine has no kstat source (exit 3).
        var run = KstatRunner.RunProcess("-p", "cpu_stat:::/idle|user/", "1", "2");
        if (run.ExitCode == 3)
        {
            return;
        }

        Assert.Equal((0, ""), (run.ExitCode, run.Stderr));
        var rounds = run.Stdout.Split("\n\n");
        Assert.Equal(2, rounds.Length);
        foreach (string round in rounds)
        {
            var lines = round.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.NotEmpty(lines);
            Assert.All(lines, line => Assert.Matches(@"^cpu_stat:\d+:cpu_stat\d+:[a-z_]*(idle|user)[a-z_]*\t\d+$", line));
            Assert.Contains(lines, line => line.StartsWith("cpu_stat:0:cpu_stat0:idle\t", StringComparison.Ordinal));
        }
    }
}
