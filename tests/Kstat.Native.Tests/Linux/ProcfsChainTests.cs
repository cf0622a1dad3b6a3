using Kstat.Tree;

namespace Kstat.Native.Tests.Linux;

/// <summary>The illumos kstats read from the live-2cpu fixture; every expected value was worked out by hand from the fixture files.</summary>
public class ProcfsChainTests
{
    private static KstatTree Tree() => new(ProcfsFixtures.Open(ProcfsFixtures.PathOf(ProcfsFixtures.Live)));

    [Fact]
    public void The_chain_lists_the_illumos_kstats_of_the_machine()
    {
        using var chain = ProcfsFixtures.Open(ProcfsFixtures.PathOf(ProcfsFixtures.Live));
        var keys = chain.Headers.Select(h => h.Key).ToHashSet();

        string[] expected =
        [
            "unix:0:system_misc", "unix:0:system_pages", "cpu_info:0:cpu_info0", "cpu_info:1:cpu_info1",
            "cpu:0:sys", "cpu:1:sys", "cpu_stat:0:cpu_stat0", "cpu_stat:1:cpu_stat1",
            "vd:0:vda", "loop:0:loop0", "loop:7:loop7", "zram:0:zram0",
            "link:0:lo", "link:0:eth0", "link:0:ifb0", "link:0:ifb1",
            "zfs:0:arcstats", "zfs/tank:0:io",
        ];
        Assert.All(expected, k => Assert.Contains(k, keys));
        Assert.DoesNotContain("zfs/tank:0:txgs", keys); // text-only raw SPL kstat: no decoder, left out as Perl does
        Assert.Equal(keys.Count, chain.Headers.Select(h => h.Kid).Distinct().Count());
    }

    [Fact]
    public void Headers_have_the_illumos_class_and_type()
    {
        using var chain = ProcfsFixtures.Open(ProcfsFixtures.PathOf(ProcfsFixtures.Live));
        var h = chain.Headers.ToDictionary(x => x.Key);

        Assert.Equal(("misc", KstatType.Raw), (h["cpu_stat:0:cpu_stat0"].Class, h["cpu_stat:0:cpu_stat0"].Type));
        Assert.Equal(("misc", KstatType.Named), (h["cpu:1:sys"].Class, h["cpu:1:sys"].Type));
        Assert.Equal(("pages", KstatType.Named), (h["unix:0:system_pages"].Class, h["unix:0:system_pages"].Type));
        Assert.Equal(("net", KstatType.Named), (h["link:0:eth0"].Class, h["link:0:eth0"].Type));
        Assert.Equal(("disk", KstatType.Io), (h["vd:0:vda"].Class, h["vd:0:vda"].Type));
        Assert.Equal(("disk", KstatType.Io), (h["zfs/tank:0:io"].Class, h["zfs/tank:0:io"].Type));
    }

    [Fact]
    public void Cpu_stat_gives_user_kernel_wait_idle_ticks_as_illumos_folds_them()
    {
        using var ks = Tree();
        // cpu0 15454 0 1397 44935 21 0 8 17 0 0: user+nice, system+irq+softirq, iowait, idle.
        var cpu0 = ks["cpu_stat"][0]["cpu_stat0"];
        KstatAssert.Same(KstatValue.FromUInt32(15454), cpu0["user"]);
        KstatAssert.Same(KstatValue.FromUInt32(1397 + 0 + 8), cpu0["kernel"]);
        KstatAssert.Same(KstatValue.FromUInt32(21), cpu0["wait"]);
        KstatAssert.Same(KstatValue.FromUInt32(44935), cpu0["idle"]);

        // cpu1 16135 0 1441 43946 310 0 13 18 0 0
        var cpu1 = ks["cpu_stat"][1]["cpu_stat1"];
        Assert.Equal(16135u, (ulong)cpu1["user"]);
        Assert.Equal(1441u + 13u, (ulong)cpu1["kernel"]);
        Assert.Equal(310u, (ulong)cpu1["wait"]);
    }

