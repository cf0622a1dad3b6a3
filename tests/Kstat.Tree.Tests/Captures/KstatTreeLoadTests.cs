using Kstat.Tree;
using Kstat.Tree.Tests.Support;

namespace Kstat.Tree.Tests.Captures;

/// <summary>The README's three lines: load a capture, index into it, print.</summary>
public class KstatTreeLoadTests
{
    [Fact]
    public void A_capture_loads_in_one_line()
    {
        using var ks = KstatTree.Load(CaptureFiles.PathOf("openindiana-ryzen7-cpu_info-plain-pycpuinfo.txt"));
        var cpu0 = ks["cpu_info"][0]["cpu_info0"];
        string line = $"{cpu0["brand"]} at {(long)cpu0["clock_MHz"]} MHz, up {(double)cpu0["snaptime"]:F0} s";

        Assert.Equal("AMD Ryzen 7 2700X Eight-Core Processor at 3693 MHz, up 121 s", line);
        Assert.IsType<SnapshotChain>(ks.Chain);
        Assert.Equal("misc", cpu0.Class);
        KstatAssert.Same(KstatValue.HrTime(22_539_390_752), cpu0["crtime"]);
    }

    [Fact]
    public void A_format_can_be_forced_and_options_pass_through()
    {
        using var ks = KstatTree.Load(CaptureFiles.PathOf("smartos-system_pages-p-tabs-expanded.txt"), SnapshotFormat.Parseable, new KstatTreeOptions { StripStrings = false });
        Assert.False(ks.Options.StripStrings);
        Assert.Equal(70121, (long)ks["unix"][0]["system_pages"]["availrmem"]);
    }
}
