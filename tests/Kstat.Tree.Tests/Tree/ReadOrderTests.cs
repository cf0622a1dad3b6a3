using Kstat.Tree;
using NSubstitute;

namespace Kstat.Tree.Tests.Tree;

/// <summary>A leaf keeps the newest read, whatever order racing reads finish in, and never goes back in time.</summary>
public class ReadOrderTests
{
    private static readonly KstatHeader Header = new("m", 0, "n", "misc", KstatType.Named, 5, 1);

    [Fact]
    public async Task A_reset_waits_for_the_update_in_progress_and_then_forgets_what_it_read()
    {
        using var updateReading = new ManualResetEventSlim();
        using var releaseUpdate = new ManualResetEventSlim();
        int reads = 0;
        var chain = Substitute.For<IKstatChain>();
        chain.Headers.Returns([Header]);
        chain.Update().Returns(false);
        chain.Read(Header).Returns(_ =>
        {
            int n = Interlocked.Increment(ref reads);
            if (n == 2)
            {
                // The update's re-read: it has read and is slow to publish.
                updateReading.Set();
                releaseUpdate.Wait();
            }

            return new KstatReading(n, [new("v", n)]);
        });
        using var tree = new KstatTree(chain);
        var leaf = tree["m"][0]["n"];
        Assert.Equal(1, (int)(long)leaf["v"]);

        var update = Task.Run(tree.Update);
        updateReading.Wait();
        Assert.Equal(1, (int)(long)leaf["v"]); // readers are not held up: the old reading until the new one is published
        var reset = Task.Run(leaf.Reset);       // a reset is a change: it waits for the update
        Assert.False(update.IsCompleted);
        releaseUpdate.Set();
        Assert.Empty((await update).ReadErrors);
        await reset;

        Assert.False(leaf.IsRead);
        Assert.Equal(3, (int)(long)leaf["v"]); // a fresh read, after the update's
    }

    [Fact]
    public async Task A_read_that_began_before_a_reset_cannot_bring_older_values_back_after_it()
    {
        using var slowReadStarted = new ManualResetEventSlim();
        using var releaseSlowRead = new ManualResetEventSlim();
        int reads = 0;
        var chain = Substitute.For<IKstatChain>();
        chain.Headers.Returns([Header]);
        chain.Read(Header).Returns(_ =>
        {
            int n = Interlocked.Increment(ref reads);
            if (n == 2)
            {
                slowReadStarted.Set();
                releaseSlowRead.Wait();
            }

            return new KstatReading(n, [new("v", n)]);
        });
        using var tree = new KstatTree(chain);
        var leaf = tree["m"][0]["n"];
        Assert.Equal(1, (int)(long)leaf["v"]);
        leaf.Reset();

        var slow = Task.Run(() => (int)(long)leaf["v"]); // read 2 begins and stalls
        slowReadStarted.Wait();
        Assert.Equal(3, (int)(long)leaf["v"]);           // read 3 begins later and is published
        leaf.Reset();                                    // drops read 3
        releaseSlowRead.Set();

        Assert.Equal(2, await slow);                     // the slow reader gets its own read...
        Assert.False(leaf.IsRead);                       // ...but cannot publish it over the reset of a newer one
        Assert.Equal(4, (int)(long)leaf["v"]);
    }

    [Fact]
    public void A_reread_replaces_the_values_even_when_the_chain_reports_an_earlier_snaptime()
    {
        long snaptime = 1_000;
        var chain = Substitute.For<IKstatChain>();
        chain.Headers.Returns([Header]);
        chain.Update().Returns(false);
        chain.Read(Header).Returns(_ => new KstatReading(snaptime, [new("v", snaptime)]));
        using var tree = new KstatTree(chain);
        var leaf = tree["m"][0]["n"];
        Assert.Equal(1_000, (long)leaf["v"]);

        snaptime = 0; // a capture round without snaptime lines, or a clock that went back
        tree.Update();

        Assert.Equal(0, (long)leaf["v"]);
        Assert.Equal(0, leaf.SnapTime);
    }

    [Fact]
    public void A_reset_leaf_reads_again_on_the_next_access()
    {
        int reads = 0;
        var chain = Substitute.For<IKstatChain>();
        chain.Headers.Returns([Header]);
        chain.Read(Header).Returns(_ => new KstatReading(0, [new("v", Interlocked.Increment(ref reads))]));
        using var tree = new KstatTree(chain);
        var leaf = tree["m"][0]["n"];

        Assert.Equal(1, (int)(long)leaf["v"]);
        leaf.Reset();
        leaf.Reset();
        Assert.False(leaf.IsRead);
        Assert.Null(leaf.Reading);
        Assert.Null(leaf.SnapTime);
        Assert.Equal(2, (int)(long)leaf["v"]);
        Assert.True(leaf.IsRead);
    }
}
