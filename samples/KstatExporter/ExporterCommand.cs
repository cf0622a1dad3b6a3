using System.Runtime.InteropServices;
using Kstat.Native;
using Kstat.Tree;

namespace Kstat.Samples;

/// <summary>The command: parse, open the kstats, serve until SIGINT or SIGTERM; every failure is one line on stderr and an exit status.</summary>
internal static class ExporterCommand
{
    public static int Run(string[] args, TextWriter output, TextWriter error, CancellationToken stop = default)
    {
        ExporterOptions options;
        try
        {
            options = ExporterOptions.Parse(args);
        }
        catch (FormatException e)
        {
            error.WriteLine($"kstatexporter: {e.Message} (--help for usage)");
            return ExitCodes.Usage;
        }

        if (options.Help)
        {
            output.WriteLine($"usage: {ExporterOptions.Usage}");
            return ExitCodes.Stopped;
        }

        try
        {
            using var tree = Open(options);
            using var endpoint = new KstatScrapeEndpoint(tree, options);
            output.WriteLine($"kstatexporter: serving {endpoint.Meter.Instruments.Count} instruments at {endpoint.Url}");
            output.Flush();
            WaitForStop(stop);
            return ExitCodes.Stopped;
        }
        catch (ExporterStartException e)
        {
            error.WriteLine($"kstatexporter: {e.Message}");
            return e.ExitCode;
        }
    }

    private static KstatTree Open(ExporterOptions options)
    {
        try
        {
            return options.File is { } path ? KstatTree.Load(path) : NativeKstat.Open();
        }
        catch (Exception e) when (e is KstatException or IOException or UnauthorizedAccessException or DllNotFoundException or PlatformNotSupportedException)
        {
            throw new ExporterStartException(ExitCodes.CannotServe, e.Message, e);
        }
    }

    private static void WaitForStop(CancellationToken stop)
    {
        using var stopped = new ManualResetEventSlim();
        void Stop(PosixSignalContext context)
        {
            context.Cancel = true; // end the wait and dispose the listener, rather than die in the middle of a scrape
            stopped.Set();
        }

        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
        using var registration = stop.Register(stopped.Set);
        stopped.Wait(CancellationToken.None);
    }
}
