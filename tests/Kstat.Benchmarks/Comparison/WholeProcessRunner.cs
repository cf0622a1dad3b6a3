using System.Globalization;

namespace Kstat.Benchmarks.Comparison;

/// <summary>What the pairs of a whole-process comparison gave: medians of both sides, the median of the pairs' ratios, and the spread.</summary>
/// <param name="CSharpNs">The C# side's median time per run.</param>
/// <param name="BaselineNs">The baseline's median time per run.</param>
/// <param name="Ratio">The median of C# / baseline over the pairs.</param>
/// <param name="RatioLow">The first quartile of the pairs' ratios.</param>
/// <param name="RatioHigh">The third quartile of the pairs' ratios.</param>
/// <param name="Pairs">The number of pairs.</param>
internal sealed record PairedResult(double CSharpNs, double BaselineNs, double Ratio, double RatioLow, double RatioHigh, int Pairs);

/// <summary>
/// Compares two commands as whole processes with <c>kstat-runpair</c> (tests/native/baselines/kb_runpair.c): interleaved
/// pairs in alternating order, each run's CPU time as the kernel accounts it for that child alone (wait4), or its wall time.
/// </summary>
internal static class WholeProcessRunner
{
    /// <summary>Runs the pairs and summarises them.</summary>
    /// <param name="settings">The run settings (the clock, the native folder).</param>
    /// <param name="pairs">How many pairs are counted.</param>
    /// <param name="csharp">The C# command: program and arguments.</param>
    /// <param name="baseline">The baseline command.</param>
    /// <returns>The medians and the ratio.</returns>
    public static PairedResult Compare(RunSettings settings, int pairs, IReadOnlyList<string> csharp, IReadOnlyList<string> baseline)
    {
        string output = BaselineRunner.Output(Path.Combine(settings.NativeFolder, "kstat-runpair"),
            [pairs.ToString(CultureInfo.InvariantCulture), "3", "--", .. csharp, "--", .. baseline]);
        var a = new List<double>();
        var b = new List<double>();
        int field = settings.CpuClock ? 1 : 2;
        foreach (string line in output.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            string[] fields = line.Split('\t');
            (fields[0] == "a" ? a : b).Add(double.Parse(fields[field], CultureInfo.InvariantCulture));
        }

        if (a.Count != pairs || b.Count != pairs)
        {
            throw new InvalidOperationException($"kstat-runpair printed {a.Count} and {b.Count} runs for {pairs} pairs:\n{output}");
        }

        // Pair i is the i-th run of each side: they ran back to back.
        var ratios = a.Zip(b, (x, y) => x / y).Order().ToList();
        return new PairedResult(Median(a), Median(b), Median(ratios), ratios[ratios.Count / 4], ratios[3 * ratios.Count / 4], pairs);
    }

    /// <summary>Runs both commands once and checks they print the same lines, <c>snaptime</c> aside, so that they do the same work.</summary>
    /// <param name="csharp">The C# command.</param>
    /// <param name="baseline">The baseline command.</param>
    /// <returns>The number of lines both printed.</returns>
    /// <exception cref="InvalidOperationException">They print different lines.</exception>
    public static int CheckSameOutput(IReadOnlyList<string> csharp, IReadOnlyList<string> baseline)
    {
        var left = Lines(BaselineRunner.Output(csharp[0], csharp.Skip(1)));
        var right = Lines(BaselineRunner.Output(baseline[0], baseline.Skip(1)));
        if (left.Count == 0 || !left.SequenceEqual(right))
        {
            int at = left.Zip(right).TakeWhile(p => p.First == p.Second).Count();
            throw new InvalidOperationException(
                $"'{string.Join(' ', csharp)}' and '{string.Join(' ', baseline)}' print different lines ({left.Count} and {right.Count}; " +
                $"the first difference at line {at + 1}): they would not be doing the same work.");
        }

        return left.Count;

        static List<string> Lines(string text) =>
            [.. text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => !l.Contains(":snaptime\t", StringComparison.Ordinal))];
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        int n = sorted.Count;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[(n / 2) - 1] + sorted[n / 2]) / 2;
    }
}
