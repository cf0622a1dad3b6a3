using System.Text;
using BenchmarkDotNet.Attributes;
using Kstat.Benchmarks.Support;
using Kstat.Native;
using Kstat.Tree;

namespace Kstat.Benchmarks.Cases;

/// <summary>
/// Case 2, the full dump: <c>kstat -p</c> of the 20,000-kstat chain into a stream that discards it, in kstat(1)
/// order: open the tree, read every kstat, sort, format, close.
/// C baseline: <c>kstat_open</c>, walk, <c>kstat_read</c>, sort, <c>fprintf</c> to <c>/dev/null</c>, <c>kstat_close</c>.
/// </summary>
public class DumpBenchmark
{
    private StreamWriter _output = null!;

    [GlobalSetup]
    public void Setup()
    {
        BenchNative.BuildDumpChain();

        // Encodes every character, as fprintf formats into its buffer, then discards the bytes as /dev/null does.
        _output = new StreamWriter(Stream.Null, new UTF8Encoding(false), 1 << 16);
    }

    [GlobalCleanup]
    public void Cleanup() => _output.Dispose();

    [Benchmark]
    public void Dump()
    {
        using var tree = new KstatTree(new LibKstatChain());
        KstatFormat.WriteParseable(_output, tree);
        _output.Flush();
    }
}
