using Kstat.Tree;
using Kstat.Tree.Tests.Support;

namespace Kstat.Tree.Tests.Tree;

/// <summary>
/// The leaf's promises under exact interleavings: threads parked on gates of a <see cref="ScriptedChain"/> at chosen
/// points, no sleeps. Each test is one schedule in which a leaf used to break a promise.
/// </summary>
public class LeafStateInterleavingTests
{
    private const string Key = "m:0:n";

    [Fact]
    public void A_chain_that_hands_out_the_same_reading_object_again_is_shown_as_it_gave_it()
    {
        // A replay that loops over two canned rounds returns the very same reading objects again.
        var zero = new KstatReading(10, [new("v", 0L)]);
        var one = new KstatReading(20, [new("v", 1L)]);
        int round = 0;
        var chain = new ScriptedChain(Key) { Canned = _ => round % 2 == 0 ? zero : one };
        using var tree = new KstatTree(chain);
        var leaf = tree["m"][0]["n"];

        for (; round < 5; round++)
        {
            if (round > 0)
            {
                Assert.Empty(tree.Update().ReadErrors);
            }

            Assert.Equal(round % 2, (long)leaf["v"]);
            Assert.Same(round % 2 == 0 ? zero : one, leaf.GetReading());
        }
    }

    [Fact]
    public void Two_trees_over_one_chain_each_show_what_the_chain_gave_them()
    {
        var zero = new KstatReading(10, [new("v", 0L)]);
        var one = new KstatReading(20, [new("v", 1L)]);
        var current = zero;
        var chain = new ScriptedChain(Key) { Canned = _ => current };
        using var first = new KstatTree(chain);
        using var second = new KstatTree(chain);
        var a = first["m"][0]["n"];
        var b = second["m"][0]["n"];

        Assert.Equal(0, (long)a["v"]);
        current = one;
        first.Update();
        Assert.Equal(1, (long)b["v"]); // the second tree's first read
        current = zero;
        second.Update();
        first.Update();

        Assert.Equal(0, (long)a["v"]);
        Assert.Equal(0, (long)b["v"]);
    }

    [Fact]
    public async Task A_first_read_that_finds_its_kstat_recreated_reads_the_new_one_instead_of_throwing()
    {
        var chain = new ScriptedChain(Key);
        using var tree = new KstatTree(chain);
        var leaf = tree["m"][0]["n"];
        var old = chain.HeaderOf(Key);
        using var reading = chain.ParkOnce(ChainPoint.ReadBegins, h => h!.Kid == old.Kid);
        var reader = Start(leaf.GetReading);
        reading.WaitReached();

        var fresh = chain.Recreate(Key, start: 50);
        Assert.Equal<string>([Key], tree.Update().Replaced); // the leaf is rebound while its first read is in flight
        reading.Open();

        var result = await reader;
        Assert.Equal(fresh.Kid, (long)result["kid"]);
        Assert.Equal(50, (long)result["v"]);
        Assert.Equal(fresh.CrTime, leaf.CrTime);
        Assert.True(leaf.IsValid);
    }

    [Fact]
    public async Task A_first_read_that_fails_before_the_update_rebinds_the_leaf_waits_for_it_and_reads_the_new_kstat()
    {
        var chain = new ScriptedChain(Key);
        using var tree = new KstatTree(chain);
        var leaf = tree["m"][0]["n"];
        var fresh = chain.Recreate(Key, start: 50);
        using var updating = chain.ParkOnce(ChainPoint.HeadersTaken);
        var update = Start(tree.Update);
        updating.WaitReached(); // the chain has the new kstat; the tree is not rebuilt yet

        using var notFound = chain.ParkOnce(ChainPoint.ReadNotFound);
        var reader = Start(leaf.GetReading);
        notFound.WaitReached(); // the reader's read of the old kstat failed
        notFound.Open();
        updating.Open();

        Assert.Equal<string>([Key], (await update).Replaced);
        var result = await reader;
        Assert.Equal(fresh.Kid, (long)result["kid"]);
        Assert.Equal(fresh.CrTime, leaf.CrTime);
    }

    [Fact]
    public async Task A_first_read_of_a_kstat_removed_meanwhile_throws_not_found_once_the_update_detached_it()
    {
        var chain = new ScriptedChain(Key, "m:0:other");
        using var tree = new KstatTree(chain);
        var leaf = tree["m"][0]["n"];
        chain.Remove(Key);
        using var updating = chain.ParkOnce(ChainPoint.HeadersTaken);
        var update = Start(tree.Update);
        updating.WaitReached();

        using var notFound = chain.ParkOnce(ChainPoint.ReadNotFound);
        var reader = Start(leaf.GetReading);
        notFound.WaitReached();
        notFound.Open();
        updating.Open();

        Assert.Equal<string>([Key], (await update).Removed);
        var e = await Assert.ThrowsAsync<KstatNotFoundException>(() => reader);
        Assert.Equal(Key, e.Key);
        Assert.False(leaf.IsValid);
    }