    [Fact]
    public void Cpu_stat_counts_interrupts_and_cross_calls_per_cpu_from_proc_interrupts()
    {
        using var ks = Tree();
        var cpu0 = ks["cpu_stat"][0]["cpu_stat0"];
        KstatAssert.Same(KstatValue.FromUInt32(76435), cpu0["xcalls"]); // CAL: 76435 82987
        KstatAssert.Same(KstatValue.FromUInt32(208517), cpu0["intr"]); // the CPU0 column summed (cross-checked with awk)
        Assert.Equal(230228u, (ulong)ks["cpu_stat"][1]["cpu_stat1"]["intr"]);
        Assert.False(cpu0.ContainsKey("syscall")); // Linux has no per-CPU syscall count: absent, not 0
        Assert.False(cpu0.ContainsKey("pswitch"));
    }

    [Fact]
    public void Cpu_sys_gives_ticks_and_nanoseconds_at_user_hz_100()
    {
        using var ks = Tree();
        var sys = ks["cpu"][0]["sys"];
        KstatAssert.Same(KstatValue.FromUInt64(15454), sys["cpu_ticks_user"]);
        KstatAssert.Same(KstatValue.FromUInt64(1405), sys["cpu_ticks_kernel"]);
        KstatAssert.Same(KstatValue.FromUInt64(15454UL * 10_000_000), sys["cpu_nsec_user"]);
        KstatAssert.Same(KstatValue.FromUInt64(1405UL * 10_000_000), sys["cpu_nsec_kernel"]);
        KstatAssert.Same(KstatValue.FromUInt64(44935UL * 10_000_000), sys["cpu_nsec_idle"]);
        KstatAssert.Same(KstatValue.FromUInt64(21UL * 10_000_000), sys["cpu_nsec_wait"]);
        KstatAssert.Same(KstatValue.FromUInt64(8UL * 10_000_000), sys["cpu_nsec_intr"]); // irq 0 + softirq 8
    }

    [Fact]
    public void Cpu_info_comes_from_cpuinfo_and_sysfs()
    {
        using var ks = Tree();
        var info = ks["cpu_info"][1]["cpu_info1"];
        Assert.Equal("AMD EPYC", (string)info["brand"]);
        Assert.Equal("AuthenticAMD", (string)info["vendor_id"]);
        KstatAssert.Same(KstatValue.FromInt32(26), info["family"]);
        KstatAssert.Same(KstatValue.FromInt32(2), info["model"]);
        KstatAssert.Same(KstatValue.FromInt32(1), info["stepping"]);
        KstatAssert.Same(KstatValue.FromInt64(2600), info["clock_MHz"]); // 2599.998 rounded
        KstatAssert.Same(KstatValue.FromInt64(0), info["chip_id"]);
        KstatAssert.Same(KstatValue.FromInt64(1), info["core_id"]); // sysfs cpu1/topology/core_id
        KstatAssert.Same(KstatValue.FromInt32(2), info["ncore_per_chip"]);
        Assert.Equal("on-line", info["state"].ToString());
        Assert.Equal("on-line", ks["cpu_info"][0]["cpu_info0"]["state"].ToString()); // cpu0 has no 'online' file
    }

    [Fact]
    public void System_misc_scales_load_by_256_and_counts_ticks_at_100_hz()
    {
        using var ks = Tree();
        var misc = ks["unix"][0]["system_misc"];
        KstatAssert.Same(KstatValue.FromUInt32(2), misc["ncpus"]);
        KstatAssert.Same(KstatValue.FromUInt32(61972), misc["lbolt"]); // uptime 619.72 s
        KstatAssert.Same(KstatValue.FromUInt32(61972), misc["clk_intr"]);
        KstatAssert.Same(KstatValue.FromUInt32(3), misc["nproc"]); // process directories 1, 42, 137
        KstatAssert.Same(KstatValue.FromUInt32(3422), misc["avenrun_1min"]); // 13.37 × 256 = 3422.72
        KstatAssert.Same(KstatValue.FromUInt32(1239), misc["avenrun_5min"]); // 4.84 × 256 = 1239.04
        KstatAssert.Same(KstatValue.FromUInt32(458), misc["avenrun_15min"]); // 1.79 × 256 = 458.24
        KstatAssert.Same(KstatValue.FromUInt32(1795295156), misc["boot_time"]);
        KstatAssert.Same(KstatValue.FromUInt32(10_000_000), misc["nsec_per_tick"]);
    }

