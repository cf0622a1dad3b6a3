using System.Diagnostics;
using Kstat.Cli;

namespace Kstat.Cli.Tests.Support;

/// <summary>Runs kstat: in process through the same entry point as Program, or as the built tool in a child process.</summary>
public static class KstatRunner
{
    /// <summary>How long a child process may take before the test kills it and fails: a hang is a failure, not a wait.</summary>
    public static readonly TimeSpan TimeLimit = TimeSpan.FromSeconds(60);

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

    /// <summary>The built tool (kstat.dll next to the tests) with the dotnet host that runs the tests, stdout and stderr redirected.</summary>
    public static ProcessStartInfo Tool(params string[] args) => Command(Host, [ToolPath, .. args]);

    /// <summary>
    /// The built tool run by <c>/bin/sh</c> with <paramref name="redirections"/> applied to it (<c>2&gt;&amp;-</c>,
    /// <c>&gt;/dev/full</c>): what a shell script does to it.
    /// </summary>
    public static ProcessStartInfo InShell(string redirections, params string[] args) =>
        Command("/bin/sh", ["-c", $"exec \"$0\" \"$@\" {redirections}", Host, ToolPath, .. args]);

    /// <summary>Starts the built tool.</summary>
    public static Process Start(params string[] args) => Start(Tool(args));

    public static Process Start(ProcessStartInfo info) =>
        Process.Start(info) ?? throw new InvalidOperationException("could not start " + info.FileName);

    /// <summary>Runs the built tool to its end.</summary>
    public static Result RunProcess(params string[] args) => RunProcess(Tool(args));

    /// <summary>Runs a process to its end within <see cref="TimeLimit"/>, feeding it <paramref name="stdin"/> when given.</summary>
    public static Result RunProcess(ProcessStartInfo info, string? stdin = null)
    {
        info.RedirectStandardInput = stdin is not null;
        using var process = Start(info);
        // Both pipes are drained at once so neither can fill up and block the tool.
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (stdin is not null)
        {
            process.StandardInput.Write(stdin);
            process.StandardInput.Close();
        }

        if (!process.WaitForExit(TimeLimit))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"kstat {string.Join(' ', info.ArgumentList)} ran past {TimeLimit.TotalSeconds} s");
        }

        return new Result(process.ExitCode, stdout.GetAwaiter().GetResult(), stderr.GetAwaiter().GetResult());
    }

    private static string ToolPath => Path.Combine(AppContext.BaseDirectory, "kstat.dll");

    private static string Host =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } h && File.Exists(h)
            ? h
            : Environment.ProcessPath is { } p && Path.GetFileNameWithoutExtension(p) == "dotnet" ? p : "dotnet";

    private static ProcessStartInfo Command(string file, string[] args)
    {
        var info = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        return info;
    }

    /// <summary>The built tool as a <c>sh</c> command line, every word quoted.</summary>
    public static string ShellCommand(params string[] args) =>
        string.Join(' ', new[] { Host, ToolPath }.Concat(args).Select(a => "'" + a.Replace("'", "'\\''", StringComparison.Ordinal) + "'"));
}