    [Fact]
    public async Task While_a_recreated_kstat_is_reread_every_reader_sees_the_old_kstat_whole_then_the_new_one_whole()
    {
        var chain = new ScriptedChain(Key);
        using var tree = new KstatTree(chain);
        var leaf = tree["m"][0]["n"];
        var old = chain.HeaderOf(Key);
        _ = leaf["v"];
        var fresh = chain.Recreate(Key);
        using var rereading = chain.ParkOnce(ChainPoint.ReadBegins, h => h!.Kid == fresh.Kid);
        var update = Start(tree.Update);
        rereading.WaitReached(); // the tree has the new chain; the re-read of the new kstat has not returned

        AssertOneIncarnation(leaf, old.Kid);
        Assert.False(update.IsCompleted);
        rereading.Open();
        Assert.Equal<string>([Key], (await update).Replaced);

        AssertOneIncarnation(leaf, fresh.Kid);
    }

    [Fact]
    public async Task Samples_taken_across_a_recreation_give_no_delta_between_the_two_kstats()
    {
        var chain = new ScriptedChain();
        chain.Add(Key, start: 1_000);
        chain.Update();
        using var tree = new KstatTree(chain);
        _ = tree["m"][0]["n"]["v"];
        var fresh = chain.Recreate(Key, start: 10); // a counter of the new kstat starts again from a small value
        using var rereading = chain.ParkOnce(ChainPoint.ReadBegins, h => h!.Kid == fresh.Kid);
        var update = Start(tree.Update);
        rereading.WaitReached();

        var during = KstatSample.Take(tree);
        rereading.Open();
        await update;
        var after = KstatSample.Take(tree);

        Assert.Equal(1_000, (long)during[Key]["v"]);
        Assert.Equal(10, (long)after[Key]["v"]);
        Assert.Null(after.DeltaSince(during, Key));
        Assert.Empty(after.DeltasSince(during));
    }

    [Fact]
    public async Task Of_two_racing_first_reads_the_leaf_keeps_the_newer_whatever_order_they_finish_in()
    {
        var chain = new ScriptedChain(Key);
        using var tree = new KstatTree(chain);
        var leaf = tree["m"][0]["n"];
        using var firstBegins = chain.ParkOnce(ChainPoint.ReadBegins);
        var first = Start(leaf.GetReading);
        firstBegins.WaitReached(); // the first reader began, and took no data yet
        using var secondTaken = chain.ParkOnce(ChainPoint.ReadTaken);
        var second = Start(leaf.GetReading);
        secondTaken.WaitReached(); // the second reader took its data (snaptime 10) and has not returned

        firstBegins.Open(); // the first reader takes newer data (snaptime 20) and publishes it
        var newer = await first;
        Assert.Equal(20, newer.SnapTime);
        Assert.Equal(20, leaf.SnapTime);
        secondTaken.Open();
        await second;

        Assert.Equal(20, leaf.SnapTime); // never back in time
        Assert.Same(newer, leaf.GetReading());
        tree.Update();
        Assert.True(KstatDelta.Between(newer, leaf.GetReading()).ElapsedNanoseconds > 0);
    }

    [Fact]
    public void The_tree_follows_a_chain_that_someone_else_updated()
    {
        var chain = new ScriptedChain(Key);
        using var tree = new KstatTree(chain);
        chain.Add("m:1:n");
        Assert.True(tree.Chain.Update()); // a caller updates the chain itself

        var result = tree.Update();       // the chain reports no change now, but its id moved

        Assert.Equal<string>(["m:1:n"], result.Added);
        Assert.True(tree["m"].ContainsKey(1));
        Assert.Equal(chain.ChainId, result.ChainId);
    }

    /// <summary>Every way a reader takes a leaf (lookup pairs aside) pairs the crtime with values of the same kstat.</summary>
    private static void AssertOneIncarnation(KstatLeaf leaf, long kid)
    {
        var pairs = leaf.ToDictionary(p => p.Key, p => p.Value);
        Assert.Equal(kid, (long)pairs["kid"]);
        Assert.Equal(1000 * kid, (long)pairs["crtime"]);

        var sample = KstatSample.Read([leaf]);
        Assert.True(sample.TryGetHeader(leaf.Key, out var header));
        Assert.Equal(kid, (long)sample[leaf.Key]["kid"]);
        Assert.Equal(1000 * kid, header.CrTime);

        var record = KstatFormat.Records([leaf]).Single();
        Assert.Equal(kid, (long)record.Reading!["kid"]);
        Assert.Equal(1000 * kid, record.Header.CrTime);

        var output = new StringWriter();
        KstatFormat.WriteParseable(output, [leaf]);
        Assert.Contains($"{leaf.Key}:kid\t{kid}\n", output.ToString(), StringComparison.Ordinal);
        Assert.Contains($"{leaf.Key}:crtime\t{kid * 1000 / 1e9:0.000000000}\n", output.ToString(), StringComparison.Ordinal);
    }

    private static Task<T> Start<T>(Func<T> work) => Task.Factory.StartNew(work, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
}
