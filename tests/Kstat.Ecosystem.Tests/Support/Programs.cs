using System.Diagnostics;
using System.Text;

namespace Kstat.Ecosystem.Tests.Support;

/// <summary>Runs a program a test built or installed, as a script would: no telemetry, the UTC zone, output kept whole.</summary>
public static class Programs
{
    /// <summary>Runs <paramref name="program"/> with these arguments and waits for it (two minutes at most).</summary>
    /// <returns>The exit code, standard output as bytes (to compare byte for byte) and standard error as text.</returns>
    public static (int ExitCode, byte[] Stdout, string Stderr) Run(string program, params string[] args)
    {
        var start = StartInfo(program, args);
        start.Environment["TZ"] = "UTC";
        using var process = Process.Start(start)!;
        using var stdout = new MemoryStream();
        using var stderr = new MemoryStream();
        var copyErr = process.StandardError.BaseStream.CopyToAsync(stderr); // both pipes drained at once: neither may fill
        process.StandardOutput.BaseStream.CopyTo(stdout);
        copyErr.Wait();
        Assert.True(process.WaitForExit(TimeSpan.FromMinutes(2)), $"{program} did not exit");
        return (process.ExitCode, stdout.ToArray(), Encoding.UTF8.GetString(stderr.ToArray()));
    }

    /// <summary>How to start a program with these arguments (no shell), its output redirected and no telemetry.</summary>
    public static ProcessStartInfo StartInfo(string program, IEnumerable<string> args)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        return start;
    }
}
