using System.Diagnostics;
using System.Globalization;

namespace Kstat.Benchmarks.Comparison;

/// <summary>Runs the baselines outside this process: the C programs over the same double, and the Perl parser.</summary>
internal static class BaselineRunner
{
    /// <summary>Runs the C baseline of a case; returns its median nanoseconds per operation.</summary>
    /// <param name="settings">The run settings.</param>
    /// <param name="benchCase">monitor, dump or open.</param>
    /// <returns>The median time per operation.</returns>
    public static double RunC(RunSettings settings, string benchCase)
    {
        var (batches, operations) = settings.BaselineRepetitions(benchCase);
        return Run(Path.Combine(settings.NativeFolder, "kstat-baselines"),
            [benchCase, batches.ToString(CultureInfo.InvariantCulture), operations.ToString(CultureInfo.InvariantCulture), settings.ClockName],
            benchCase);
    }

    /// <summary>Runs the Perl script over a capture; returns its median nanoseconds per load.</summary>
    /// <param name="settings">The run settings.</param>
    /// <param name="capture">The capture file.</param>
    /// <returns>The median time per load.</returns>
    public static double RunPerl(RunSettings settings, string capture) =>
        Run("perl", [settings.PerlScript, capture, settings.PerlRepetitions.ToString(CultureInfo.InvariantCulture), settings.ClockName], "parse");

    /// <summary>Runs a baseline program and reads its one result line, <c>case&lt;TAB&gt;ns&lt;TAB&gt;operations</c>.</summary>
    private static double Run(string program, string[] arguments, string benchCase)
    {
        string output = Output(program, arguments);
        foreach (string line in output.Split('\n'))
        {
            string[] fields = line.Split('\t');
            if (fields.Length == 3 && fields[0] == benchCase &&
                double.TryParse(fields[1], NumberStyles.Float, CultureInfo.InvariantCulture, out double ns))
            {
                return ns;
            }
        }

        throw new InvalidOperationException($"{program} printed no result line for '{benchCase}': {output}");
    }

    /// <summary>Runs a program to its end and returns what it printed on stdout.</summary>
    /// <exception cref="InvalidOperationException">It could not be started or did not exit 0 (the message has its stderr).</exception>
    internal static string Output(string program, IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {program}.");
        var error = process.StandardError.ReadToEndAsync();
        string output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} exited with {process.ExitCode}: {error.Result}");
        }

        return output;
    }
}