    [Fact]
    public void System_pages_counts_pages_of_the_page_size()
    {
        using var ks = Tree();
        var pages = ks["unix"][0]["system_pages"];
        KstatAssert.Same(KstatValue.FromUInt64(24684096 / 4), pages["physmem"]); // kB / 4 = 4 KiB pages
        KstatAssert.Same(KstatValue.FromUInt64(24684096 / 4), pages["pagestotal"]);
        KstatAssert.Same(KstatValue.FromUInt64(23992384 / 4), pages["freemem"]); // MemAvailable
        KstatAssert.Same(KstatValue.FromUInt64(23992384 / 4), pages["pagesfree"]);
        KstatAssert.Same(KstatValue.FromUInt64((24684096 - (19540 + 26488 + 2716 + 6328)) / 4), pages["availrmem"]);
        Assert.Equal("pages", pages["class"].ToString());
    }

    [Fact]
    public void Link_gives_64_bit_counters_and_their_32_bit_twins()
    {
        using var ks = Tree();
        var eth0 = ks["link"][0]["eth0"];
        KstatAssert.Same(KstatValue.FromUInt64(74672599), eth0["rbytes64"]);
        KstatAssert.Same(KstatValue.FromUInt32(74672599), eth0["rbytes"]);
        KstatAssert.Same(KstatValue.FromUInt64(2838), eth0["ipackets64"]);
        KstatAssert.Same(KstatValue.FromUInt64(168222), eth0["obytes64"]);
        KstatAssert.Same(KstatValue.FromUInt64(1798), eth0["opackets64"]);
        KstatAssert.Same(KstatValue.FromUInt32(0), eth0["ierrors"]);
    }

    [Fact]
    public void Link_speed_is_in_bits_per_second_where_the_kernel_reports_a_positive_speed()
    {
        using var ks = Tree();

        KstatAssert.Same(KstatValue.FromUInt64(10_000UL * 1_000_000), ks["link"][0]["eth0"]["ifspeed"]); // speed: 10000 (Mb/s)
        Assert.False(ks["link"][0]["ifb1"].ContainsKey("ifspeed")); // speed: -1, a device without a speed
        Assert.False(ks["link"][0]["lo"].ContainsKey("ifspeed"));   // no speed file (the kernel refuses the read)
        Assert.Equal(["collisions", "ierrors", "ifspeed", "ipackets"], ks["link"][0]["eth0"].Keys.Take(4)); // kstat -p order
    }

    [Theory]
    [InlineData("0\n")]
    [InlineData("-1\n")]
    [InlineData(null)] // no file: the kernel refused the read (EINVAL for a link that is down)
    public void A_link_without_a_positive_speed_has_no_ifspeed_never_0(string? speed)
    {
        using var machine = new TempFixture(ProcfsFixtures.Live);
        string file = Path.Combine(machine.Directory, "sys/class/net/eth0/speed");
        if (speed is null)
        {
            File.Delete(file);
        }
        else
        {
            File.WriteAllText(file, speed);
        }

        using var ks = new KstatTree(ProcfsFixtures.Open(machine.Directory));

        var eth0 = ks["link"][0]["eth0"];

        Assert.False(eth0.ContainsKey("ifspeed"));
        KstatAssert.Same(KstatValue.FromUInt64(74672599), eth0["rbytes64"]);
    }

    [Theory]
    [InlineData("e\0th9")]
    [InlineData("..")]
    public void A_link_whose_name_no_kernel_gives_has_no_ifspeed_and_reads_no_other_file(string name)
    {
        // A damaged /proc/net/dev: the name would be a path component of class/net/<name>/speed.
        using var machine = new TempFixture(ProcfsFixtures.Live);
        string dev = Path.Combine(machine.Directory, "proc/net/dev");
        File.AppendAllText(dev, $"  {name}:     100       2    0    0    0     0          0         0      200       3    0    0    0     0       0          0\n");
        using var ks = new KstatTree(ProcfsFixtures.Open(machine.Directory));

        var link = ks["link"][0][name];

        Assert.False(link.ContainsKey("ifspeed"));
        KstatAssert.Same(KstatValue.FromUInt64(100), link["rbytes64"]);
    }

