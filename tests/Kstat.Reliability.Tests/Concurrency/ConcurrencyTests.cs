using Kstat.Reliability.Tests.Support;
using Kstat.Tree;
using Xunit.Abstractions;

namespace Kstat.Reliability.Tests.Concurrency;

/// <summary>
/// Eight readers and one updater over a churning chain: no torn leaf (every integer of one kstat read carries the
/// same generation stamp), no crtime paired with values of another incarnation, no reading older than one already seen
/// of the same incarnation, no <see cref="KstatNotFoundException"/> about a kstat that exists, and a
/// <see cref="KstatTree.Dispose"/> racing the readers ends each of them in <see cref="ObjectDisposedException"/>.
/// </summary>
public class ConcurrencyTests(ITestOutputHelper output)
{
    private const int Readers = 8;

    public static TheoryData<string> Kernels => KernelFactory.Names;

    [Theory]
    [MemberData(nameof(Kernels))]
    public void Readers_racing_updates_see_whole_readings_and_only_documented_exceptions(string kernelName)
    {
        using var kernel = KernelFactory.Create(kernelName);
        kernel.Reset();
        var world = new StampedWorld(kernel, kstats: 24, statsPerKstat: 8, rememberGenerations: true);
        var tree = new KstatTree(kernel.Open());
        foreach (var leaf in tree.Leaves())
        {
            _ = leaf.Count;
        }

        var stats = new ReaderStats();
        var disposing = new ManualResetEventSlim();
        var disposed = new ManualResetEventSlim();
        var readers = Enumerable.Range(0, Readers).Select(r => new Thread(() => ReadUntilDisposed(tree, world, r, stats, disposing, disposed))).ToArray();
        foreach (var thread in readers)
        {
            thread.Start();
        }

        int rounds = Scale.Of(20_000);
        var random = new Random(1);
        for (int round = 0; round < rounds; round++)
        {
            world.Churn(random);
            var update = tree.Update();
            Assert.Empty(update.ReadErrors);
        }

        disposing.Set();
        tree.Dispose();
        disposed.Set();
        foreach (var thread in readers)
        {
            thread.Join();
        }

        output.WriteLine($"{kernel.Name}: {rounds} update rounds, {stats.Observations} leaf observations by {Readers} readers, " +
                         $"{stats.NotFound} KstatNotFoundException, {stats.Disposed} readers ended in ObjectDisposedException");
        Assert.True(stats.Failures.IsEmpty, string.Join("\n", stats.Failures));
        Assert.Equal(0, stats.Torn);
        Assert.Equal(0, stats.Mixed);
        Assert.Equal(0, stats.BackInTime);
        Assert.Equal(0, stats.NotFoundOfLiveKstat);
        Assert.Equal(Readers, stats.Disposed);
        Assert.True(stats.Observations > rounds, $"only {stats.Observations} observations");
        Assert.Equal(0, kernel.OpenHandles);
    }

    [Theory]
    [MemberData(nameof(Kernels))]
    public void Dispose_racing_readers_ends_every_reader_in_ObjectDisposedException(string kernelName)
    {
        using var kernel = KernelFactory.Create(kernelName);
        kernel.Reset();
        var world = new StampedWorld(kernel, kstats: 16, statsPerKstat: 4, rememberGenerations: true);
        int trees = Scale.Of(40);
        var stats = new ReaderStats();
        for (int t = 0; t < trees; t++)
        {
            var tree = new KstatTree(kernel.Open());
            var disposing = new ManualResetEventSlim();
            var disposed = new ManualResetEventSlim();
            long before = stats.Observations;
            var readers = Enumerable.Range(0, Readers).Select(r => new Thread(() => ReadUntilDisposed(tree, world, r, stats, disposing, disposed))).ToArray();
            foreach (var thread in readers)
            {
                thread.Start();
            }

            // Dispose once the readers are busy (they reset leaves, so native reads are in flight), not at a fixed time.
            Assert.True(SpinWait.SpinUntil(() => Interlocked.Read(ref stats.ObservationCount) > before + 200, TimeSpan.FromMinutes(1)), "the readers made no progress");
            disposing.Set();
            tree.Dispose();
            disposed.Set();
            foreach (var thread in readers)
            {
                thread.Join();
            }

            Assert.Equal(0, kernel.OpenHandles);
        }

        output.WriteLine($"{kernel.Name}: {trees} trees disposed under {Readers} readers; {stats.Disposed} readers ended in ObjectDisposedException");
        Assert.True(stats.Failures.IsEmpty, string.Join("\n", stats.Failures));
        Assert.Equal(0, stats.Torn);
        Assert.Equal(0, stats.Mixed);
        Assert.Equal(0, stats.BackInTime);
        Assert.Equal(0, stats.NotFoundOfLiveKstat);
        Assert.Equal(trees * Readers, stats.Disposed);
    }

