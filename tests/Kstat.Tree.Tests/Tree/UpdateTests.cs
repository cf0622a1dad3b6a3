using Kstat.Tree;
using NSubstitute;
using Kstat.Tree.Tests.Support;

namespace Kstat.Tree.Tests.Tree;

/// <summary>Update() follows Perl's update(): adds, removes, re-reads, and reports keys the way kstat(1) sorts them.</summary>
public class UpdateTests
{
    [Fact]
    public void Added_kstats_appear_unread_and_are_reported_in_kstat1_order()
    {
        var chain = new FakeChain("cpu:0:sys");
        using var tree = new KstatTree(chain);
        chain.Add("sd:10:sd10");
        chain.Add("sd:2:sd2");
        chain.Add("Cpu:1:sys");
        chain.Add("cpu:1:Intr");

        var result = tree.Update();

        Assert.True(result.Changed);
        Assert.Equal<string>(["cpu:1:Intr", "Cpu:1:sys", "sd:2:sd2", "sd:10:sd10"], result.Added);
        Assert.Empty(result.Removed);
        Assert.False(tree["sd"][10]["sd10"].IsRead);
        Assert.Equal(0, chain.Reads);
    }

    [Fact]
    public void Update_reports_the_headers_beside_the_keys_in_the_same_order()
    {
        var chain = new FakeChain("cpu:0:sys", "gone:0:a", "again:0:b");
        using var tree = new KstatTree(chain);
        var added = chain.Add("sd:10:sd10");
        chain.Add("Cpu:1:sys");
        chain.Remove("gone:0:a");
        chain.Recreate("again:0:b");

        var result = tree.Update();

        Assert.Equal(["Cpu:1:sys", "sd:10:sd10"], result.Added.ToArray());
        Assert.Equal(result.Added.ToArray(), result.AddedHeaders.Select(h => h.Key).ToArray());
        Assert.Equal(result.Removed.ToArray(), result.RemovedHeaders.Select(h => h.Key).ToArray());
        Assert.Equal(result.Replaced.ToArray(), result.ReplacedHeaders.Select(h => h.Key).ToArray());
        Assert.Equal(added, result.AddedHeaders[1]);
        Assert.Equal("gone", Assert.Single(result.RemovedHeaders).Module);
        Assert.Equal(tree["again"][0]["b"].Header, Assert.Single(result.ReplacedHeaders)); // the new kstat's header
    }

    [Fact]
    public void A_name_with_colons_maps_back_through_the_header_and_not_through_the_key()
    {
        using var tree = KstatTree.Parse("unix:0:misc:n\t1\n\nunix:0:misc:n\t2\nzfs:0:tank:io:nread\t5\n");

        var header = Assert.Single(tree.Update().AddedHeaders);

        Assert.Equal("zfs:0:tank:io", header.Key);
        Assert.Equal(("zfs", 0, "tank:io"), (header.Module, header.Instance, header.Name));
        Assert.Equal(5, (int)tree[header.Module][header.Instance][header.Name]["nread"]);
    }

    [Fact]
    public void A_statistic_renamed_in_place_leaves_no_stale_key()
    {
        var header = new KstatHeader("zfs", 0, "arcstats", "misc", KstatType.Named, 5, 1);
        var chain = NSubstitute.Substitute.For<IKstatChain>();
        chain.Headers.Returns([header]);
        chain.Read(header).Returns(
            new KstatReading(1, [new("c_min", KstatValue.FromUInt64(1)), new("old_name", KstatValue.FromUInt64(2))]),
            new KstatReading(2, [new("c_min", KstatValue.FromUInt64(1)), new("new_name", KstatValue.FromUInt64(2))]));
        using var tree = new KstatTree(chain);
        var arc = tree["zfs"][0]["arcstats"];
        _ = arc["old_name"];

        tree.Update();

        Assert.False(arc.ContainsKey("old_name")); // Perl's re-read stores into the same hash and keeps it
        Assert.True(arc.ContainsKey("new_name"));
        Assert.Equal(["c_min", "new_name", "class", "crtime", "snaptime"], arc.Keys);
    }

    [Fact]
    public void A_failed_re_read_is_reported_with_its_header()
    {
        var chain = new FakeChain("a:0:x", "a:0:y");
        using var tree = new KstatTree(chain);
        _ = tree["a"][0]["x"]["s0"];
        chain.FailingReads.Add("a:0:x");

        var error = Assert.Single(tree.Update().ReadErrors);

        Assert.Equal("a:0:x", error.Key);
        Assert.Same(tree["a"][0]["x"].Header, error.Header);
        Assert.IsType<KstatException>(error.Exception, exactMatch: false);
    }

    [Fact]
    public void Removed_kstats_are_detached_and_empty_instances_and_modules_pruned()
    {
        var chain = new FakeChain("cpu:0:sys", "cpu:0:vm", "cpu:1:sys", "lonely:0:one");
        using var tree = new KstatTree(chain);
        var gone = tree["cpu"][1]["sys"];
        var cpu = tree["cpu"];
        _ = gone["s0"];
        chain.Remove("cpu:1:sys");
        chain.Remove("lonely:0:one");
        chain.Remove("cpu:0:vm");

        var (added, removed) = tree.Update();

        Assert.Empty(added);
        Assert.Equal<string>(["cpu:0:vm", "cpu:1:sys", "lonely:0:one"], removed);
        Assert.False(tree.ContainsKey("lonely"));
        Assert.False(tree["cpu"].ContainsKey(1));
        Assert.Equal<string>(["sys"], tree["cpu"][0].Keys);
        Assert.Same(cpu, tree["cpu"]);
        Assert.False(gone.IsValid);
        Assert.Equal(1L, (long)gone["s0"]);
    }