    [Fact]
    public void A_malformed_link_speed_fails_the_read_naming_the_file()
    {
        using var machine = new TempFixture(ProcfsFixtures.Live);
        File.WriteAllText(Path.Combine(machine.Directory, "sys/class/net/eth0/speed"), "fast\n");
        using var ks = new KstatTree(ProcfsFixtures.Open(machine.Directory));

        var e = Assert.Throws<KstatFormatException>(() => ks["link"][0]["eth0"]["rbytes64"]);

        Assert.EndsWith(Path.Combine("sys", "class", "net", "eth0", "speed"), e.SourceName);
    }

    [Fact]
    public void A_block_device_is_an_io_kstat_in_bytes_and_nanoseconds()
    {
        using var ks = Tree();
        // 254 0 vda 9588 4802 1523898 7661 4039 7575 860568 1495 0 4868 10040 ...
        var vda = ks["vd"][0]["vda"];
        KstatAssert.Same(KstatValue.FromUInt64(1523898UL * 512), vda["nread"]);
        KstatAssert.Same(KstatValue.FromUInt64(860568UL * 512), vda["nwritten"]);
        KstatAssert.Same(KstatValue.FromUInt32(9588), vda["reads"]);
        KstatAssert.Same(KstatValue.FromUInt32(4039), vda["writes"]);
        KstatAssert.Same(KstatValue.HrTime(4868L * 1_000_000), vda["rtime"]);
        KstatAssert.Same(KstatValue.HrTime(10040L * 1_000_000), vda["rlentime"]);
        KstatAssert.Same(KstatValue.FromUInt32(0), vda["rcnt"]);
        KstatAssert.Same(KstatValue.HrTime(0), vda["wtime"]); // Linux has one queue: the wait queue is 0
        KstatAssert.Same(KstatValue.FromUInt32(0), vda["wcnt"]);
        Assert.Equal(vda["snaptime"], vda["rlastupdate"]);
        Assert.Equal(
            ["nread", "nwritten", "reads", "writes", "wtime", "wlentime", "wlastupdate", "rtime", "rlentime", "rlastupdate", "wcnt", "rcnt"],
            vda.GetReading().Keys);
    }

    [Fact]
    public void Spl_kstats_are_read_as_the_types_they_declare()
    {
        using var ks = Tree();
        var arc = ks["zfs"][0]["arcstats"];
        KstatAssert.Same(KstatValue.FromUInt64(21546), arc["hits"]);
        KstatAssert.Same(KstatValue.FromUInt64(12637683712), arc["c_max"]);
        KstatAssert.Same(KstatValue.FromInt32(-1), arc["arc_no_grow"]);
        KstatAssert.Same(KstatValue.FromUInt32(7), arc["memory_throttle_count"]);
        Assert.Equal("healthy as can be", (string)arc["arc_state"]);
        Assert.Equal(185523306932063L, arc.SnapTime); // the SPL's own snaptime

        var io = ks["zfs/tank"][0]["io"];
        KstatAssert.Same(KstatValue.FromUInt64(1048576), io["nread"]);
        KstatAssert.Same(KstatValue.FromUInt32(20), io["writes"]);
        KstatAssert.Same(KstatValue.HrTime(800), io["rlastupdate"]);
        KstatAssert.Same(KstatValue.FromUInt32(1), io["rcnt"]);
    }

    [Fact]
    public void Read_of_a_header_the_chain_no_longer_has_throws_not_found()
    {
        using var chain = ProcfsFixtures.Open(ProcfsFixtures.PathOf(ProcfsFixtures.Live));
        var stale = chain.Headers[0] with { Kid = 999_999 };
        Assert.Throws<KstatNotFoundException>(() => chain.Read(stale));
    }
}
