using Kstat.Tree;

namespace Kstat.Tree.Tests.Ordering;

public class KstatOrderTests
{
    [Fact]
    public void Names_compare_like_strcasecmp()
    {
        string[] names = ["snaptime", "Avail", "_x", "avail", "class", "crtime", "B"];
        var sorted = names.Order(KstatOrder.Names).ToArray();

        // strcasecmp folds A-Z to a-z, so '_' (0x5f) sorts before letters.
        Assert.Equal(["_x", "Avail", "avail", "B", "class", "crtime", "snaptime"], sorted);
    }

    [Fact]
    public void Kstats_sort_by_module_then_numeric_instance_then_name()
    {
        KstatHeader H(string m, int i, string n) => new(m, i, n, "c", KstatType.Named, 0, 0);
        var headers = new[] { H("sd", 10, "sd10"), H("sd", 2, "sd2"), H("Cpu", 1, "sys"), H("cpu", 1, "intr"), H("cpu", -1, "z") };

        var keys = headers.Order(KstatOrder.Headers).Select(h => h.Key).ToArray();

        Assert.Equal(["cpu:-1:z", "cpu:1:intr", "Cpu:1:sys", "sd:2:sd2", "sd:10:sd10"], keys);
    }

    [Fact]
    public void Kstats_equal_but_for_case_sort_with_the_later_chain_entry_first_as_kstat1s_insertion_sort_leaves_them()
    {
        KstatHeader H(string m, string n, long kid) => new(m, 0, n, "c", KstatType.Named, 0, kid);
        var earlier = H("Foo", "bar", 3);
        var later = H("foo", "Bar", 8);

        Assert.Equal([later, earlier], new[] { earlier, later }.Order(KstatOrder.Headers));
        Assert.Equal([later, earlier], new[] { later, earlier }.Order(KstatOrder.Headers));
    }

    [Fact]
    public void The_writers_print_kstats_equal_but_for_case_in_kstat1s_order()
    {
        var chain = new Support.ScriptedChain("Foo:0:bar", "foo:0:Bar"); // kids 1 and 2: the lower-case one is later in the chain
        using var tree = new KstatTree(chain);
        var output = new StringWriter();

        KstatFormat.WriteParseable(output, tree);

        var keys = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l[..l.IndexOf(':', 6)]).Distinct();
        Assert.Equal(["foo:0:Bar", "Foo:0:bar"], keys);
    }

    [Fact]
    public void Keys_format_instances_in_the_invariant_culture()
    {
        Assert.Equal("cpu:-1:x", KstatHeader.FormatKey("cpu", -1, "x"));
    }
}
