using BenchmarkDotNet.Attributes;
using Kstat.Tree;

namespace Kstat.Benchmarks.Cases;

/// <summary>
/// Case 5, parse: <see cref="SnapshotChain"/> loads a large <c>kstat -p</c> capture built from the real captures.
/// Baseline: a Perl script that loads the same file into a hash of hashes (tests/native/baselines/parse.pl).
/// </summary>
public class ParseBenchmark
{
    /// <summary>Gets or sets the capture to parse; set by the comparison run before BenchmarkDotNet starts (same process).</summary>
    public static string CapturePath { get; set; } = string.Empty;

    [Benchmark]
    public int Parse()
    {
        using var chain = SnapshotChain.Load(CapturePath, SnapshotFormat.Parseable);
        return chain.Headers.Count;
    }
}
