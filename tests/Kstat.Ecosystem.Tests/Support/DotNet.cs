using System.Diagnostics;
using System.Reflection;
using System.Text;

namespace Kstat.Ecosystem.Tests.Support;

/// <summary>Runs the <c>dotnet</c> CLI the tests were started with, the way a user would type the command.</summary>
public static class DotNet
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(5);

    /// <summary>The configuration these tests were built in (Debug or Release): the library assemblies beside them match it.</summary>
    public static string Configuration { get; } =
        typeof(DotNet).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";

    /// <summary>Runs <c>dotnet args…</c> in a directory; returns the exit code and everything it printed.</summary>
    public static (int ExitCode, string Output) Run(string workingDirectory, params string[] args)
    {
        var start = Programs.StartInfo("dotnet", args);
        start.WorkingDirectory = workingDirectory;
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
        // No build servers (MSBuild nodes, the compiler server): they would outlive the test, holding its output pipes.
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        start.Environment["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0";
        start.Environment["UseSharedCompilation"] = "false";
        // The test host's own MSBuild settings must not leak into the child build.
        start.Environment.Remove("MSBuildExtensionsPath");
        start.Environment.Remove("MSBuildSDKsPath");
        start.Environment.Remove("MSBUILD_EXE_PATH");

        var output = new StringBuilder();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(output, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!process.WaitForExit(Timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"dotnet {string.Join(' ', args)} did not finish in {Timeout}:\n{output}");
        }

        process.WaitForExit(); // drains the output events
        lock (output)
        {
            return (process.ExitCode, output.ToString());
        }
    }

    /// <summary>Runs a command that must succeed; a failure fails the test with its whole output.</summary>
    public static string Succeed(string workingDirectory, params string[] args)
    {
        var (exitCode, output) = Run(workingDirectory, args);
        Assert.True(exitCode == 0, $"dotnet {string.Join(' ', args)} exited with {exitCode}:\n{output}");
        return output;
    }

    private static void Append(StringBuilder output, string? line)
    {
        if (line is not null)
        {
            lock (output)
            {
                output.AppendLine(line);
            }
        }
    }
}