    /// <summary>Reads leaves until the tree is disposed; records anything but a whole, consistent, monotonic reading or a documented exception.</summary>
    private static void ReadUntilDisposed(KstatTree tree, StampedWorld world, int seed, ReaderStats stats, ManualResetEventSlim disposing, ManualResetEventSlim disposed)
    {
        var random = new Random(seed);
        var last = new Dictionary<(KstatLeaf Leaf, long CrTime), (long Generation, long SnapTime)>();
        try
        {
            while (true)
            {
                foreach (var leaf in tree.Leaves())
                {
                    // A read that began once Dispose had returned must end in ObjectDisposedException; one racing Dispose may still
                    // see the documented KstatNotFoundException of a detached, unread leaf.
                    bool afterDispose = disposed.IsSet;
                    var bound = leaf.Header;
                    try
                    {
                        if (random.Next(16) == 0)
                        {
                            leaf.Reset(); // forces a native read racing the updater's re-reads
                        }

                        var seen = Observe(leaf, random.Next(2) == 0, stats);
                        if (world.CrTimeOf(seen.Generation) != seen.CrTime)
                        {
                            Interlocked.Increment(ref stats.Mixed); // a crtime with values of another incarnation
                        }

                        if (last.TryGetValue((leaf, seen.CrTime), out var before) && (seen.Generation < before.Generation || seen.SnapTime < before.SnapTime))
                        {
                            Interlocked.Increment(ref stats.BackInTime);
                        }

                        last[(leaf, seen.CrTime)] = (seen.Generation, seen.SnapTime);
                        Interlocked.Increment(ref stats.ObservationCount);
                    }
                    catch (KstatNotFoundException) when (!afterDispose)
                    {
                        // Documented only for a kstat that is gone: a leaf not read (or reset) whose kstat left the kernel before
                        // the next update. If the leaf stayed bound to a kid that is alive, the tree threw about a kstat that exists.
                        if (ReferenceEquals(bound, leaf.Header) && world.IsAlive(bound.Kid))
                        {
                            Interlocked.Increment(ref stats.NotFoundOfLiveKstat);
                        }

                        Interlocked.Increment(ref stats.NotFound);
                    }
                }
            }
        }
        catch (ObjectDisposedException) when (disposing.IsSet)
        {
            Interlocked.Increment(ref stats.Disposed);
        }
        catch (Exception e)
        {
            stats.Failures.Add(e.ToString());
        }
    }

    /// <summary>Takes one state of a leaf (an enumeration, or a sample) and returns its crtime, generation and snaptime,
    /// counting a torn reading (two generations) in <paramref name="stats"/>.</summary>
    private static (long CrTime, long Generation, long SnapTime) Observe(KstatLeaf leaf, bool enumerate, ReaderStats stats)
    {
        long? generation = null;
        long crtime;
        long snaptime;
        IEnumerable<KstatValue> values;
        if (enumerate)
        {
            var pairs = leaf.ToList();
            crtime = (long)pairs.Single(p => p.Key == "crtime").Value;
            snaptime = (long)pairs.Single(p => p.Key == "snaptime").Value;
            values = pairs.Where(p => p.Value.IsInteger).Select(p => p.Value);
        }
        else
        {
            var sample = KstatSample.Read([leaf]);
            Assert.True(sample.TryGetHeader(leaf.Key, out var header));
            crtime = header.CrTime;
            var reading = sample[leaf.Key];
            snaptime = reading.SnapTime;
            values = reading.Values;
        }

        foreach (var value in values)
        {
            generation ??= (long)value;
            if ((long)value != generation)
            {
                Interlocked.Increment(ref stats.Torn);
            }
        }

        return (crtime, generation ?? -1, snaptime);
    }

    private sealed class ReaderStats
    {
        public long ObservationCount;
        public int Torn;
        public int Mixed;
        public int BackInTime;
        public int NotFoundOfLiveKstat;
        public int NotFound;
        public int Disposed;

        public System.Collections.Concurrent.ConcurrentBag<string> Failures { get; } = [];

        public long Observations => Interlocked.Read(ref ObservationCount);
    }
}
