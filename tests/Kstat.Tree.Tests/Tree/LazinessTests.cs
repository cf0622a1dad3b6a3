using Kstat.Tree;
using NSubstitute;

namespace Kstat.Tree.Tests.Tree;

/// <summary>The tree never reads a kstat before a statistic is touched, as Perl's tied hashes.</summary>
public class LazinessTests
{
    private static IKstatChain MockChain(int count, out List<KstatHeader> headers)
    {
        headers = [];
        for (int i = 0; i < count; i++)
        {
            headers.Add(new KstatHeader($"mod{i % 10}", i % 100, $"name{i}", "misc", KstatType.Named, 1_000 + i, i + 1));
        }

        var chain = Substitute.For<IKstatChain>();
        chain.Headers.Returns(headers);
        chain.Read(Arg.Any<KstatHeader>()).Returns(call =>
            new KstatReading(42, [new("user", KstatValue.FromUInt64(7)), new("name", KstatValue.FromString("x"))]));
        return chain;
    }

    [Fact]
    public void Building_a_tree_over_ten_thousand_headers_reads_nothing()
    {
        var chain = MockChain(10_000, out var headers);
        using var tree = new KstatTree(chain);

        Assert.Equal(10, tree.Count);
        Assert.Equal(10_000, tree.Leaves().Count());
        chain.DidNotReceive().Read(Arg.Any<KstatHeader>());
    }

    [Fact]
    public void Class_and_crtime_of_every_leaf_read_nothing()
    {
        var chain = MockChain(10_000, out var headers);
        using var tree = new KstatTree(chain);

        foreach (var h in headers)
        {
            var leaf = tree[h.Module][h.Instance][h.Name];
            Assert.Equal("misc", (string)leaf["class"]);
            Assert.Equal(h.CrTime, (long)leaf["crtime"]);
            Assert.True(leaf.ContainsKey("class"));
            Assert.True(leaf.TryGetValue("crtime", out _));
            Assert.Equal(h.CrTime, leaf.CrTime);
            Assert.False(leaf.IsRead);
        }

        chain.DidNotReceive().Read(Arg.Any<KstatHeader>());
    }

    [Fact]
    public void Touching_one_statistic_reads_that_kstat_once()
    {
        var chain = MockChain(100, out var headers);
        using var tree = new KstatTree(chain);
        var leaf = tree["mod3"][3]["name3"];

        Assert.Equal(7UL, (ulong)leaf["user"]);
        Assert.Equal("x", (string)leaf["name"]);
        Assert.Equal(42, (long)leaf["snaptime"]);
        Assert.Equal(5, leaf.Count);
        Assert.True(leaf.ContainsKey("user"));
        Assert.False(leaf.ContainsKey("nope"));
        _ = leaf.ToList();

        chain.Received(1).Read(Arg.Any<KstatHeader>());
        chain.Received(1).Read(headers[3]);
        Assert.True(leaf.IsRead);
        Assert.Equal(42, leaf.SnapTime);
    }

    [Theory]
    [InlineData("count")]
    [InlineData("enumerate")]
    [InlineData("contains")]
    [InlineData("tryget")]
    [InlineData("snaptime")]
    [InlineData("reading")]
    public void Every_access_other_than_class_and_crtime_reads(string access)
    {
        var chain = MockChain(1, out _);
        using var tree = new KstatTree(chain);
        var leaf = tree["mod0"][0]["name0"];

        _ = access switch
        {
            "count" => leaf.Count,
            "enumerate" => leaf.Select(p => p.Key).Count(),
            "contains" => leaf.ContainsKey("zzz") ? 1 : 0,
            "tryget" => leaf.TryGetValue("user", out _) ? 1 : 0,
            "snaptime" => (int)(long)leaf["snaptime"],
            _ => leaf.GetReading().Count,
        };

        chain.Received(1).Read(Arg.Any<KstatHeader>());
    }

    [Fact]
    public void Update_with_an_unchanged_chain_rereads_exactly_the_leaves_read_before()
    {
        var chain = MockChain(50, out var headers);
        chain.Update().Returns(false);
        using var tree = new KstatTree(chain);
        var touched = new[] { headers[1], headers[17], headers[33] };
        foreach (var h in touched)
        {
            _ = tree[h.Module][h.Instance][h.Name]["user"];
        }

        chain.ClearReceivedCalls();
        var result = tree.Update();

        Assert.False(result.Changed);
        Assert.Empty(result.Added);
        Assert.Empty(result.Removed);
        chain.Received(3).Read(Arg.Any<KstatHeader>());
        foreach (var h in touched)
        {
            chain.Received(1).Read(h);
        }
    }

    [Fact]
    public void A_reset_leaf_is_skipped_by_update_until_touched_again()
    {
        var chain = MockChain(2, out var headers);
        chain.Update().Returns(false);
        using var tree = new KstatTree(chain);
        var leaf = tree["mod0"][0]["name0"];
        _ = leaf["user"];
        leaf.Reset();
        Assert.False(leaf.IsRead);

        chain.ClearReceivedCalls();
        tree.Update();
        chain.DidNotReceive().Read(Arg.Any<KstatHeader>());

        _ = leaf["user"];
        chain.Received(1).Read(headers[0]);
    }
}
