using Kstat.Tree;
using Kstat.Tree.Tests.Support;
using NSubstitute;

namespace Kstat.Tree.Tests.Tree;

/// <summary>
/// <see cref="KstatTree.Update"/> over a chain that is an <see cref="IKstatBatchReader"/>: the same leaves re-read, the
/// same errors reported, the same read order, as reads one by one.
/// </summary>
public class BatchReadTests
{
    private static readonly KstatHeader Header = new("m", 0, "n", "misc", KstatType.Named, 5, 1);

    [Fact]
    public void Update_rereads_exactly_the_leaves_read_before_in_bounded_batches()
    {
        var keys = Enumerable.Range(0, 600).Select(i => $"m{i % 7}:{i % 13}:k{i}").ToArray();
        var fake = new FakeChain(keys);
        var chain = new BatchingChain(fake);
        using var tree = new KstatTree(chain);
        var read = tree.Leaves().Where((_, i) => i % 10 != 0).ToArray();
        foreach (var leaf in read)
        {
            _ = leaf["s0"];
        }

        int before = fake.Reads;
        var result = tree.Update();

        Assert.Empty(result.ReadErrors);
        Assert.Equal(read.Length, fake.Reads - before);
        Assert.Equal(read.Length, chain.SingleReads); // the first reads only: the update read in batches
        Assert.All(chain.Batches, b => Assert.InRange(b.Length, 1, LeafBatch.MaxCount));
        Assert.Equal(read.Select(l => l.Header).Order(KstatOrder.Headers), chain.Batches.SelectMany(b => b).Order(KstatOrder.Headers));
        Assert.All(read, leaf => Assert.True((long)leaf["s0"] > read.Length)); // values from the update's reads
        Assert.All(tree.Leaves().Except(read), leaf => Assert.False(leaf.IsRead));
    }

