using System.Diagnostics;
using Kstat.Benchmarks.Cases;

namespace Kstat.Benchmarks.Support;

/// <summary>
/// Runs one case's C# operation in a plain loop for a while, without BenchmarkDotNet, so an outside profiler
/// (<c>perf record</c> with <c>DOTNET_PerfMapEnabled=1</c>) sees only the work: <c>--profile CASE SECONDS</c>.
/// </summary>
internal static class ProfileLoop
{
    public static int Run(string benchCase, double seconds, TextWriter output)
    {
        Action operation;
        Action cleanup = () => { };
        switch (benchCase)
        {
            case "monitor":
                var monitor = new MonitorBenchmark();
                monitor.Setup();
                operation = () => monitor.Round();
                cleanup = monitor.Cleanup;
                break;
            case "open":
                var open = new OpenBenchmark();
                open.Setup();
                operation = () => open.Open();
                break;
            case "dump":
                var dump = new DumpBenchmark();
                dump.Setup();
                operation = dump.Dump;
                cleanup = dump.Cleanup;
                break;
            case "parse":
                ParseBenchmark.CapturePath = Environment.GetEnvironmentVariable("KSTAT_BENCH_CAPTURE") ?? "";
                var parse = new ParseBenchmark();
                operation = () => parse.Parse();
                break;
            case "lookup":
                var lookup = new LookupBenchmark();
                lookup.Setup();
                operation = () => lookup.Tree();
                cleanup = lookup.Cleanup;
                break;
            case "memory":
                var (tree, chain) = OpenBenchmark.RetainedBytesPerKstat();
                output.WriteLine($"retained per kstat: {tree:0} B with the tree, {chain:0} B for the chain alone");
                return 0;
            default:
                output.WriteLine($"no profile loop for '{benchCase}'");
                return 2;
        }

        long operations = 0;
        long allocated = GC.GetAllocatedBytesForCurrentThread();
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed.TotalSeconds < seconds)
        {
            operation();
            operations++;
        }

        allocated = GC.GetAllocatedBytesForCurrentThread() - allocated;
        output.WriteLine($"{benchCase}: {operations} operations, {clock.Elapsed.TotalMilliseconds * 1e6 / operations:0} ns and {allocated / operations} B each");
        cleanup();
        return 0;
    }
}
