using BenchmarkDotNet.Attributes;
using Kstat.Benchmarks.Support;
using Kstat.Native;
using Kstat.Tree;

namespace Kstat.Benchmarks.Cases;

/// <summary>
/// Case 3, open: a tree over the 20,000-kstat chain, no reads, then closed.
/// C baseline: <c>kstat_open</c>, a walk of the chain into a hash index by <c>module:instance:name</c>, <c>kstat_close</c>.
/// </summary>
public class OpenBenchmark
{
    [GlobalSetup]
    public void Setup() => BenchNative.BuildDumpChain();

    [Benchmark]
    public int Open()
    {
        using var tree = new KstatTree(new LibKstatChain());
        return tree.Count;
    }

    /// <summary>Measures the managed bytes a live tree over the dump chain keeps per kstat, and the share of the chain itself.</summary>
    /// <returns>The bytes retained per kstat by the tree with its chain, and by the chain alone: the median of three measures,
    /// each between full collections.</returns>
    public static (double Tree, double Chain) RetainedBytesPerKstat()
    {
        BenchNative.BuildDumpChain();
        using (new KstatTree(new LibKstatChain()))
        {
            // Warm-up: library binding, statics and JIT are paid once per process, not per tree.
        }

        var tree = new double[3];
        var chainOnly = new double[3];
        for (int i = 0; i < 3; i++)
        {
            long before = GC.GetTotalMemory(forceFullCollection: true);
            var chain = new LibKstatChain();
            long afterChain = GC.GetTotalMemory(forceFullCollection: true);
            int kstats = chain.Headers.Count;
            using var built = new KstatTree(chain);
            long afterTree = GC.GetTotalMemory(forceFullCollection: true);
            tree[i] = (afterTree - before) / (double)kstats;
            chainOnly[i] = (afterChain - before) / (double)kstats;
        }

        Array.Sort(tree);
        Array.Sort(chainOnly);
        return (tree[1], chainOnly[1]);
    }
}
