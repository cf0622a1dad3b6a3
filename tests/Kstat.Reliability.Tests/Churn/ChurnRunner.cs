using System.Diagnostics;
using System.Text;
using Kstat.Reliability.Tests.Support;

namespace Kstat.Reliability.Tests.Churn;

/// <summary>Runs churn sequences, and on a failure shrinks them to a short replayable sequence.</summary>
public static class ChurnRunner
{
    /// <summary>The outcome of one run.</summary>
    public sealed record Outcome(int Steps, int? FailedAt, string? Failure, Dictionary<string, long> Counters);

    /// <summary>Replays <paramref name="ops"/> on a fresh tree over <paramref name="kernel"/>, verifying after every step.</summary>
    public static Outcome Run(IChurnKernel kernel, IReadOnlyList<ChurnOp> ops)
    {
        using var machine = new ChurnMachine(kernel);
        for (int i = 0; i < ops.Count; i++)
        {
            try
            {
                machine.Step(ops[i]);
                machine.Verify();
            }
            catch (Exception e)
            {
                return new Outcome(i + 1, i, e is ChurnMismatchException ? e.Message : e.ToString(), machine.Counters);
            }
        }

        return new Outcome(ops.Count, null, null, machine.Counters);
    }

    /// <summary>
    /// Describes a failure: the seed, the shortest failing prefix (the failure is checked after every step, so it
    /// ends at the failing step) and that prefix shrunk further by dropping chunks of steps while it still fails.
    /// </summary>
    public static string Explain(IChurnKernel kernel, int seed, ChurnOp[] ops, Outcome failed, TimeSpan budget)
    {
        var prefix = ops[..(failed.FailedAt!.Value + 1)];
        var shrunk = Shrink(kernel, prefix, budget);
        var text = new StringBuilder()
            .AppendLine($"churn on the {kernel.Name} kernel failed: seed {seed} (replay with KSTAT_RELIABILITY_SEED={seed})")
            .AppendLine($"shortest failing prefix: {prefix.Length} steps; failure: {failed.Failure}")
            .AppendLine($"shrunk to {shrunk.Length} steps (failure: {Run(kernel, shrunk).Failure}):");
        foreach (var op in shrunk)
        {
            text.AppendLine("  " + op);
        }

        return text.ToString();
    }

    private static ChurnOp[] Shrink(IChurnKernel kernel, ChurnOp[] ops, TimeSpan budget)
    {
        var clock = Stopwatch.StartNew();
        var current = ops.ToList();
        for (int chunk = Math.Max(1, current.Count / 2); chunk >= 1 && clock.Elapsed < budget; chunk /= 2)
        {
            for (int start = 0; start < current.Count && clock.Elapsed < budget;)
            {
                var candidate = current.Take(start).Concat(current.Skip(start + chunk)).ToList();
                if (candidate.Count > 0 && Run(kernel, candidate) is { FailedAt: int at })
                {
                    current = candidate.Take(at + 1).ToList();
                }
                else
                {
                    start += chunk;
                }
            }
        }

        return [.. current];
    }
}
