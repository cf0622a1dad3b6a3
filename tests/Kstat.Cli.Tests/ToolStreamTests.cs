using Kstat.Cli.Tests.Support;
using Kstat.Tree.Tests.Support;

namespace Kstat.Cli.Tests;

/// <summary>
/// What a shell does to the tool's streams and arguments, each run as a process under a time limit: never a stack
/// trace, the exit status and at most one line of message that kstat(1) would give (or, where it differs, README's).
/// </summary>
public sealed class ToolStreamTests : IDisposable
{
    private static readonly string Capture = CaptureFiles.PathOf("solaris-i86pc-corei5-cpu_info-plain.txt");
    private const string Brand = "cpu_info:0:cpu_info0:brand\tIntel(r) Core(tm) i5 CPU       M 450  @ 2.40GHz\n";
    private readonly string _temp = Directory.CreateTempSubdirectory("kstat-stream-tests").FullName;

    public void Dispose() => Directory.Delete(_temp, recursive: true);

    [Theory]
    [InlineData("2>&-", "-h", 0)]                 // usage to a closed stderr: ignored, as kstat(1) ignores it
    [InlineData("2>&-", "-z", 2)]
    [InlineData("2>/dev/full", "-z", 2)]          // ... and to a full one
    [InlineData("2>/dev/full", "-h", 0)]
    public void A_closed_or_full_stderr_is_ignored(string redirection, string option, int status)
    {
        if (redirection.Contains("/dev/full", StringComparison.Ordinal) && !File.Exists("/dev/full"))
        {
            return; // Linux has a device that is always full; illumos has none
        }

        var run = KstatRunner.RunProcess(KstatRunner.InShell(redirection, option));
        Assert.Equal((status, "", ""), (run.ExitCode, run.Stdout, run.Stderr));
    }

    [Fact]
    public void A_closed_stdout_is_silent_with_the_status_of_what_matched()
    {
        Assert.Equal(new KstatRunner.Result(0, "", ""), KstatRunner.RunProcess(KstatRunner.InShell(">&-", "-p", "--file", Capture)));
        Assert.Equal(new KstatRunner.Result(1, "", ""), KstatRunner.RunProcess(KstatRunner.InShell(">&-", "-p", "--file", Capture, "nothing")));
    }

    [Fact]
    public void A_full_stdout_is_one_line_and_exit_3()
    {
        // kstat(1) loses the output and exits 0 here; a deliberate difference (README).
        if (!File.Exists("/dev/full"))
        {
            return; // Linux has a device that is always full; illumos has none
        }

        var run = KstatRunner.RunProcess(KstatRunner.InShell(">/dev/full", "-p", "--file", Capture));
        Assert.Equal((3, "kstat: standard output: No space left on device\n"), (run.ExitCode, run.Stderr));
    }

    [Fact]
    public void A_directory_given_to_file_says_it_is_a_directory()
    {
        var run = KstatRunner.RunProcess("-p", "--file", _temp);
        Assert.Equal((3, "", $"kstat: {_temp}: is a directory\n"), (run.ExitCode, run.Stdout, run.Stderr));
    }

    [Fact]
    public void File_dash_reads_the_capture_from_stdin()
    {
        var run = KstatRunner.RunProcess(KstatRunner.Tool("-p", "--file", "-", "cpu_info:0:cpu_info0:brand"), File.ReadAllText(Capture));
        Assert.Equal((0, Brand, ""), (run.ExitCode, run.Stdout, run.Stderr));

        var bad = KstatRunner.RunProcess(KstatRunner.Tool("-p", "--file", "-"), "cpu_info:0:cpu_info0:brand\tx\nnot a line\n");
        Assert.Equal(3, bad.ExitCode);
        Assert.StartsWith("kstat: <stdin>:", bad.Stderr, StringComparison.Ordinal);
        Assert.Single(bad.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void A_regex_that_backtracks_catastrophically_elsewhere_takes_linear_time_here()
    {
        // /^(a+)+$/ against 30 a's and a '!' took a backtracking engine past its timeout: a stack trace.
        string path = Path.Combine(_temp, "names.txt");
        File.WriteAllText(path,
            $"m:0:{new string('a', 30)}!:s\t1\n" +
            $"m:1:{new string('a', 100_000)}!:s\t1\n" +
            $"m:2:{new string('a', 30)}:s\t1\n");

        var run = KstatRunner.RunProcess("-p", "--file", path, "::/^(a+)+$/:s");
        Assert.Equal((0, $"m:2:{new string('a', 30)}:s\t1\n", ""), (run.ExitCode, run.Stdout, run.Stderr));
    }
}
