using System.Diagnostics;
using Xunit.Abstractions;
using Kstat.Reliability.Tests.Support;

namespace Kstat.Reliability.Tests.Churn;

/// <summary>
/// Model-based churn: a seeded random sequence of kernel changes, injected faults, leaf reads and updates;
/// after every step the tree must equal a plain model (keys, bound kstats, values held, update reports).
/// </summary>
public class ChurnTests(ITestOutputHelper output)
{
    public static TheoryData<string> Kernels => KernelFactory.Names;

    [Theory]
    [MemberData(nameof(Kernels))]
    public void Tree_matches_the_model_after_every_step_of_a_random_churn(string kernelName)
    {
        using var kernel = KernelFactory.Create(kernelName);
        int total = Scale.Of(100_000);
        int seed = Scale.Seed ?? Environment.TickCount;
        var ops = ChurnOp.Generate(seed, total);

        var clock = Stopwatch.StartNew();
        var outcome = ChurnRunner.Run(kernel, ops);
        clock.Stop();

        if (outcome.FailedAt is not null)
        {
            Assert.Fail(ChurnRunner.Explain(kernel, seed, ops, outcome, TimeSpan.FromSeconds(60)));
        }

        output.WriteLine($"{kernel.Name}: seed {seed}, {outcome.Steps} steps in {clock.Elapsed.TotalSeconds:F1} s: " +
                         string.Join(", ", outcome.Counters.OrderBy(p => p.Key).Select(p => $"{p.Key} {p.Value}")));
        // The run must have exercised what it claims to: faults that surfaced, replaced and removed kstats.
        Assert.Equal(total, outcome.Steps);
        Assert.True(outcome.Counters.GetValueOrDefault("ReadErrors") > 0, "no re-read failed");
        Assert.True(outcome.Counters.GetValueOrDefault("Recreate") > 0 && outcome.Counters.GetValueOrDefault("Grow") > 0);
        Assert.True(outcome.Counters.GetValueOrDefault("UpdateFailedHalfWay") > 0, "no chain update failed half way");
        Assert.Equal(0, kernel.PoisonedUses);
    }

    [Fact]
    public void A_divergence_is_reported_with_the_seed_and_a_shrunk_prefix()
    {
        // A kernel that forgets to apply value changes: the harness must catch it and shrink the sequence.
        using var kernel = new LossyKernel();
        var ops = ChurnOp.Generate(7, 5_000);
        var outcome = ChurnRunner.Run(kernel, ops);
        Assert.NotNull(outcome.FailedAt);

        string report = ChurnRunner.Explain(kernel, 7, ops, outcome, TimeSpan.FromSeconds(10));
        output.WriteLine(report);
        Assert.Contains("seed 7", report);
        int shrunk = report.Split('\n').Count(l => l.StartsWith("  ", StringComparison.Ordinal));
        Assert.InRange(shrunk, 1, outcome.FailedAt!.Value + 1);
        Assert.True(shrunk <= 6, $"shrunk only to {shrunk} steps");
    }

    /// <summary>A broken kernel: it never changes the statistic s1.</summary>
    private sealed class LossyKernel : IChurnKernel
    {
        private readonly MemoryKernel _inner = new();
        public string Name => "lossy";

        public long OpenHandles => _inner.OpenHandles;

        public long LiveAllocations => _inner.LiveAllocations;

        public void Reset() => _inner.Reset();

        public Kstat.Tree.IKstatChain Open() => _inner.Open();

        public long Add(string moduleName, int instance, string name, long crTime) => _inner.Add(moduleName, instance, name, crTime);

        public void Remove(long kid) => _inner.Remove(kid);

        public long Recreate(long kid, long crTime) => _inner.Recreate(kid, crTime);

        public void AddStat(long kid, string name, StatKind kind) => _inner.AddStat(kid, name, kind);

        public void SetStat(long kid, string name, ulong bits)
        {
            if (name != "s1")
            {
                _inner.SetStat(kid, name, bits);
            }
        }

        public void Stamp(long kid, ulong generation) => _inner.Stamp(kid, generation);

        public void FailRead(long kid, int errno, int count) => _inner.FailRead(kid, errno, count);

        public void FailUpdate(int errno, int count) => _inner.FailUpdate(errno, count);

        public void FailChainAlloc(int after, int errno) => _inner.FailChainAlloc(after, errno);

        public long PoisonedUses => _inner.PoisonedUses;

        public void Dispose() => _inner.Dispose();
    }
}
