using System.Diagnostics;
using System.Runtime.CompilerServices;
using Kstat.Reliability.Tests.Concurrency;
using Kstat.Reliability.Tests.Support;
using Kstat.Tree;
using Xunit.Abstractions;

namespace Kstat.Reliability.Tests.Resources;

/// <summary>
/// Open / read / update / dispose cycles over the libkstat test double leave no native handle, no native allocation
/// and no managed growth behind; a tree never disposed is closed by its handle's finalizer.
/// </summary>
public class ResourceTests(ITestOutputHelper output)
{
    /// <summary>The managed heap may not grow by more than this over the cycles (after a full GC).</summary>
    private const long HeapBound = 2 * 1024 * 1024;

    [Fact]
    public void Open_read_update_dispose_cycles_leak_nothing()
    {
        using var kernel = new DoubleKernel();
        kernel.Reset();
        var world = new StampedWorld(kernel, kstats: 12, statsPerKstat: 6);
        var random = new Random(3);
        int cycles = Scale.Of(100_000);
        int warmup = Math.Min(2_000, cycles / 10);
        long baseline = 0;
        long peak = 0;
        long reads = kernel.Reads;
        var clock = Stopwatch.StartNew();
        for (int cycle = 0; cycle < cycles; cycle++)
        {
            using (var tree = new KstatTree(kernel.Open()))
            {
                var leaves = tree.Leaves().ToList();
                for (int i = 0; i < 3; i++)
                {
                    _ = leaves[random.Next(leaves.Count)].Count;
                }

                if (cycle % 4 == 0)
                {
                    world.Churn(random); // now and then the chain changes under the open handle
                }

                tree.Update();
            }

            if (cycle == warmup)
            {
                baseline = GC.GetTotalMemory(forceFullCollection: true);
            }
            else if (cycle > warmup && cycle % 10_000 == 0)
            {
                peak = Math.Max(peak, GC.GetTotalMemory(forceFullCollection: true));
                Assert.Equal(0, kernel.OpenHandles);
            }
        }

        clock.Stop();
        long end = GC.GetTotalMemory(forceFullCollection: true);
        peak = Math.Max(peak, end);
        output.WriteLine($"{cycles} cycles in {clock.Elapsed.TotalSeconds:F1} s, {kernel.Reads - reads} kstat_read calls; " +
                         $"managed heap after full GC: {baseline / 1024} KiB after warm-up, peak {peak / 1024} KiB, end {end / 1024} KiB; " +
                         $"open handles {kernel.OpenHandles}, live allocations {kernel.LiveAllocations}");
        Assert.Equal(0, kernel.OpenHandles);
        Assert.Equal(0, kernel.LiveAllocations);
        Assert.InRange(peak - baseline, long.MinValue, HeapBound);
    }

    [Fact]
    public void A_tree_never_disposed_is_closed_by_the_finalizer()
    {
        using var kernel = new DoubleKernel();
        kernel.Reset();
        _ = new StampedWorld(kernel, kstats: 8, statsPerKstat: 4);
        const int Abandoned = 50;

        // Counted while the trees are still reachable: a collection during the loop must not finalize any early.
        Assert.Equal(Abandoned, OpenAndAbandon(kernel, Abandoned));

        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();

        Assert.Equal(0, kernel.OpenHandles);
        Assert.Equal(0, kernel.LiveAllocations);
    }

    /// <summary>Opens trees, reads and updates them, and drops them undisposed; returns the handles open before the drop.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static long OpenAndAbandon(DoubleKernel kernel, int count)
    {
        var trees = new List<KstatTree>(count);
        for (int i = 0; i < count; i++)
        {
            var tree = new KstatTree(kernel.Open());
            foreach (var leaf in tree.Leaves())
            {
                _ = leaf.Count;
            }

            tree.Update();
            trees.Add(tree);
        }

        Assert.True(kernel.LiveAllocations > 0);
        long open = kernel.OpenHandles;
        GC.KeepAlive(trees);
        return open;
    }
}
