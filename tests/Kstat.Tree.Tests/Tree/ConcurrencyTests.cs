using Kstat.Tree;
using Kstat.Tree.Tests.Support;

namespace Kstat.Tree.Tests.Tree;

/// <summary>Readers racing Update() see a leaf's old reading or its new one, never a mix.</summary>
public class ConcurrencyTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Concurrent_readers_never_see_values_from_two_readings_of_one_leaf(bool batched)
    {
        var keys = Enumerable.Range(0, 20).Select(i => $"m:{i % 4}:k{i}").ToArray();
        var chain = new FakeChain(keys) { StatsPerKstat = 16 };
        using var tree = new KstatTree(batched ? new BatchingChain(chain) : chain);
        foreach (var leaf in tree.Leaves())
        {
            _ = leaf["s0"];
        }

        using var stop = new CancellationTokenSource();
        int torn = 0;
        long observations = 0;
        var readers = Enumerable.Range(0, 4).Select(r => Task.Run(() =>
        {
            var random = new Random(r);
            while (!stop.IsCancellationRequested)
            {
                foreach (var leaf in tree.Leaves())
                {
                    long? first = null;
                    foreach (var (name, value) in leaf)
                    {
                        if (name is "class" or "crtime" or "snaptime")
                        {
                            continue;
                        }

                        first ??= (long)value;
                        if ((long)value != first)
                        {
                            Interlocked.Increment(ref torn);
                        }
                    }

                    var reading = leaf.GetReading();
                    if (reading.Values.Any(v => (long)v != (long)reading.Values[0]) || reading.SnapTime != 10 * (long)reading.Values[0])
                    {
                        Interlocked.Increment(ref torn);
                    }

                    Interlocked.Increment(ref observations);
                }
            }
        })).ToArray();

        for (int round = 0; round < 300 || (Interlocked.Read(ref observations) < 2_000 && round < 1_000_000); round++)
        {
            if (round % 10 == 0)
            {
                chain.Recreate(keys[round % keys.Length]);
            }

            var result = tree.Update();
            Assert.Empty(result.ReadErrors);
        }

        stop.Cancel();
        await Task.WhenAll(readers);
        Assert.Equal(0, torn);
        Assert.True(observations > 0);
    }

    [Fact]
    public void Updates_from_several_threads_are_serialised()
    {
        var chain = new FakeChain("a:0:x");
        using var tree = new KstatTree(chain);
        int added = 0;
        Parallel.For(0, 200, i =>
        {
            chain.Add($"b:{i}:n");
            Interlocked.Add(ref added, tree.Update().Added.Length);
        });
        Interlocked.Add(ref added, tree.Update().Added.Length);

        Assert.Equal(200, added);
        Assert.Equal(200, tree["b"].Count);
    }
}
