using Kstat.Native.Tests.Support;
using Kstat.Tree;

namespace Kstat.Native.Tests.Illumos;

/// <summary>NAMED kstats with the same records share one schema per chain; any difference in names or types gets its own.</summary>
public class NamedShapeSharingTests : DoubleTest
{
    private const int Named = 1;
    private const int Uint64 = 4;
    private const int Int32 = 1;
    private const int Char = 0;

    [Fact]
    public void Kstats_with_the_same_records_share_one_schema_and_keep_their_own_values()
    {
        Add("e1000g", 0, ("ipackets", Uint64, 10UL), ("link_state", Int32, 1UL));
        Add("e1000g", 1, ("ipackets", Uint64, 20UL), ("link_state", Int32, 0UL));
        using var chain = Open();

        var first = chain.Read(HeaderOf(chain, "e1000g:0:mac"));
        var second = chain.Read(HeaderOf(chain, "e1000g:1:mac"));

        Assert.Same(first.Schema, second.Schema);
        KstatAssert.Same(KstatValue.FromUInt64(10), first["ipackets"]);
        KstatAssert.Same(KstatValue.FromUInt64(20), second["ipackets"]);
        KstatAssert.Same(KstatValue.FromInt32(1), first["link_state"]);
        KstatAssert.Same(KstatValue.FromInt32(0), second["link_state"]);
    }

    [Fact]
    public void A_different_type_or_name_gets_its_own_schema()
    {
        Add("e1000g", 0, ("ipackets", Uint64, 10UL));
        Add("e1000g", 1, ("ipackets", Int32, 10UL));
        Add("e1000g", 2, ("opackets", Uint64, 10UL));
        using var chain = Open();

        var schemas = new[] { "e1000g:0:mac", "e1000g:1:mac", "e1000g:2:mac" }
            .Select(key => chain.Read(HeaderOf(chain, key)))
            .ToArray();

        Assert.Equal(KstatValueKind.UInt64, schemas[0]["ipackets"].Kind);
        Assert.Equal(KstatValueKind.Int32, schemas[1]["ipackets"].Kind);
        Assert.True(schemas[2].ContainsKey("opackets"));
        Assert.NotSame(schemas[0].Schema, schemas[2].Schema);
    }

    [Fact]
    public void Shared_shapes_keep_each_kstats_char_values_apart()
    {
        int a = Add("ixgbe", 0, ("media", Char, 0UL));
        int b = Add("ixgbe", 1, ("media", Char, 0UL));
        Assert.Equal(0, KstatDouble.kd_named_set_char(a, "media", "10GbaseSR"u8.ToArray(), 9));
        Assert.Equal(0, KstatDouble.kd_named_set_char(b, "media", "1000baseT"u8.ToArray(), 9));
        using var tree = new KstatTree(Open());

        Assert.Equal("10GbaseSR", tree["ixgbe"][0]["mac"]["media"].ToString());
        Assert.Equal("1000baseT", tree["ixgbe"][1]["mac"]["media"].ToString());
        tree.Update();
        Assert.Equal("10GbaseSR", tree["ixgbe"][0]["mac"]["media"].ToString());
    }

    private static int Add(string module, int instance, params (string Name, int Type, ulong Bits)[] statistics)
    {
        int kid = KstatDouble.kd_add(module, instance, "mac", "net", Named, 1_000);
        Assert.True(kid > 0);
        foreach (var (name, type, bits) in statistics)
        {
            Assert.True(KstatDouble.kd_named_add(kid, name, type) >= 0);
            if (type != Char)
            {
                Assert.Equal(0, KstatDouble.kd_named_set(kid, name, bits));
            }
        }

        return kid;
    }
}
