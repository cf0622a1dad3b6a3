using Kstat.Cli.Output;
using Kstat.Cli.Sources;
using Kstat.Tree;

namespace Kstat.Cli;

/// <summary>
/// Runs kstat(1): each round selects kstats from the chain headers, reads only those, and prints them per selector
/// in kstat(1) order; rounds are separated by a blank line and paced by a drift-corrected interval.
/// </summary>
/// <remarks>
/// Everything the command touches is injected (the source, the output format, stdout/stderr, the clock and the
/// sleep), so each behaviour is testable without a machine, a terminal or waiting.
/// </remarks>
internal sealed class KstatCommand
{
    private readonly KstatOptions _options;
    private readonly Func<KstatOptions, IKstatSource> _openSource;
    private readonly Func<KstatOptions, TextWriter, IKstatOutput> _createOutput;
    private readonly TextWriter _stdout;
    private readonly TextWriter _stderr;
    private readonly TimeProvider _time;
    private readonly Action<TimeSpan> _sleep;
    private readonly Func<Action, IDisposable?> _watchContinue;
    private bool _matched;

    public KstatCommand(
        KstatOptions options,
        Func<KstatOptions, IKstatSource> openSource,
        Func<KstatOptions, TextWriter, IKstatOutput> createOutput,
        TextWriter stdout,
        TextWriter stderr,
        TimeProvider time,
        Action<TimeSpan> sleep,
        Func<Action, IDisposable?>? watchContinue = null)
    {
        _options = options;
        _openSource = openSource;
        _createOutput = createOutput;
        _stdout = stdout;
        _stderr = stderr;
        _time = time;
        _sleep = sleep;
        _watchContinue = watchContinue ?? (_ => null);
    }

    /// <summary>Parses a command line and runs it over the source and format it names: what <c>Program</c> calls.</summary>
    /// <param name="args">The arguments.</param>
    /// <param name="stdout">Where the kstats go.</param>
    /// <param name="stderr">Where messages go.</param>
    /// <param name="time">The clock.</param>
    /// <param name="sleep">How to wait between rounds.</param>
    /// <param name="watchContinue">Registers a callback for SIGCONT, or gives <c>null</c> where there is none.</param>
    /// <returns>The exit status: 0 matched (or <c>-h</c>), 1 nothing matched, 2 usage error, 3 fatal.</returns>
    public static int Execute(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr, TimeProvider time, Action<TimeSpan> sleep,
        Func<Action, IDisposable?>? watchContinue = null)
    {
        try
        {
            var parsed = KstatOptionParser.Parse(args);
            if (parsed.Options is null)
            {
                stderr.Write(parsed.ErrorText);
                stderr.Flush();
                return parsed.ExitCode;
            }

            return new KstatCommand(parsed.Options, KstatSources.Open, OutputFormats.Create, stdout, stderr, time, sleep, watchContinue).Run();
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Whatever was not foreseen still ends in one line, never in a stack trace.
            return Report(stderr, e.Message);
        }
    }

    /// <summary>Runs every round and returns kstat(1)'s exit status: 0 matched, 1 nothing matched, 3 fatal.</summary>
    public int Run()
    {
        IKstatSource source;
        try
        {
            source = _openSource(_options);
        }
        catch (Exception e) when (IsSourceFailure(e))
        {
            return Fatal(e);
        }

        // As kstat.c, the intervals count from when the kstats were opened.
        var clock = new RoundClock(_time, _sleep);
        using var stdout = new GuardedWriter(_stdout);

        using (source)
        {
            // kstat(1) resets its schedule after a SIGCONT (it was stopped: there is no cadence left to keep).
            using var continued = RunsOnTheClock(source) ? _watchContinue(clock.NoteContinued) : null;
            try
            {
                var output = _createOutput(_options, stdout);
                var interval = TimeSpan.FromSeconds(_options.Interval);
                for (int round = 1; ; round++)
                {
                    PrintRound(source, output, stdout, clock);
                    stdout.Flush();
                    if (_options.Interval == 0 || round == _options.Count)
                    {
                        break;
                    }

                    if (!source.IsCapture)
                    {
                        clock.SleepUntilNext(interval);
                    }

                    if (!source.NextRound())
                    {
                        break;
                    }

                    stdout.Write('\n');
                }
            }
            catch (OutputFailedException e)
            {
                // A full disk, an I/O error: kstat(1) would go on and exit 0 with the output lost; say so instead.
                return Report(_stderr, $"standard output: {e.Message}");
            }
            catch (Exception e) when (IsSourceFailure(e))
            {
                FlushQuietly(stdout);
                return Fatal(e);
            }
        }

        return _matched ? ExitCodes.Matched : ExitCodes.NothingMatched;
    }

