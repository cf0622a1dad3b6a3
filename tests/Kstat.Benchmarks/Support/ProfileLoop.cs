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
                MonitorBreakdown(seconds, output);
                return 0;
            case "dump-breakdown":
                DumpBreakdown(seconds, output);
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

    /// <summary>Splits a monitor round into its parts, each timed alone on the thread CPU clock: the chain's reads, the rest of Update(), the enumeration.</summary>
    private static void MonitorBreakdown(double seconds, TextWriter output)
    {
        var monitor = new MonitorBenchmark();
        monitor.Setup();
        using var chain = new Kstat.Native.LibKstatChain();
        var headers = chain.Headers.Where(h => h.Module == "cpu").ToArray();
        var tree = monitor.Tree;
        var leaves = monitor.Leaves;
        double reads = PerRound(seconds / 3, () =>
        {
            foreach (var header in headers)
            {
                chain.Read(header);
            }
        });
        double update = PerRound(seconds / 3, () => tree.Update());
        ulong sink = 0;
        double enumerate = PerRound(seconds / 3, () =>
        {
            foreach (var leaf in leaves)
            {
                foreach (var (_, value) in leaf)
                {
                    if (value.IsInteger)
                    {
                        sink += value.ToUInt64();
                    }
                }
            }
        });
        output.WriteLine($"monitor round, thread CPU time: chain reads {reads / 1e3:0.0} µs, Update() in all {update / 1e3:0.0} µs, enumeration {enumerate / 1e3:0.0} µs ({sink % 10})");
        int gen0 = GC.CollectionCount(0);
        var pause = GC.GetTotalPauseDuration();
        double updateAgain = PerRound(seconds / 3, () => tree.Update(), warmups: 0);
        long rounds = (long)(seconds / 3 * 1e9 / updateAgain);
        output.WriteLine($"GC during Update() rounds: {(GC.CollectionCount(0) - gen0) * 1000.0 / rounds:0.0} gen0 collections per 1000 rounds, {(GC.GetTotalPauseDuration() - pause).TotalMicroseconds / rounds:0.00} µs of pauses per round");
        monitor.Cleanup();
    }

    private static double PerRound(double seconds, Action round, int warmups = 2000)
    {
        for (int i = 0; i < warmups; i++)
        {
            round(); // warm-up: tier-1 code before timing
        }

        long rounds = 0;
        var wall = Stopwatch.StartNew();
        long start = ThreadCpuClock.Instance.GetTimestamp();
        while (wall.Elapsed.TotalSeconds < seconds)
        {
            round();
            rounds++;
        }

        return (ThreadCpuClock.Instance.GetTimestamp() - start) / (double)rounds;
    }

    /// <summary>Splits the dump into open + read of every leaf, then sort into kstat(1) order, then formatting, on the thread CPU clock.</summary>
    private static void DumpBreakdown(double seconds, TextWriter output)
    {
        BenchNative.BuildDumpChain();
        using var sink = new StreamWriter(Stream.Null);
        double read = PerRound(seconds / 3, () =>
        {
            using var tree = new Kstat.Tree.KstatTree(new Kstat.Native.LibKstatChain());
            foreach (var leaf in tree.Leaves())
            {
                leaf.GetReading();
            }
        }, warmups: 5);
        using var held = new Kstat.Tree.KstatTree(new Kstat.Native.LibKstatChain());
        double records = PerRound(seconds / 3, () => Kstat.Tree.KstatFormat.Records(held.Leaves()), warmups: 5);
        var sorted = Kstat.Tree.KstatFormat.Records(held.Leaves());
        var writer = new Kstat.Tree.KstatParseableWriter(sink);
        double write = PerRound(seconds / 3, () =>
        {
            foreach (var record in sorted)
            {
                writer.Write(record);
            }

            sink.Flush();
        }, warmups: 5);
        output.WriteLine($"dump, thread CPU time: open + read every leaf {read / 1e6:0.0} ms, records in kstat(1) order {records / 1e6:0.0} ms, formatting {write / 1e6:0.0} ms");
    }
}
