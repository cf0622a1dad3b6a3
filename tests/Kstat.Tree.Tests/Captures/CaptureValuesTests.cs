using Kstat.Tree;
using Kstat.Tree.Tests.Support;

namespace Kstat.Tree.Tests.Captures;

/// <summary>Values from the real captures, checked exactly: kinds, times to the nanosecond, text verbatim.</summary>
public class CaptureValuesTests
{
    [Fact]
    public void An_unsigned_minus_one_is_a_UInt64_and_a_signed_one_an_Int64()
    {
        using var solaris114 = KstatTree.Load(CaptureFiles.PathOf("solaris11-vmware-cpu_info-plain.txt"));
        var pgId = solaris114["cpu_info"][0]["cpu_info0"]["pg_id"];
        Assert.Equal(KstatValueKind.UInt64, pgId.Kind);
        Assert.Equal(ulong.MaxValue, (ulong)pgId);

        using var older = KstatTree.Load(CaptureFiles.PathOf("solaris-i86pc-corei5-cpu_info-plain.txt"));
        var minusOne = older["cpu_info"][0]["cpu_info0"]["pg_id"];
        Assert.Equal(KstatValueKind.Int64, minusOne.Kind);
        Assert.Equal(-1L, (long)minusOne);
    }

    [Fact]
    public void Integers_take_the_narrowest_kind_that_holds_them()
    {
        using var tree = KstatTree.Load(CaptureFiles.PathOf("solaris-sparc64-vii-sun4u-cpu_info-plain.txt"));
        var leaf = tree["cpu_info"][0]["cpu_info0"];
        Assert.Equal(KstatValueKind.Int32, leaf["clock_MHz"].Kind);
        Assert.Equal(2520L, (long)leaf["clock_MHz"]);
        Assert.Equal(KstatValueKind.UInt32, leaf["current_clock_Hz"].Kind);
        Assert.Equal(2520000000UL, (ulong)leaf["current_clock_Hz"]);
        Assert.Equal(KstatValueKind.Int64, leaf["device_ID"].Kind);
        Assert.Equal(175931055444225L, (long)leaf["device_ID"]);
    }

    [Fact]
    public void Times_are_exact_nanoseconds_from_their_decimal_text()
    {
        using var perl = KstatTree.Load(CaptureFiles.PathOf("solaris-sparc64-vii-sun4u-cpu_info-plain.txt"));
        var leaf = perl["cpu_info"][0]["cpu_info0"];
        KstatAssert.Same(KstatValue.HrTime(92_541_850_500), leaf["crtime"]);
        KstatAssert.Same(KstatValue.HrTime(15_277_456_966_036_100), leaf["snaptime"]);
        Assert.Equal(92_541_850_500L, leaf.CrTime);

        using var opteron = KstatTree.Load(CaptureFiles.PathOf("solaris-x86-opteron-cpu_info-plain.txt"));
        Assert.Equal(1_964_970_249_199_150L, opteron["cpu_info"][0]["cpu_info0"].GetReading().SnapTime);

        using var illumos = KstatTree.Load(CaptureFiles.PathOf("openindiana-ryzen7-cpu_info-plain-pycpuinfo.txt"));
        Assert.Equal(22_539_390_752L, illumos["cpu_info"][0]["cpu_info0"].CrTime);

        using var pages = KstatTree.Load(CaptureFiles.PathOf("solaris11-vmware-system_pages-plain.txt"));
        var systemPages = pages["unix"][0]["system_pages"];
        KstatAssert.Same(KstatValue.HrTime(0), systemPages["crtime"]);
        Assert.Equal("pages", systemPages.Class);
        Assert.Equal(28_502_922_899_640L, systemPages.GetReading().SnapTime);

        using var expanded = KstatTree.Load(CaptureFiles.PathOf("smartos-system_pages-p-tabs-expanded.txt"));
        var smartos = expanded["unix"][0]["system_pages"];
        Assert.Equal(116_119_852_300L, smartos.CrTime);
        Assert.Equal(314_313_324_846_100L, smartos.GetReading().SnapTime);
        Assert.Equal(string.Empty, smartos.Class); // that capture has no class line
    }

    [Theory]
    [InlineData("23312660.5754132", 23_312_660_575_413_200L)]
    [InlineData("0", 0L)]
    [InlineData("71.231448016", 71_231_448_016L)]
    [InlineData("8464.831754210", 8_464_831_754_210L)]
    [InlineData("12444687.9690404", 12_444_687_969_040_400L)]
    [InlineData("0.0000000015", 2L)]
    public void A_time_is_parsed_without_a_double_on_the_way(string text, long nanoseconds)
    {
        using var chain = SnapshotChain.Parse($"m:0:n:crtime\t{text}\nm:0:n:snaptime\t{text}\nm:0:n:x\t1\n");
        Assert.Equal(nanoseconds, chain.Headers[0].CrTime);
        Assert.Equal(nanoseconds, chain.Read(chain.Headers[0]).SnapTime);
    }

