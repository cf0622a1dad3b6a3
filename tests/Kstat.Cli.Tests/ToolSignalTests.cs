using System.Diagnostics;
using Kstat.Cli.Tests.Support;

namespace Kstat.Cli.Tests;

/// <summary>
/// The tool as a process on the running machine (Linux /proc, illumos libkstat) under signals and long intervals;
/// where the machine has no kstat source (exit 3) there is no live run to test.
/// </summary>
public sealed class ToolSignalTests
{
    private const string Statistic = "cpu_stat:0:cpu_stat0:user";

    private static bool HasLiveKstats => KstatRunner.RunProcess("-q", Statistic).ExitCode != 3;

    [Fact]
    public async Task An_endless_live_run_dies_of_sigpipe_when_its_reader_goes_away()
    {
        if (!HasLiveKstats)
        {
            return;
        }

        using var process = KstatRunner.Start("-p", "1"); // every kstat, every second, forever: `kstat -p 1 | head -1`
        var stderr = process.StandardError.ReadToEndAsync();
        Assert.NotNull(process.StandardOutput.ReadLine());
        process.StandardOutput.Close();

        bool exited = process.WaitForExit(KstatRunner.TimeLimit);
        if (!exited)
        {
            process.Kill();
        }

        Assert.True(exited, "kstat kept running after its reader left");
        Assert.Equal("", await stderr);
        Assert.Equal(128 + 13, process.ExitCode); // killed by SIGPIPE: 141 to the shell, as kstat(1)
    }

    [Theory]
    [InlineData("2147484")]    // the first interval past what one Thread.Sleep takes (24.8 days)
    [InlineData("2147483647")] // the largest kstat(1) accepts
    public async Task An_interval_of_weeks_or_decades_sleeps_instead_of_crashing(string interval)
    {
        if (!HasLiveKstats)
        {
            return;
        }

        using var process = KstatRunner.Start("-p", Statistic, interval, "2");
        var stderr = process.StandardError.ReadToEndAsync();
        Assert.StartsWith(Statistic + "\t", process.StandardOutput.ReadLine(), StringComparison.Ordinal);

        bool ended = process.WaitForExit(TimeSpan.FromSeconds(3));
        if (!ended)
        {
            process.Kill();
            process.WaitForExit();
        }

        Assert.False(ended, $"kstat ended with {process.ExitCode} instead of sleeping");
        Assert.Equal("", await stderr);
    }

    [Fact]
    public async Task After_sigstop_and_sigcont_a_live_run_resets_its_schedule_instead_of_catching_up()
    {
        if (!HasLiveKstats)
        {
            return;
        }

        using var process = KstatRunner.Start("-p", Statistic, "1", "4");
        var stderr = process.StandardError.ReadToEndAsync();
        Assert.NotNull(process.StandardOutput.ReadLine()); // round 1; the tool sleeps toward round 2
        Send("STOP", process);
        Thread.Sleep(TimeSpan.FromSeconds(3));
        var sinceContinued = Stopwatch.StartNew();
        Send("CONT", process);
        string rest = await process.StandardOutput.ReadToEndAsync();
        Assert.True(process.WaitForExit(KstatRunner.TimeLimit));
        sinceContinued.Stop();

        Assert.Equal((0, ""), (process.ExitCode, await stderr));
        Assert.Equal(3, rest.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        // Round 2 comes at once (its sleep ran out while stopped), then a whole interval before each of rounds 3 and 4:
        // 2 s. Catching up, as without the SIGCONT, would take half an interval and less: under 1 s.
        Assert.True(sinceContinued.Elapsed >= TimeSpan.FromSeconds(1.8), $"rounds 2 to 4 took {sinceContinued.Elapsed} after SIGCONT");
    }

    private static void Send(string signal, Process process)
    {
        using var kill = Process.Start("/bin/sh", ["-c", $"kill -{signal} {process.Id}"]);
        kill.WaitForExit();
        Assert.Equal(0, kill.ExitCode);
    }
}
