using Kstat.Cli;
using Kstat.Cli.Output;
using Kstat.Cli.Tests.Support;
using Kstat.Tree;
using static Kstat.Cli.Tests.Support.FakeChain;

namespace Kstat.Cli.Tests;

public class KstatCommandTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 21, 21, 0, 0, TimeSpan.Zero);

    private static readonly KstatHeader Cpu0 = Header("cpu_stat", 0, "cpu_stat0");
    private static readonly KstatHeader Cpu1 = Header("cpu_stat", 1, "cpu_stat1");
    private static readonly KstatHeader Pages = Header("unix", 0, "system_pages", "pages");
    private static readonly KstatHeader Sd = Header("sd", 0, "sd0", "disk");

    private static (KstatHeader, KstatReading?)[] Round(long user, long idle) =>
    [
        (Pages, Reading(5, ("freemem", 100L))),
        (Cpu1, Reading(5, ("user", user + 1), ("idle", idle + 1), ("kernel", 9L))),
        (Sd, Reading(5, ("reads", 7L))),
        (Cpu0, Reading(5, ("user", user), ("idle", idle), ("kernel", 9L))),
    ];

    private sealed record Run(int ExitCode, string Stdout, string Stderr, FakeChain Chain, FakeSource Source, FakeTime Time);

    private static Run Execute(string[] args, FakeChain chain, bool capture = false, TextWriter? stdout = null, Func<int, DateTimeOffset?>? times = null)
    {
        var parsed = KstatOptionParser.Parse(args);
        Assert.NotNull(parsed.Options);
        var source = new FakeSource(chain, capture) { Times = times ?? (_ => null) };
        var time = new FakeTime(Start);
        var output = stdout ?? new StringWriter();
        var stderr = new StringWriter();
        var command = new KstatCommand(parsed.Options, _ => source, (_, w) => new RecordingOutput(w), output, stderr, time, time.Sleep);
        int code = command.Run();
        return new Run(code, output.ToString()!, stderr.ToString(), chain, source, time);
    }

    [Fact]
    public void Kstats_come_out_in_kstat_order_and_only_selected_ones_are_read()
    {
        var run = Execute(["cpu_stat"], new FakeChain(Round(1, 2)));

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(
            "[begin]\n" +
            "cpu_stat:0:cpu_stat0:user\t1\ncpu_stat:0:cpu_stat0:idle\t2\ncpu_stat:0:cpu_stat0:kernel\t9\n" +
            "cpu_stat:1:cpu_stat1:user\t2\ncpu_stat:1:cpu_stat1:idle\t3\ncpu_stat:1:cpu_stat1:kernel\t9\n" +
            "[end]\n",
            run.Stdout);
        Assert.Equal(["cpu_stat:0:cpu_stat0", "cpu_stat:1:cpu_stat1"], run.Chain.Reads);
        Assert.True(run.Chain.IsDisposed);
    }

    [Fact]
    public void Output_is_per_selector_so_a_kstat_matching_two_is_printed_twice_but_read_once()
    {
        var run = Execute(["unix", "::/^cpu_stat0$/:user", "unix:0"], new FakeChain(Round(1, 2)));

        Assert.Equal(
            "[begin]\n" +
            "unix:0:system_pages:freemem\t100\n" +
            "cpu_stat:0:cpu_stat0:user\t1\n" +
            "unix:0:system_pages:freemem\t100\n" +
            "[end]\n",
            run.Stdout);
        Assert.Equal(["unix:0:system_pages", "cpu_stat:0:cpu_stat0"], run.Chain.Reads);
    }

    [Fact]
    public void The_class_option_selects_by_header_without_reading_the_others()
    {
        var run = Execute(["-c", "disk"], new FakeChain(Round(1, 2)));
        Assert.Equal("[begin]\nsd:0:sd0:reads\t7\n[end]\n", run.Stdout);
        Assert.Equal(["sd:0:sd0"], run.Chain.Reads);
    }

    [Fact]
    public void A_statistic_regex_filters_statistics()
    {
        var run = Execute(["cpu_stat:1::/idle|user/"], new FakeChain(Round(1, 2)));
        Assert.Equal("[begin]\ncpu_stat:1:cpu_stat1:user\t2\ncpu_stat:1:cpu_stat1:idle\t3\n[end]\n", run.Stdout);
    }

    [Fact]
    public void Nothing_matched_exits_1()
    {
        Assert.Equal(1, Execute(["nosuchmodule"], new FakeChain(Round(1, 2))).ExitCode);
        Assert.Equal(1, Execute(["cpu_stat:::nosuchstat"], new FakeChain(Round(1, 2))).ExitCode);
    }

    [Fact]
    public void A_failed_read_is_still_listed_without_data()
    {
        var run = Execute(["cpu_stat:0"], new FakeChain([(Cpu0, null)]));
        Assert.Equal("[begin]\ncpu_stat:0:cpu_stat0 (unread)\n[end]\n", run.Stdout);
    }

    [Fact]
    public void A_live_interval_run_sleeps_updates_and_separates_rounds_with_a_blank_line()
    {
        var run = Execute(["-T", "u", "cpu_stat:0::user", "2", "3"], new FakeChain(Round(1, 2), Round(10, 20), Round(100, 200)));

        long t0 = Start.ToUnixTimeSeconds();
        Assert.Equal(
            $"{t0}\n[begin]\ncpu_stat:0:cpu_stat0:user\t1\n[end]\n\n" +
            $"{t0 + 2}\n[begin]\ncpu_stat:0:cpu_stat0:user\t10\n[end]\n\n" +
            $"{t0 + 4}\n[begin]\ncpu_stat:0:cpu_stat0:user\t100\n[end]\n",
            run.Stdout);
        Assert.Equal([TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(2)], run.Time.Sleeps);
        Assert.Equal(2, run.Source.Updates);
    }

    [Fact]
    public void A_capture_replays_its_rounds_without_sleeping_and_stops_at_its_end()
    {
        // Interval without count: forever on a live machine, as many rounds as the capture has here.
        var run = Execute(["cpu_stat:0::user", "1"], new FakeChain(Round(1, 2), Round(10, 20), Round(100, 200)), capture: true);

        Assert.Equal(
            "[begin]\ncpu_stat:0:cpu_stat0:user\t1\n[end]\n\n" +
            "[begin]\ncpu_stat:0:cpu_stat0:user\t10\n[end]\n\n" +
            "[begin]\ncpu_stat:0:cpu_stat0:user\t100\n[end]\n",
            run.Stdout);
        Assert.Empty(run.Time.Sleeps);
    }

    [Fact]
    public void A_replayed_capture_stamps_rounds_with_its_own_times()
    {
        var recorded = new DateTimeOffset(2016, 8, 10, 12, 0, 0, TimeSpan.Zero);
        var run = Execute(["-T", "u", "cpu_stat:0::user", "5"], new FakeChain(Round(1, 2), Round(10, 20)), capture: true,
            times: round => recorded.AddSeconds(5 * round));

        long t = recorded.ToUnixTimeSeconds();
        Assert.StartsWith($"{t}\n", run.Stdout, StringComparison.Ordinal);
        Assert.Contains($"\n\n{t + 5}\n", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void A_count_shorter_than_the_capture_stops_early()
    {
        var run = Execute(["cpu_stat:0::user", "1", "2"], new FakeChain(Round(1, 2), Round(10, 20), Round(100, 200)), capture: true);
        Assert.Equal(2, run.Stdout.Split("[begin]").Length - 1);
    }

    [Fact]
    public void Without_an_interval_there_is_one_round_and_no_update()
    {
        var run = Execute(["cpu_stat"], new FakeChain(Round(1, 2), Round(10, 20)));
        Assert.Equal(0, run.Source.Updates);
        Assert.Single(run.Stdout.Split("[begin]"), s => s.Length > 0);
    }

    [Fact]
    public void A_stdout_that_cannot_be_written_is_one_line_on_stderr_and_exit_3()
    {
        // A full disk: kstat(1) would lose the output and exit 0; here the run stops and says so.
        var full = new ThrowingWriter(afterChars: 100); // the first kstat gets through, the second does not
        var run = Execute(["cpu_stat", "1"], new FakeChain(Round(1, 2), Round(10, 20)), stdout: full);

        Assert.Equal(3, run.ExitCode);
        Assert.Equal("kstat: standard output: No space left on device\n", run.Stderr);
        Assert.Equal(0, run.Source.Updates); // and no further round was attempted
    }

    [Fact]
    public void After_a_sigcont_a_late_live_round_starts_a_new_schedule_instead_of_catching_up()
    {
        // Round 1, then the process is stopped for 10 s during its first sleep and continued.
        var chain = new FakeChain(Round(1, 2), Round(10, 20), Round(100, 200), Round(1000, 2000));
        var parsed = KstatOptionParser.Parse(["cpu_stat:0::user", "4", "4"]).Options!;
        var source = new FakeSource(chain, isCapture: false);
        var time = new FakeTime(Start);
        Action? continued = null;
        var sleeps = 0;
        void Sleep(TimeSpan pause)
        {
            time.Sleep(pause);
            if (++sleeps == 1)
            {
                time.Advance(TimeSpan.FromSeconds(10)); // stopped
                continued!();                           // SIGCONT
            }
        }

        var command = new KstatCommand(parsed, _ => source, (_, w) => new RecordingOutput(w), new StringWriter(), new StringWriter(),
            time, Sleep, watch => { continued = watch; return null; });

        Assert.Equal(0, command.Run());
        Assert.NotNull(continued);
        // kstat(1) without the SIGCONT would catch up with 2 s pauses; after it, a whole interval from the late round.
        Assert.Equal([TimeSpan.FromSeconds(4), TimeSpan.FromSeconds(4), TimeSpan.FromSeconds(4)], time.Sleeps);
    }

    [Theory]
    [InlineData(new[] { "cpu_stat", "1" }, false)]       // a capture: no clock, no signal
    [InlineData(new[] { "cpu_stat" }, true)]             // one round
    [InlineData(new[] { "cpu_stat", "1", "1" }, true)]
    public void Sigcont_is_watched_only_for_live_runs_of_several_rounds(string[] args, bool live)
    {
        var parsed = KstatOptionParser.Parse(args).Options!;
        var source = new FakeSource(new FakeChain(Round(1, 2), Round(10, 20)), isCapture: !live);
        var time = new FakeTime(Start);
        bool watched = false;
        var command = new KstatCommand(parsed, _ => source, (_, w) => new RecordingOutput(w), new StringWriter(), new StringWriter(),
            time, time.Sleep, _ => { watched = true; return null; });
        command.Run();
        Assert.False(watched);
    }

    [Fact]
    public void An_unforeseen_failure_is_one_line_not_a_stack_trace()
    {
        var stderr = new StringWriter();
        var time = new FakeTime(Start);
        int code = KstatCommand.Execute(["-p", "1"], new StringWriter(), stderr, time, time.Sleep,
            _ => throw new InvalidOperationException("the signal could not be watched"));

        // Live: where this machine has kstats the watcher is asked for and fails; where it has none, opening fails.
        Assert.Equal(3, code);
        Assert.Single(stderr.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("kstat: ", stderr.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_source_that_cannot_be_opened_is_one_line_on_stderr_and_exit_3()
    {
        var parsed = KstatOptionParser.Parse(["--file", "capture.txt"]).Options!;
        var stderr = new StringWriter();
        var time = new FakeTime(Start);
        var command = new KstatCommand(parsed, _ => throw new KstatFormatException("expected a TAB after the statistic", "capture.txt", 12, 7),
            (_, w) => new RecordingOutput(w), new StringWriter(), stderr, time, time.Sleep);

        Assert.Equal(3, command.Run());
        Assert.Equal("kstat: capture.txt:12:7: expected a TAB after the statistic\n", stderr.ToString());
    }

    [Fact]
    public void A_capture_that_turns_out_malformed_in_a_later_round_is_exit_3_after_the_rounds_before()
    {
        var chain = new FakeChain(Round(1, 2), Round(10, 20));
        var source = new BrokenSecondRound(chain);
        var parsed = KstatOptionParser.Parse(["--file", "c.txt", "cpu_stat:0::user", "1"]).Options!;
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var time = new FakeTime(Start);
        var command = new KstatCommand(parsed, _ => source, (_, w) => new RecordingOutput(w), stdout, stderr, time, time.Sleep);

        Assert.Equal(3, command.Run());
        Assert.Equal("[begin]\ncpu_stat:0:cpu_stat0:user\t1\n[end]\n", stdout.ToString());
        Assert.Equal("kstat: c.txt:40:1: a statistic line needs a TAB\n", stderr.ToString());
    }

    [Fact]
    public void A_missing_capture_names_the_file()
    {
        var parsed = KstatOptionParser.Parse(["--file", "nope.txt"]).Options!;
        var stderr = new StringWriter();
        var time = new FakeTime(Start);
        var command = new KstatCommand(parsed, _ => throw new FileNotFoundException("Could not find file 'nope.txt'."),
            (_, w) => new RecordingOutput(w), new StringWriter(), stderr, time, time.Sleep);

        Assert.Equal(3, command.Run());
        Assert.Equal("kstat: nope.txt: Could not find file 'nope.txt'.\n", stderr.ToString());
    }

    private sealed class BrokenSecondRound(FakeChain chain) : Sources.IKstatSource
    {
        public IKstatChain Chain => chain;

        public bool IsCapture => true;

        public DateTimeOffset? RoundTime => null;

        public bool NextRound() => throw new KstatFormatException("a statistic line needs a TAB", null, 40, 1);

        public void Dispose() => chain.Dispose();
    }

    /// <summary>A stdout on a disk that fills up after a few characters: the next write fails as ENOSPC does.</summary>
    private sealed class ThrowingWriter(int afterChars) : StringWriter
    {
        private int _written;

        public override void Write(char value)
        {
            Check(1);
            base.Write(value);
        }

        public override void Write(string? value)
        {
            Check(value?.Length ?? 0);
            base.Write(value);
        }

        private void Check(int n)
        {
            _written += n;
            if (_written > afterChars)
            {
                throw new IOException("No space left on device");
            }
        }
    }
}