    [Fact]
    public void An_unread_removed_leaf_throws_not_found_with_its_key()
    {
        var chain = new FakeChain("a:0:x", "a:0:y");
        using var tree = new KstatTree(chain);
        var leaf = tree["a"][0]["y"];
        chain.Remove("a:0:y");
        tree.Update();

        var e = Assert.Throws<KstatNotFoundException>(() => leaf["s0"]);
        Assert.Equal("a:0:y", e.Key);
        Assert.Contains("a:0:y", e.Message, StringComparison.Ordinal);
        Assert.Equal("misc", (string)leaf["class"]);
    }

    [Fact]
    public void A_recreated_kstat_is_replaced_with_a_fresh_crtime_and_reread()
    {
        var chain = new FakeChain("a:0:x", "a:0:y");
        using var tree = new KstatTree(chain);
        var leaf = tree["a"][0]["x"];
        long crtime = leaf.CrTime;
        _ = leaf["s0"];
        chain.Recreate("a:0:x");

        var result = tree.Update();

        Assert.True(result.Changed);
        Assert.Equal<string>(["a:0:x"], result.Replaced);
        Assert.Empty(result.Added);
        Assert.Empty(result.Removed);
        Assert.Same(leaf, tree["a"][0]["x"]);
        Assert.NotEqual(crtime, leaf.CrTime);
        Assert.Equal(leaf.CrTime, (long)leaf["crtime"]);
        Assert.Equal(2L, (long)leaf["s0"]);
        Assert.True(leaf.IsValid);
    }

    [Fact]
    public void A_failed_reread_is_reported_and_the_leaf_keeps_its_values()
    {
        var chain = new FakeChain("a:0:x", "a:0:y");
        using var tree = new KstatTree(chain);
        _ = tree["a"][0]["x"]["s0"];
        _ = tree["a"][0]["y"]["s0"];
        chain.FailingReads.Add("a:0:x");

        var result = tree.Update();

        Assert.False(result.Changed);
        Assert.Equal(["a:0:x"], result.ReadErrors.Select(e => e.Key));
        Assert.IsType<KstatException>(Assert.Single(result.ReadErrors).Exception);
        Assert.Equal(1L, (long)tree["a"][0]["x"]["s0"]);
        Assert.Equal(3L, (long)tree["a"][0]["y"]["s0"]);
    }

    [Fact]
    public void A_failed_chain_update_throws_and_leaves_the_tree_as_it_was()
    {
        var chain = new FakeChain("a:0:x");
        using var tree = new KstatTree(chain);
        chain.Add("b:0:y");
        chain.FailNextUpdate = true;

        Assert.Throws<KstatException>(() => tree.Update());
        Assert.False(tree.ContainsKey("b"));
        Assert.Equal<string>(["b:0:y"], tree.Update().Added);
    }

    [Fact]
    public void Nothing_changed_means_not_changed()
    {
        var chain = new FakeChain("a:0:x");
        using var tree = new KstatTree(chain);

        var result = tree.Update();

        Assert.False(result.Changed);
        var (added, removed) = result;
        Assert.Empty(added);
        Assert.Empty(removed);
        Assert.Empty(result.Replaced);
        Assert.Empty(result.ReadErrors);
    }

    [Fact]
    public void Module_and_instance_objects_held_by_users_see_later_additions()
    {
        var chain = new FakeChain("cpu:0:sys");
        using var tree = new KstatTree(chain);
        var cpu = tree["cpu"];
        chain.Add("cpu:1:sys");
        chain.Add("cpu:0:vm");
        tree.Update();

        Assert.Equal<int>([0, 1], cpu.Keys.Order());
        Assert.True(cpu[0].ContainsKey("vm"));
    }

    [Fact]
    public void Read_values_stay_fixed_until_update()
    {
        var chain = new FakeChain("a:0:x");
        using var tree = new KstatTree(chain);
        var leaf = tree["a"][0]["x"];

        long first = (long)leaf["s0"];
        Assert.Equal(first, (long)leaf["s1"]);
        Assert.Equal(1, chain.Reads);
        tree.Update();
        Assert.Equal(first + 1, (long)leaf["s0"]);
        Assert.Equal(2, chain.Reads);
    }

    [Fact]
    public void A_leaf_first_read_after_its_kstat_vanished_but_before_update_throws_not_found()
    {
        var chain = new FakeChain("a:0:x", "a:0:y");
        using var tree = new KstatTree(chain);
        chain.Remove("a:0:x");
        chain.Update(); // the chain moved on; the tree has not been updated yet

        var e = Assert.Throws<KstatNotFoundException>(() => tree["a"][0]["x"]["s0"]);
        Assert.Equal("a:0:x", e.Key);
    }
}
