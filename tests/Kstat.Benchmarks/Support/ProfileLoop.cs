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
            case "monitor-breakdown":
                Breakdowns.Monitor(seconds, output);
                return 0;
            case "dump-breakdown":
                Breakdowns.Dump(seconds, output);
                return 0;
            case "dump-print":
                // One dump to stdout, to diff against the C baseline's (KB_DUMP_STDOUT=1 kstat-baselines dump 1 1).
                BenchNative.BuildDumpChain();
                using (var printed = new Kstat.Tree.KstatTree(new Kstat.Native.LibKstatChain()))
                {
                    var stdout = new StreamWriter(Console.OpenStandardOutput()) { NewLine = "\n" };
                    Kstat.Tree.KstatFormat.WriteParseable(stdout, printed);
                    stdout.Flush();
                }

                return 0;
            case "chain-reads":
                var reader = new MonitorBenchmark();
                reader.Setup();
                var readChain = new Kstat.Native.LibKstatChain();
                var readHeaders = readChain.Headers.Where(h => h.Module == "cpu").ToArray();
                operation = () =>
                {
                    foreach (var header in readHeaders)
                    {
                        readChain.Read(header);
                    }
                };
                cleanup = () =>
                {
                    readChain.Dispose();
                    reader.Cleanup();
                };
                break;
            case "dump-reads":
                BenchNative.BuildDumpChain();
                operation = () =>
                {
                    using var tree = new Kstat.Tree.KstatTree(new Kstat.Native.LibKstatChain());
                    foreach (var leaf in tree.Leaves())
                    {
                        leaf.GetReading();
                    }
                };
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
