using Kstat.Native.Tests.Support;
using Kstat.Tree;
using static Interop.Kstat;
using D = Kstat.Native.Tests.Support.KstatDouble;

namespace Kstat.Native.Tests.Illumos;

/// <summary>A KstatTree over LibKstatChain over the double: the end-to-end behaviour a Perl user relies on.</summary>
public class LibKstatTreeTests : DoubleTest
{
    private static int AddCpu(int instance)
    {
        int kid = D.Add("cpu_stat", instance, $"cpu_stat{instance}", KstatType.Raw);
        Assert.Equal(0, D.kd_raw_shape(kid, "cpu_stat"));
        Assert.Equal(0, D.kd_raw_set(kid, "user", (ulong)(100 + instance), null));
        return kid;
    }

    private static int AddNamed(string module, int instance, string name, ulong value) => D.AddNamed(module, instance, name, value);

    [Fact]
    public void The_tree_reads_nothing_until_a_statistic_is_touched()
    {
        AddCpu(0);
        AddCpu(1);
        using var tree = new KstatTree(Open());

        Assert.Equal([0, 1], tree["cpu_stat"].Keys.Order());
        var leaf = tree["cpu_stat"][0]["cpu_stat0"];
        _ = leaf["class"];
        _ = leaf["crtime"];
        Assert.Equal(0, D.kd_reads());

        Assert.Equal(100u, (ulong)leaf["user"]);
        _ = leaf["idle"];
        _ = leaf.Count;
        Assert.Equal(1, D.kd_reads());
    }

    [Fact]
    public void Update_reports_exactly_what_was_added_removed_and_replaced()
    {
        AddNamed("unix", 0, "stays", 1);
        int gone = AddNamed("unix", 0, "goes", 2);
        int phoenix = AddNamed("unix", 0, "phoenix", 3);
        int lonely = AddNamed("lonely", 7, "only", 4);
        using var tree = new KstatTree(Open());

        D.kd_remove(gone);
        D.kd_remove(lonely);
        D.kd_recreate(phoenix, 5_000);
        AddNamed("unix", 1, "new", 5);
        var update = tree.Update();

        Assert.Equal<string>(["unix:1:new"], update.Added);
        Assert.Equal<string>(["lonely:7:only", "unix:0:goes"], update.Removed);
        Assert.Equal<string>(["unix:0:phoenix"], update.Replaced);
        Assert.Empty(update.ReadErrors);
        Assert.True(update.Changed);
        Assert.False(tree.ContainsKey("lonely"));
        KstatAssert.Same(KstatValue.HrTime(5_000), tree["unix"][0]["phoenix"]["crtime"]);
        Assert.Equal(0, D.kd_reads());
    }

    [Fact]
    public void Update_without_a_change_rereads_only_the_leaves_that_were_read()
    {
        int read = AddNamed("unix", 0, "read", 1);
        AddNamed("unix", 0, "unread", 2);
        using var tree = new KstatTree(Open());
        var leaf = tree["unix"][0]["read"];
        Assert.Equal(1UL, (ulong)leaf["value"]);

        D.kd_named_set(read, "value", 42);
        var update = tree.Update();

        Assert.False(update.Changed);
        Assert.Equal(42UL, (ulong)leaf["value"]);
        Assert.Equal(2, D.kd_reads());
    }

    [Fact]
    public void A_failed_reread_is_reported_and_keeps_the_old_values()
    {
        int kid = AddNamed("unix", 0, "flaky", 9);
        using var tree = new KstatTree(Open());
        var leaf = tree["unix"][0]["flaky"];
        _ = leaf["value"];

        D.kd_fail_read(kid, ENXIO, 1);
        var update = tree.Update();

        Assert.Equal(["unix:0:flaky"], update.ReadErrors.Select(e => e.Key));
        Assert.Equal(9UL, (ulong)leaf["value"]);
    }

    [Fact]
    public void Update_rereads_every_read_leaf_once_across_batches_and_reports_a_failure_per_leaf()
    {
        var kids = Enumerable.Range(0, 300).Select(i => AddNamed("cpu", i, "sys", 1)).ToArray();
        using var tree = new KstatTree(Open());
        var read = Enumerable.Range(0, 300).Where(i => i % 15 != 0).ToArray(); // 280 leaves: more than one batch
        foreach (int i in read)
        {
            _ = tree["cpu"][i]["sys"]["value"];
        }

        foreach (int kid in kids)
        {
            D.kd_stamp(kid, 2);
        }

        D.kd_fail_read(kids[7], ENXIO, 1);
        long before = D.kd_reads();
        var update = tree.Update();

        Assert.Equal(read.Length, D.kd_reads() - before);
        Assert.Equal(["cpu:7:sys"], update.ReadErrors.Select(e => e.Key));
        Assert.IsType<KstatNotFoundException>(Assert.Single(update.ReadErrors).Exception);
        Assert.Equal(1UL, (ulong)tree["cpu"][7]["sys"]["value"]);  // kept its values
        Assert.All(read.Where(i => i != 7), i => Assert.Equal(2UL, (ulong)tree["cpu"][i]["sys"]["value"]));
        Assert.False(tree["cpu"][15]["sys"].IsRead);
    }

    [Fact]
    public void A_removed_unread_leaf_throws_not_found()
    {
        int kid = AddNamed("unix", 0, "goes", 1);
        using var tree = new KstatTree(Open());
        var leaf = tree["unix"][0]["goes"];

        D.kd_remove(kid);
        tree.Update();

        Assert.False(leaf.IsValid);
        Assert.Throws<KstatNotFoundException>(() => leaf["value"]);
    }

    [Fact]
    public void A_failed_chain_update_throws_and_the_tree_stays()
    {
        AddNamed("unix", 0, "stays", 1);
        using var tree = new KstatTree(Open());
        AddNamed("unix", 0, "late", 2);
        D.kd_fail_update(ENOMEM, 1);

        var e = Assert.Throws<KstatException>(() => tree.Update());

        Assert.Equal(ENOMEM, e.Errno);
        Assert.True(tree["unix"][0]["stays"].IsValid);
        Assert.False(tree["unix"][0].ContainsKey("late"));
    }

    [Fact]
    public void Disposing_the_tree_closes_the_libkstat_handle()
    {
        AddNamed("unix", 0, "x", 1);
        var tree = new KstatTree(Open());
        _ = tree["unix"][0]["x"]["value"];
        Assert.Equal(1, D.kd_open_handles());

        tree.Dispose();

        Assert.Equal(0, D.kd_open_handles());
        Assert.Equal(0, D.kd_live_allocations());
        Assert.Throws<ObjectDisposedException>(() => tree.Update());
        Assert.Throws<ObjectDisposedException>(() => tree.Chain);
    }

    [Fact]
    public void Strip_strings_off_keeps_the_char_padding_like_Perls_default()
    {
        int kid = D.Add("cpu_info", 0, "cpu_info0", KstatType.Named);
        D.kd_named_add(kid, "state", KSTAT_DATA_CHAR);
        D.kd_named_set_char(kid, "state", "on-line"u8.ToArray(), 7);

        using var stripped = new KstatTree(Open());
        using var padded = new KstatTree(Open(), new KstatTreeOptions { StripStrings = false });

        Assert.Equal(7, stripped["cpu_info"][0]["cpu_info0"]["state"].GetCharBytes().Length);
        Assert.Equal(16, padded["cpu_info"][0]["cpu_info0"]["state"].GetCharBytes().Length);
    }
}