    /// <summary>Whether rounds follow the clock: a live source with an interval and more than one round.</summary>
    private bool RunsOnTheClock(IKstatSource source) => !source.IsCapture && _options.Interval > 0 && _options.Count != 1;

    /// <summary>One round: per selector, the selected kstats in kstat(1) order; each kstat is read at most once per round.</summary>
    private void PrintRound(IKstatSource source, IKstatOutput output, TextWriter stdout, RoundClock clock)
    {
        var chain = source.Chain;
        if (_options.Timestamp != TimestampFormat.None)
        {
            // A replayed capture keeps the time of its rounds when it recorded one.
            stdout.Write(clock.FormatTimestamp(_options.Timestamp, source.RoundTime));
            stdout.Write('\n');
        }

        output.BeginRound();
        var readings = new Dictionary<KstatHeader, KstatReading?>();
        var headers = chain.Headers;
        foreach (var selector in _options.Selectors)
        {
            Func<string, bool>? filter = selector.Statistic.MatchesAll ? null : selector.MatchesStatistic;
            foreach (var header in selector.Select(headers))
            {
                if (!readings.TryGetValue(header, out var reading))
                {
                    reading = TryRead(chain, header);
                    readings.Add(header, reading);
                }

                // Recorded as it happens, so a run cut short by a closed stdout still reports what matched.
                _matched |= output.Write(header, reading, filter) > 0;
            }
        }

        output.EndRound();
    }

    /// <summary>Reads a kstat; a kstat that vanished or cannot be read is still listed, without data, as in kstat(1).</summary>
    private static KstatReading? TryRead(IKstatChain chain, KstatHeader header)
    {
        try
        {
            return chain.Read(header);
        }
        catch (KstatException e) when (e is not KstatFormatException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>Failures of the source as a whole: an unreadable or malformed capture, no kstats on this system.</summary>
    private static bool IsSourceFailure(Exception e) =>
        e is KstatException or IOException or UnauthorizedAccessException or PlatformNotSupportedException;

    /// <summary>Flushes what earlier rounds printed before reporting a failure.</summary>
    private static void FlushQuietly(TextWriter stdout)
    {
        try
        {
            stdout.Flush();
        }
        catch (OutputFailedException)
        {
            // stdout fails too; the failure of the source still goes to stderr.
        }
    }

    /// <summary>Reports a failure of the source in one line (for a capture: file:line:column and the problem), then exit 3.</summary>
    private int Fatal(Exception e)
    {
        string text = (e, _options.CapturePath) switch
        {
            (KstatFormatException { Line: > 0 } f, var path) => $"{f.SourceName ?? path ?? "<input>"}:{f.Line}:{f.Column}: {f.Problem}",
            (_, { } path) when e is IOException or UnauthorizedAccessException => $"{path}: {e.Message}",
            _ => e.Message,
        };

        return Report(_stderr, text);
    }

    /// <summary>Writes <c>kstat: message</c> as one line (stderr ignores its own failures) and gives the fatal status.</summary>
    private static int Report(TextWriter stderr, string message)
    {
        try
        {
            stderr.Write($"kstat: {message.ReplaceLineEndings(" ").Trim()}\n");
            stderr.Flush();
        }
        catch (IOException)
        {
            // Nowhere left to say it.
        }

        return ExitCodes.Fatal;
    }
}
