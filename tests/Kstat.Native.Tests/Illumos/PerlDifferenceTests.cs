using Kstat.Native.Tests.Support;
using Kstat.Tree;
using static Interop.Kstat;
using D = Kstat.Native.Tests.Support.KstatDouble;

namespace Kstat.Native.Tests.Illumos;

/// <summary>The differences from Perl's module that README's "Deliberate differences from Perl" lists, through libkstat (the double).</summary>
public class PerlDifferenceTests : DoubleTest
{
    [Fact]
    public void Float_and_double_statistics_are_kept()
    {
        int kid = D.Add("test", 0, "floats", KstatType.Named);
        D.Named(kid, "f", KSTAT_DATA_FLOAT, BitConverter.SingleToUInt32Bits(0.75f));
        D.Named(kid, "d", KSTAT_DATA_DOUBLE, BitConverter.DoubleToUInt64Bits(-2.25));
        using var tree = new KstatTree(Open());

        var leaf = tree["test"][0]["floats"];

        Assert.Equal(0.75, (double)leaf["f"]);
        Assert.Equal(-2.25, (double)leaf["d"]);
    }

    [Fact]
    public void Instance_int_min_is_exact()
    {
        int kid = D.Add("edge", int.MinValue, "lowest", KstatType.Named);
        D.Named(kid, "value", KSTAT_DATA_UINT32, 7);
        using var tree = new KstatTree(Open());

        var leaf = tree["edge"][int.MinValue]["lowest"];

        Assert.Equal("edge:-2147483648:lowest", leaf.Key);
        Assert.Equal(7, (int)leaf["value"]);
        Assert.Equal([int.MinValue], tree["edge"].Keys);
    }

    [Fact]
    public void A_raw_kstat_whose_module_ends_in_a_digit_is_decoded()
    {
        int kid = D.Add("cpu_stat1", 0, "cpu_stat0", KstatType.Raw);
        Assert.Equal(0, D.kd_raw_shape(kid, "cpu_stat"));
        Assert.Equal(0, D.kd_raw_set(kid, "user", 42, null));
        using var tree = new KstatTree(Open());

        Assert.Equal(42u, (uint)tree["cpu_stat1"][0]["cpu_stat0"]["user"]);
    }

    [Fact]
    public void With_stripping_a_char_array_without_a_nul_stops_at_its_16_bytes()
    {
        int kid = D.Add("cpu_info", 0, "cpu_info0", KstatType.Named);
        D.kd_named_add(kid, "vendor_id", KSTAT_DATA_CHAR);
        D.kd_named_set_char(kid, "vendor_id", "0123456789abcdef"u8.ToArray(), 16);
        using var tree = new KstatTree(Open());

        var vendor = tree["cpu_info"][0]["cpu_info0"]["vendor_id"];

        Assert.Equal("0123456789abcdef", vendor.ToString());
        Assert.Equal("0123456789abcdef", (string)vendor);
        Assert.True(vendor == "0123456789abcdef");
    }
}
