using BenchmarkDotNet.Attributes;
using Kstat.Benchmarks.Support;
using Kstat.Native;
using Kstat.Tree;

namespace Kstat.Benchmarks.Cases;

/// <summary>
/// Case 1, the monitor loop: 200 NAMED kstats of 16 statistics; one round is <see cref="KstatTree.Update"/> (which
/// re-reads every leaf read before) and a read of every statistic of those leaves.
/// C baseline: <c>kstat_chain_update</c>, <c>kstat_read</c> of each kstat, a walk over its values.
/// </summary>
public class MonitorBenchmark
{
    private KstatTree _tree = null!;
    private KstatLeaf[] _leaves = null!;

    [GlobalSetup]
    public void Setup()
    {
        BenchNative.BuildMonitorChain();
        _tree = new KstatTree(new LibKstatChain());
        _leaves = [.. _tree["cpu"].Values.Select(instance => instance["sys"])];
        Round(); // first reads: from now on Update() re-reads them all
    }

    /// <summary>Gets the tree (for the profile loop's breakdown).</summary>
    internal KstatTree Tree => _tree;

    /// <summary>Gets the leaves read each round (for the profile loop's breakdown).</summary>
    internal KstatLeaf[] Leaves => _leaves;

    [GlobalCleanup]
    public void Cleanup() => _tree.Dispose();

    [Benchmark]
    public ulong Round()
    {
        _tree.Update();
        ulong sum = 0;
        foreach (var leaf in _leaves)
        {
            foreach (var (_, value) in leaf)
            {
                if (value.IsInteger)
                {
                    sum += value.ToUInt64();
                }
            }
        }

        return sum;
    }
}
