using Kstat.Tree;
using NSubstitute;
using Kstat.Tree.Tests.Support;

namespace Kstat.Tree.Tests.Tree;

internal static class SampleTree
{
    public static KstatTree Create() => new(new FakeChain("cpu:0:sys", "cpu:0:vm", "cpu:1:sys", "cpu:-1:neg", "sd:0:sd0", "unix:0:system_misc"));
}

public class TreeLevelConformance : ReadOnlyDictionaryConformance<string, KstatModule>
{
    protected override string MissingKey => "no_such_module";

    protected override (IReadOnlyDictionary<string, KstatModule>, IReadOnlyDictionary<string, KstatModule>) Create()
    {
        var tree = SampleTree.Create();
        return (tree, tree.ToDictionary(p => p.Key, p => p.Value));
    }
}

public class ModuleLevelConformance : ReadOnlyDictionaryConformance<int, KstatInstance>
{
    protected override int MissingKey => 7;

    protected override (IReadOnlyDictionary<int, KstatInstance>, IReadOnlyDictionary<int, KstatInstance>) Create()
    {
        var module = SampleTree.Create()["cpu"];
        Assert.Equal([-1, 0, 1], module.Keys.Order());
        return (module, module.ToDictionary(p => p.Key, p => p.Value));
    }
}

public class InstanceLevelConformance : ReadOnlyDictionaryConformance<string, KstatLeaf>
{
    protected override string MissingKey => "intr";

    protected override (IReadOnlyDictionary<string, KstatLeaf>, IReadOnlyDictionary<string, KstatLeaf>) Create()
    {
        var instance = SampleTree.Create()["cpu"][0];
        return (instance, instance.ToDictionary(p => p.Key, p => p.Value));
    }
}

public class LeafLevelConformance : ReadOnlyDictionaryConformance<string, KstatValue>
{
    protected override string MissingKey => "no_such_statistic";

    protected override (IReadOnlyDictionary<string, KstatValue>, IReadOnlyDictionary<string, KstatValue>) Create()
    {
        var leaf = SampleTree.Create()["cpu"][0]["sys"];
        var expected = new Dictionary<string, KstatValue>
        {
            ["s0"] = 1L, ["s1"] = 1L, ["s2"] = 1L, ["s3"] = 1L,
            ["class"] = "misc", ["crtime"] = KstatValue.HrTime(leaf.CrTime), ["snaptime"] = KstatValue.HrTime(10),
        };
        return (leaf, expected);
    }
}

public class LeafTests
{
    [Fact]
    public void A_leaf_knows_its_identity_without_reading()
    {
        var chain = new FakeChain("cpu:-1:neg");
        using var tree = new KstatTree(chain);
        var leaf = tree["cpu"][-1]["neg"];

        Assert.Equal(("cpu", -1, "neg", "cpu:-1:neg", "misc", KstatType.Named), (leaf.Module, leaf.Instance, leaf.Name, leaf.Key, leaf.Class, leaf.Type));
        Assert.True(leaf.IsValid);
        Assert.Null(leaf.SnapTime);
        Assert.Null(leaf.Reading);
        Assert.Equal(0, chain.Reads);
        Assert.True(tree.TryGetLeaf("cpu", -1, "neg", out var same));
        Assert.Same(leaf, same);
        Assert.False(tree.TryGetLeaf("cpu", 0, "neg", out _));
    }

    [Fact]
    public void Statistics_that_share_a_pseudo_key_name_are_shadowed_by_the_header()
    {
        var chain = NSubstitute.Substitute.For<IKstatChain>();
        var header = new KstatHeader("m", 0, "n", "misc", KstatType.Named, 5, 1);
        chain.Headers.Returns([header]);
        chain.Read(header).Returns(new KstatReading(9, [new("class", "other"), new("x", 1)]));
        using var tree = new KstatTree(chain);
        var leaf = tree["m"][0]["n"];

        Assert.Equal("misc", (string)leaf["class"]);
        Assert.Equal(4, leaf.Count);
        Assert.Equal<string>(["x", "class", "crtime", "snaptime"], leaf.Keys);
    }

    [Theory]
    [InlineData(true, "GenuineIntel")]
    [InlineData(false, "GenuineIntel\0\0\0\0")]
    public void Strip_strings_cuts_char_arrays_at_the_first_nul_like_perl(bool strip, string expected)
    {
        var chain = NSubstitute.Substitute.For<IKstatChain>();
        var header = new KstatHeader("cpu_info", 0, "cpu_info0", "misc", KstatType.Named, 5, 1);
        chain.Headers.Returns([header]);
        chain.Read(header).Returns(new KstatReading(9, [new("vendor_id", KstatValue.Char("GenuineIntel\0\0\0\0"u8))]));
        using var tree = new KstatTree(chain, new KstatTreeOptions { StripStrings = strip });

        var value = tree["cpu_info"][0]["cpu_info0"]["vendor_id"];
        Assert.Equal(expected, (string)value);
        Assert.Equal("GenuineIntel", value.ToString());
    }

    [Fact]
    public void A_duplicate_key_in_the_chain_binds_the_later_kstat()
    {
        var chain = NSubstitute.Substitute.For<IKstatChain>();
        var first = new KstatHeader("m", 0, "n", "a", KstatType.Named, 5, 1);
        var second = new KstatHeader("m", 0, "n", "b", KstatType.Named, 6, 2);
        chain.Headers.Returns([first, second]);
        using var tree = new KstatTree(chain);

        Assert.Equal("b", tree["m"][0]["n"].Class);
        Assert.Single(tree.Leaves());
    }
}
