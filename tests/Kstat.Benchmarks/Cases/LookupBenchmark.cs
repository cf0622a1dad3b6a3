using BenchmarkDotNet.Attributes;
using Kstat.Benchmarks.Support;
using Kstat.Native;
using Kstat.Tree;

namespace Kstat.Benchmarks.Cases;

/// <summary>
/// Case 4, lookup: <c>ks["cpu"][0]["sys"]["cpu_nsec_idle"]</c> on a leaf already read, against one
/// <see cref="Dictionary{TKey, TValue}"/> lookup of the same statistic name (the baseline, in the same run).
/// </summary>
public class LookupBenchmark
{
    private KstatTree _tree = null!;
    private Dictionary<string, long> _dictionary = null!;
    private string _statistic = null!;

    [GlobalSetup]
    public void Setup()
    {
        BenchNative.BuildMonitorChain();
        _tree = new KstatTree(new LibKstatChain());
        var leaf = _tree["cpu"][0]["sys"];
        _dictionary = leaf.Where(pair => pair.Value.IsInteger).ToDictionary(pair => pair.Key, pair => (long)pair.Value.ToUInt64() >> 1);

        // A fresh string, as a caller's key would be: no reference-equality shortcut for either side.
        _statistic = new string("cpu_nsec_idle".AsSpan());
    }

    [GlobalCleanup]
    public void Cleanup() => _tree.Dispose();

    [Benchmark(Baseline = true)]
    public long Dictionary() => _dictionary[_statistic];

    [Benchmark]
    public KstatValue Tree() => _tree["cpu"][0]["sys"][_statistic];
}
