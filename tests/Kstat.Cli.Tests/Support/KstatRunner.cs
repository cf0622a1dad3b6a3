using System.Diagnostics;
using Kstat.Cli;

namespace Kstat.Cli.Tests.Support;

/// <summary>Runs kstat: in process through the same entry point as Program, or as the built tool in a child process.</summary>
public static class KstatRunner
{
    public sealed record Result(int ExitCode, string Stdout, string Stderr);

    /// <summary>Runs in process, with a clock that never waits.</summary>
    public static Result Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var time = new FakeTime(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        int code = KstatCommand.Execute(args, stdout, stderr, time, time.Sleep);
        return new Result(code, stdout.ToString(), stderr.ToString());
    }

    /// <summary>Starts the built tool (kstat.dll next to the tests) with the dotnet host that runs the tests.</summary>
    public static Process Start(params string[] args)
    {
        var (host, tool) = HostAndTool();
        var info = new ProcessStartInfo(host)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(tool);
        foreach (string arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        return Process.Start(info) ?? throw new InvalidOperationException("could not start " + host);
    }

    /// <summary>The built tool as a <c>sh</c> command line, every word quoted.</summary>
    public static string ShellCommand(params string[] args)
    {
        var (host, tool) = HostAndTool();
        return string.Join(' ', new[] { host, tool }.Concat(args).Select(a => "'" + a.Replace("'", "'\\''", StringComparison.Ordinal) + "'"));
    }

    /// <summary>Runs the built tool to its end.</summary>
    public static Result RunProcess(params string[] args)
    {
        using var process = Start(args);
        // Both pipes are drained at once (stderr on its own thread) so neither can fill up and block the tool.
        string stderr = string.Empty;
        var drain = new Thread(() => stderr = process.StandardError.ReadToEnd());
        drain.Start();
        string stdout = process.StandardOutput.ReadToEnd();
        drain.Join();
        Assert.True(process.WaitForExit(60_000), "kstat did not exit");
        return new Result(process.ExitCode, stdout, stderr);
    }

    private static (string Host, string Tool) HostAndTool()
    {
        string tool = Path.Combine(AppContext.BaseDirectory, "kstat.dll");
        string host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } h && File.Exists(h)
            ? h
            : Environment.ProcessPath is { } p && Path.GetFileNameWithoutExtension(p) == "dotnet" ? p : "dotnet";
        return (host, tool);
    }
}
