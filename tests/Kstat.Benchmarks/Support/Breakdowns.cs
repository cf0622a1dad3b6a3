using System.Diagnostics;
using Kstat.Benchmarks.Cases;
using Kstat.Tree;

namespace Kstat.Benchmarks.Support;

/// <summary>
/// Splits a case into its parts, each timed alone on the thread CPU clock, for the README's account of where the
/// time goes: <c>--profile monitor-breakdown</c> and <c>--profile dump-breakdown</c>.
/// </summary>
internal static class Breakdowns
{
    /// <summary>Splits a monitor round into its parts, each timed alone on the thread CPU clock: the chain's reads, the rest of Update(), the enumeration.</summary>
    public static void Monitor(double seconds, TextWriter output)
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
        var readings = new KstatReading?[headers.Length];
        var errors = new Exception?[headers.Length];
        double batch = PerRound(seconds / 3, () => chain.ReadBatch(headers, readings, errors));
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
        output.WriteLine($"monitor round, thread CPU time: chain reads {reads / 1e3:0.0} µs one by one, {batch / 1e3:0.0} µs in one batch, Update() in all {update / 1e3:0.0} µs, enumeration {enumerate / 1e3:0.0} µs ({sink % 10})");
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
    public static void Dump(double seconds, TextWriter output)
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
        var gcs = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));
        var pause = GC.GetTotalPauseDuration();
        var dump = new DumpBenchmark();
        dump.Setup();
        const int Dumps = 10;
        for (int i = 0; i < Dumps; i++)
        {
            dump.Dump();
        }

        dump.Cleanup();
        output.WriteLine($"per whole dump: {(GC.CollectionCount(0) - gcs.Item1) / (double)Dumps:0.0} gen0, {(GC.CollectionCount(1) - gcs.Item2) / (double)Dumps:0.0} gen1, " +
            $"{(GC.CollectionCount(2) - gcs.Item3) / (double)Dumps:0.0} gen2 collections, {(GC.GetTotalPauseDuration() - pause).TotalMilliseconds / Dumps:0.0} ms of pauses");
    }
}
