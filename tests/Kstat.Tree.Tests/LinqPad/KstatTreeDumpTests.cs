using System.Collections;
using Kstat.Tree.Tests.Support;

namespace Kstat.Tree.Tests.LinqPad;

/// <summary>The LINQPad views (<c>ToDump()</c>): they show the structure and headers without reading, and read only on demand.</summary>
public sealed class KstatTreeDumpTests : IDisposable
{
    private readonly MutableChain _chain = new();
    private readonly KstatTree _tree;

    public KstatTreeDumpTests()
    {
        _chain.Add("cpu_stat", 10, "cpu_stat10", "misc", KstatType.Raw, ("user", 7UL));
        _chain.Add("cpu_stat", 2, "cpu_stat2", "misc", KstatType.Raw, ("user", 5UL));
        _chain.Add("unix", 0, "system_pages", "pages", KstatType.Named, ("freemem", 61103L), ("boot", KstatValue.HrTime(1_500_000_001)));
        _chain.Settled();
        _tree = new KstatTree(_chain);
    }

    [Fact]
    public void The_tree_lists_modules_in_kstat_order_with_counts_and_reads_nothing()
    {
        var rows = Assert.IsAssignableFrom<IReadOnlyList<KstatDump.ModuleRow>>(_tree.ToDump());

        Assert.Equal(["cpu_stat", "unix"], rows.Select(r => r.Module));
        Assert.Equal(2, rows[0].Instances);
        Assert.False(rows[0].Contents.IsValueCreated);
        Assert.Empty(_chain.Reads);
    }

    [Fact]
    public void A_module_lists_instances_numerically_with_leaf_headers_and_reads_nothing()
    {
        var instances = Assert.IsAssignableFrom<IReadOnlyList<KstatDump.InstanceRow>>(_tree["cpu_stat"].ToDump());

        Assert.Equal([2, 10], instances.Select(i => i.Instance));
        var leaf = Assert.Single(instances[0].Kstats);
        Assert.Equal(("cpu_stat2", "misc", KstatType.Raw, "unread"), (leaf.Name, leaf.Class, leaf.Type, leaf.State));
        Assert.Equal(_tree["cpu_stat"][2]["cpu_stat2"].CrTime / 1_000_000_000m, leaf.CrTime);
        Assert.Empty(_chain.Reads);
    }

    [Fact]
    public void An_unread_leaf_shows_its_header_and_reads_only_when_its_statistics_are_opened()
    {
        var leaf = _tree["unix"][0]["system_pages"];
        var view = Assert.IsType<KstatDump.LeafView>(leaf.ToDump());

        Assert.Equal(("unix:0:system_pages", "pages", "unread"), (view.Key, view.Class, view.State));
        Assert.Null(view.SnapTime);
        Assert.False(leaf.IsRead);

        var statistics = Assert.IsType<Lazy<object>>(view.Statistics).Value;

        Assert.True(leaf.IsRead);
        var values = Assert.IsAssignableFrom<IReadOnlyDictionary<string, object>>(statistics);
        Assert.Equal(61103L, values["freemem"]);
        Assert.Equal(1.500000001m, values["boot"]);
    }

    [Fact]
    public void A_read_leaf_shows_the_values_it_holds_without_reading_again()
    {
        var leaf = _tree["cpu_stat"][2]["cpu_stat2"];
        _ = leaf["user"];
        int reads = _chain.Reads.Count;

        var view = Assert.IsType<KstatDump.LeafView>(leaf.ToDump());

        Assert.Equal("read", view.State);
        Assert.Equal(leaf.SnapTime / 1_000_000_000m, view.SnapTime);
        Assert.Equal(5UL, Assert.IsAssignableFrom<IDictionary>(view.Statistics)["user"]);
        Assert.Equal(reads, _chain.Reads.Count);
    }

    [Fact]
    public void A_removed_leaf_says_so()
    {
        var leaf = _tree["cpu_stat"][10]["cpu_stat10"];
        _chain.Remove(leaf.Key);
        _tree.Update();

        var view = Assert.IsType<KstatDump.LeafView>(leaf.ToDump());

        Assert.Equal("removed", view.State);
    }

    public void Dispose() => _tree.Dispose();
}