    [Fact]
    public void Failed_rereads_are_reported_per_leaf_as_reads_one_by_one_report_them()
    {
        string[] keys = ["a:0:x", "a:0:y", "a:1:z", "b:0:w"];
        var one = new FakeChain(keys);
        var batched = new FakeChain(keys);
        using var oneTree = new KstatTree(one);
        using var batchedTree = new KstatTree(new BatchingChain(batched));
        foreach (var tree in new[] { oneTree, batchedTree })
        {
            foreach (var leaf in tree.Leaves())
            {
                _ = leaf["s0"];
            }
        }

        foreach (var fake in new[] { one, batched })
        {
            fake.FailingReads.Add("b:0:w");
            fake.FailingReads.Add("a:0:x");
        }

        var expected = oneTree.Update();
        var actual = batchedTree.Update();

        Assert.Equal(["a:0:x", "b:0:w"], actual.ReadErrors.Select(e => e.Key));
        Assert.Equal(expected.ReadErrors.Select(e => e.Header), actual.ReadErrors.Select(e => e.Header));
        Assert.Equal(expected.ReadErrors.Select(e => e.Exception.GetType()), actual.ReadErrors.Select(e => e.Exception.GetType()));
        Assert.False(actual.Changed);
        Assert.Equal(1L, (long)batchedTree["a"][0]["x"]["s0"]); // the failed leaf keeps its values
        Assert.True((long)batchedTree["a"][0]["y"]["s0"] > 4);  // the others were re-read
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void An_exception_that_is_not_a_read_error_propagates_out_of_update(bool batched)
    {
        var inner = Substitute.For<IKstatChain>();
        inner.Headers.Returns([Header]);
        inner.Update().Returns(false);
        int reads = 0;
        inner.Read(Header).Returns(_ => ++reads == 1 ? new KstatReading(1, [new("v", 1)]) : throw new InvalidOperationException("bug"));
        using var tree = new KstatTree(batched ? new BatchingChain(inner) : inner);
        _ = tree["m"][0]["n"]["v"];

        Assert.Equal("bug", Assert.Throws<InvalidOperationException>(() => tree.Update()).Message);
        Assert.Equal(1L, (long)tree["m"][0]["n"]["v"]);
    }

    [Fact]
    public async Task A_reset_during_a_batch_waits_for_it_and_then_forgets_what_it_read()
    {
        using var batchRead = new ManualResetEventSlim();
        using var releaseBatch = new ManualResetEventSlim();
        int reads = 0;
        var inner = Substitute.For<IKstatChain>();
        inner.Headers.Returns([Header]);
        inner.Update().Returns(false);
        inner.Read(Header).Returns(_ =>
        {
            int n = Interlocked.Increment(ref reads);
            return new KstatReading(n, [new("v", n)]);
        });
        var chain = new BatchingChain(inner);
        using var tree = new KstatTree(chain);
        var leaf = tree["m"][0]["n"];
        Assert.Equal(1, (int)(long)leaf["v"]);
        chain.OnBatchRead = () =>
        {
            // The update's batch has read, and is slow to publish.
            batchRead.Set();
            releaseBatch.Wait();
        };

        var update = Task.Run(tree.Update);
        batchRead.Wait();
        Assert.Equal(1, (int)(long)leaf["v"]); // the old reading until the batch publishes
        var reset = Task.Run(leaf.Reset);       // waits for the update
        releaseBatch.Set();
        var result = await update;
        await reset;

        Assert.Empty(result.ReadErrors);
        Assert.False(leaf.IsRead);
        Assert.Equal(3, (int)(long)leaf["v"]); // a fresh read, after the batch's
        Assert.Single(chain.Batches);
    }

    [Fact]
    public void Update_after_dispose_throws_and_the_chain_is_disposed()
    {
        var fake = new FakeChain("a:0:x");
        var tree = new KstatTree(new BatchingChain(fake));
        _ = tree["a"][0]["x"]["s0"];

        tree.Dispose();

        Assert.True(fake.IsDisposed);
        Assert.Throws<ObjectDisposedException>(() => tree.Update());
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_steady_update_allocates_nothing_beyond_what_the_chain_returns_and_one_state_per_leaf(bool batched)
    {
        var headers = Enumerable.Range(0, 300).Select(i => new KstatHeader("m", i, "n", "misc", KstatType.Named, 5, i + 1)).ToArray();
        var chain = new FixedChain(headers);
        using var tree = new KstatTree(batched ? new BatchingFixedChain(chain) : chain);
        foreach (var leaf in tree.Leaves())
        {
            _ = leaf["v"];
        }

        for (int i = 0; i < 5; i++)
        {
            tree.Update(); // the first update makes the batch buffers and the shared "nothing changed" result
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        var state = new LeafState(headers[0], null);
        long stateBytes = GC.GetAllocatedBytesForCurrentThread() - before;
        GC.KeepAlive(state);

        before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 10; i++)
        {
            tree.Update();
        }

        // Each re-read publishes one immutable (header, reading) state; nothing else is allocated.
        Assert.Equal(10 * 300 * stateBytes, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.Equal(15 * 300, chain.Reads - 300); // every update re-read every leaf
    }

    /// <summary>A chain whose reads return one prebuilt reading per kstat: reads allocate nothing.</summary>
    private sealed class FixedChain(KstatHeader[] headers) : IKstatChain
    {
        private readonly Dictionary<long, KstatReading> _readings = headers.ToDictionary(h => h.Kid, h => new KstatReading(1, [new("v", h.Kid)]));

        public int Reads { get; private set; }

        public long ChainId => 1;

        public IReadOnlyList<KstatHeader> Headers => headers;

        public bool Update() => false;

        public KstatReading Read(KstatHeader header)
        {
            Reads++;
            return _readings[header.Kid];
        }

        public void Dispose()
        {
        }
    }

    private sealed class BatchingFixedChain(FixedChain inner) : IKstatChain, IKstatBatchReader
    {
        public long ChainId => inner.ChainId;

        public IReadOnlyList<KstatHeader> Headers => inner.Headers;

        public bool Update() => false;

        public KstatReading Read(KstatHeader header) => inner.Read(header);

        public void ReadBatch(ReadOnlySpan<KstatHeader> headers, Span<KstatReading?> readings, Span<Exception?> errors)
        {
            for (int i = 0; i < headers.Length; i++)
            {
                readings[i] = inner.Read(headers[i]);
                errors[i] = null;
            }
        }

        public void Dispose() => inner.Dispose();
    }
}
