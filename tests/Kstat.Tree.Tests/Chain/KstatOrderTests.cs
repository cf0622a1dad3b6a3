using Kstat.Tree;

namespace Kstat.Tree.Tests.Chain;

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
    public void Keys_format_instances_in_the_invariant_culture()
    {
        Assert.Equal("cpu:-1:x", KstatKey.Format("cpu", -1, "x"));
    }
}