    [Fact]
    public void Text_is_kept_verbatim()
    {
        using var corei5 = KstatTree.Load(CaptureFiles.PathOf("solaris-i86pc-corei5-cpu_info-plain.txt"));
        Assert.Equal("Intel(r) Core(tm) i5 CPU       M 450  @ 2.40GHz", (string)corei5["cpu_info"][0]["cpu_info0"]["brand"]);
        Assert.Equal("i387 compatible", (string)corei5["cpu_info"][0]["cpu_info0"]["fpu_type"]);

        using var sparc = KstatTree.Load(CaptureFiles.PathOf("solaris-sparc64-vii-sun4u-cpu_info-plain.txt"));
        Assert.Equal("hc:///component=/MBU_A", (string)sparc["cpu_info"][0]["cpu_info0"]["cpu_fru"]);
        Assert.Equal("SPARC64-VII (portid 1024 impl 0x7 ver 0x91 clock 2520 MHz)", (string)sparc["cpu_info"][0]["cpu_info0"]["implementation"]);

        using var opteron = KstatTree.Load(CaptureFiles.PathOf("solaris-x86-opteron-cpu_info-plain.txt"));
        Assert.Equal("1200000000:1400000000:1700000000:2000000000:2300000000", (string)opteron["cpu_info"][0]["cpu_info0"]["supported_frequencies_Hz"]);

        using var xeon = KstatTree.Load(CaptureFiles.PathOf("solaris11-x86-xeon-cpu_info-plain.txt"));
        var leaf = xeon["cpu_info"][0]["cpu_info0"];
        KstatAssert.Same(KstatValue.FromString("null"), leaf["pstates_count"]);
        Assert.Equal("1908299:1908300", (string)leaf["cstates_count"]);
        Assert.Equal("Unknown", (string)leaf["socket_type"]);

        using var expanded = KstatTree.Load(CaptureFiles.PathOf("solaris-x86-16cpu-cpu_info-p-ohai-tabs-expanded.txt"));
        Assert.Equal("Crazy(r) Argon(r) CPU           Y5570  @ 1.93GHz", (string)expanded["cpu_info"][0]["cpu_info0"]["brand"]);
        Assert.Equal("off-line", (string)expanded["cpu_info"][0]["cpu_info0"]["state"]);
        Assert.Equal(93, (long)expanded["cpu_info"][2]["cpu_info2"]["model"]); // its line has a trailing blank
    }

    [Fact]
    public void Names_with_spaces_empty_values_and_char_overruns_come_through()
    {
        const string text =
            "module: sderr                           instance: 0     \n" +
            "name:   sd0,err                         class:    device_error\n" +
            "\tcrtime                          74.1235\n" +
            "\tDevice Not Ready                0\n" +
            "\tProduct                         VMware IDE CDR00Revision\n" +
            "\tSerial No                       \n" +
            "\tSize                            0\n" +
            "\tsnaptime                        8464.9\n" +
            "\n";
        using var tree = KstatTree.Parse(text);
        var leaf = tree["sderr"][0]["sd0,err"];
        Assert.Equal("VMware IDE CDR00Revision", (string)leaf["Product"]);
        Assert.Equal(string.Empty, (string)leaf["Serial No"]);
        Assert.Equal(0, (long)leaf["Device Not Ready"]);
        Assert.Equal("device_error", leaf.Class);
        Assert.Equal(KstatType.Named, leaf.Type);
        Assert.Equal(4, leaf.GetReading().Count);
    }

    [Fact]
    public void Eight_space_indents_and_trimmed_padding_read_like_tabs()
    {
        const string tabs = "module: m                               instance: 0     \nname:   n                               class:    c\n\tSerial No                       \n\ta b                             x  y\n";
        string spaces = tabs.Replace("\t", "        ").Replace("Serial No                       \n", "Serial No\n");
        using var a = KstatTree.Parse(tabs);
        using var b = KstatTree.Parse(spaces);
        SnapshotAssert.SameTree(a, b);
        Assert.Equal("x  y", (string)b["m"][0]["n"]["a b"]);
    }

    [Fact]
    public void The_cpu_stat_capture_is_typed_as_the_raw_kstat_it_came_from()
    {
        using var tree = KstatTree.Load(CaptureFiles.PathOf("smartos-32cpu-cpu_stat-idle-kernel-user-p-tabs-expanded.txt"));
        Assert.Equal(Enumerable.Range(0, 32), tree["cpu_stat"].Keys.Order());
        var cpu0 = tree["cpu_stat"][0]["cpu_stat0"];
        Assert.Equal(KstatType.Raw, cpu0.Type);
        Assert.Equal(KstatValueKind.UInt32, cpu0["idle"].Kind); // cpu_stat fields are uint_t, whatever their size
        Assert.Equal(KstatValueKind.UInt32, cpu0["kernel_asflt"].Kind);
        Assert.Equal(2325343762UL, (ulong)cpu0["idle"]);
    }
}
