namespace Kstat.Native.Tests.Linux;

public class DiskNamingTests
{
    [Theory]
    [InlineData("sda", "sd", 0)]
    [InlineData("sdb", "sd", 1)]
    [InlineData("sdz", "sd", 25)]
    [InlineData("sdaa", "sd", 26)]
    [InlineData("vda", "vd", 0)]
    [InlineData("xvdc", "xvd", 2)]
    [InlineData("nvme1n1", "nvme", 1)]
    [InlineData("loop3", "loop", 3)]
    [InlineData("dm-0", "dm", 0)]
    [InlineData("md127", "md", 127)]
    [InlineData("mmcblk0", "mmcblk", 0)]
    [InlineData("Weird_Name", "disk", 0)]
    [InlineData("sdaaaaaaa", "disk", 0)]         // seven letters: a damaged name, not a disk number
    [InlineData("sdA", "disk", 0)]               // the kernel's letters are lower case
    [InlineData("hdq", "hd", 16)]
    [InlineData("nvme99999999999n1", "disk", 0)] // a number past int: the generic name
    [InlineData("dm-", "disk", 0)]
    [InlineData("zram0", "zram", 0)]
    public void A_disk_gets_its_driver_prefix_and_the_kernels_number(string device, string module, int instance) =>
        Assert.Equal((module, instance), DiskNaming.ModuleAndInstance(device));

    [Fact]
    public void Partitions_take_their_disks_module_and_instance_and_class_partition()
    {
        var kstats = DiskNaming.Assign(["sdb", "sdb1", "nvme0n1", "nvme0n1p2", "loop1", "loop12", "mmcblk0", "mmcblk0p1"]);
        var byName = kstats.ToDictionary(k => k.Name, k => (k.Module, k.Instance, k.Class));

        Assert.Equal(("sd", 1, "disk"), byName["sdb"]);
        Assert.Equal(("sd", 1, "partition"), byName["sdb1"]);
        Assert.Equal(("nvme", 0, "partition"), byName["nvme0n1p2"]);
        Assert.Equal(("loop", 12, "disk"), byName["loop12"]); // loop1 + "2" is not a partition: loop names end in a digit
        Assert.Equal(("mmcblk", 0, "partition"), byName["mmcblk0p1"]);
    }
}
