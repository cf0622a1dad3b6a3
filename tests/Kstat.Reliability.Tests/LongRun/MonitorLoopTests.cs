using System.Diagnostics;
using Kstat.Reliability.Tests.Concurrency;
using Kstat.Reliability.Tests.Support;
using Kstat.Tree;
using Xunit.Abstractions;

namespace Kstat.Reliability.Tests.LongRun;

/// <summary>
/// A monitoring loop as collectd or a Perl script runs it for months: update, read the statistics, now and then a
/// chain change or a failed read. Memory, managed and native, must stay flat. 100,000 rounds in CI; 1,000,000 with
/// <c>KSTAT_LONG=1</c>.
/// </summary>
public class MonitorLoopTests(ITestOutputHelper output)
{
    /// <summary>The fitted managed-heap growth over the whole run may not exceed this.</summary>
    private const double GrowthBound = 512 * 1024;

    /// <summary>Any two samples (after full GCs, past warm-up) may not differ by more than this.</summary>
    private const double SpreadBound = 2 * 1024 * 1024;

    [Fact]
    public void Monitor_loop_keeps_memory_flat()
    {
        using var kernel = new DoubleKernel();
        kernel.Reset();
        const int Kstats = 24;
        var world = new StampedWorld(kernel, Kstats, statsPerKstat: 8);
        long rounds = Scale.Long ? 1_000_000L * Scale.Factor : Scale.Of(100_000);
        long warmup = rounds / 10;
        long every = Math.Max(1, rounds / 100);
        var trend = new MemoryTrend();
        var random = new Random(11);
        long maxNative = 0;
        long sum = 0;
        long readErrors = 0;
        var clock = Stopwatch.StartNew();
        using (var tree = new KstatTree(kernel.Open()))
        {
            for (long round = 1; round <= rounds; round++)
            {
                world.Churn(random);
                if (round % 97 == 0)
                {
                    var victim = tree.Leaves().First();
                    kernel.FailRead(victim.Header.Kid, Errno.EIO, 1);
                }

                var update = tree.Update();
                readErrors += update.ReadErrors.Length;
                foreach (var leaf in tree.Leaves())
                {
                    try
                    {
                        sum += (long)leaf["s0"];
                    }
                    catch (KstatNotFoundException)
                    {
                        // a kstat that left between the update and this read: the loop carries on, as a monitor must
                    }
                }

                if (round >= warmup && round % every == 0)
                {
                    trend.Sample(round);
                    maxNative = Math.Max(maxNative, kernel.LiveAllocations);
                }
            }
        }

        clock.Stop();
        double growth = trend.Slope * rounds;
        output.WriteLine($"{rounds} rounds in {clock.Elapsed.TotalSeconds:F1} s ({clock.Elapsed.TotalMicroseconds / rounds:F1} us/round), {readErrors} read errors reported; " +
                         $"managed heap after full GC: {trend.Min / 1024:F0}..{trend.Max / 1024:F0} KiB over {trend.Samples.Count} samples, " +
                         $"fitted growth {trend.Slope:F4} B/round = {growth / 1024:F1} KiB per run; native live allocations at most {maxNative}");
        Assert.True(sum != 0 && readErrors > 0);
        Assert.InRange(growth, double.MinValue, GrowthBound);
        Assert.InRange(trend.Max - trend.Min, 0, SpreadBound);
        // The chain holds at most one kstat_t and one ks_data per kstat (the world's and the two built-in ones) plus the handle.
        Assert.InRange(maxNative, 1, (2 * (Kstats + 2)) + 1);
        Assert.Equal(0, kernel.OpenHandles);
        Assert.Equal(0, kernel.LiveAllocations);
    }
}
