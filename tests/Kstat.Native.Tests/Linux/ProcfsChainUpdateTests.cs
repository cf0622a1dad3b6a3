using Kstat.Tree;

namespace Kstat.Native.Tests.Linux;

/// <summary>CPUs, interfaces and disks appearing and vanishing between two states of a machine.</summary>
public class ProcfsChainUpdateTests
{
    [Fact]
    public void Update_without_a_change_keeps_the_chain_id_and_the_kids()
    {
        using var machine = new TempFixture(ProcfsFixtures.Live);
        using var chain = ProcfsFixtures.Open(machine.Directory);
        long id = chain.ChainId;
        var kids = chain.Headers.Select(h => h.Kid).ToArray();

        Assert.False(chain.Update());
        Assert.Equal(id, chain.ChainId);
        Assert.Equal(kids, chain.Headers.Select(h => h.Kid));
    }

    [Fact]
    public void Hot_plug_reports_the_added_and_removed_cpu_interface_and_disks()
    {
        using var machine = new TempFixture(ProcfsFixtures.Live);
        using var ks = new KstatTree(ProcfsFixtures.Open(machine.Directory));
        long id = ks.Chain.ChainId;
        _ = ks["cpu_stat"][0]["cpu_stat0"]["user"];

        machine.CopyFrom(ProcfsFixtures.Hotplug);
        var update = ks.Update();

        Assert.True(update.Changed);
        Assert.NotEqual(id, ks.Chain.ChainId);
        Assert.Equal(
            ["cpu:2:sys", "cpu_info:2:cpu_info2", "cpu_stat:2:cpu_stat2", "link:0:veth0", "sd:1:sdb", "sd:1:sdb1"],
            update.Added.ToArray());
        Assert.Equal(["link:0:ifb1", "loop:7:loop7"], update.Removed.ToArray());
        Assert.Empty(update.Replaced);
        Assert.Empty(update.ReadErrors.ToArray());
        KstatAssert.Same(KstatValue.FromUInt32(15454), ks["cpu_stat"][0]["cpu_stat0"]["user"]);
        KstatAssert.Same(KstatValue.FromUInt32(100 + 5), ks["cpu_stat"][2]["cpu_stat2"]["user"]); // cpu2 100 5 40 900 7 2 3
        KstatAssert.Same(KstatValue.FromUInt32(40 + 2 + 3), ks["cpu_stat"][2]["cpu_stat2"]["kernel"]);
        Assert.Equal("partition", ks["sd"][1]["sdb1"].Class);
        KstatAssert.Same(KstatValue.FromUInt64(64 * 512), ks["sd"][1]["sdb1"]["nwritten"]);
        KstatAssert.Same(KstatValue.FromUInt32(3), ks["unix"][0]["system_misc"]["ncpus"]);
    }

    [Fact]
    public void A_kstat_that_vanishes_and_comes_back_is_a_new_kstat()
    {
        using var machine = new TempFixture(ProcfsFixtures.Live);
        using var chain = ProcfsFixtures.Open(machine.Directory);
        var before = chain.Headers.Single(h => h.Key == "link:0:ifb1");

        machine.CopyFrom(ProcfsFixtures.Hotplug);
        Assert.True(chain.Update());
        Assert.DoesNotContain(chain.Headers, h => h.Key == "link:0:ifb1");
        Assert.Throws<KstatNotFoundException>(() => chain.Read(before));

        machine.CopyFrom(ProcfsFixtures.Live);
        Assert.True(chain.Update());
        var after = chain.Headers.Single(h => h.Key == "link:0:ifb1");
        Assert.NotEqual(before.Kid, after.Kid);
        Assert.True(after.CrTime > before.CrTime);
    }

    [Fact]
    public void Kstats_present_when_the_chain_opens_have_crtime_0_so_two_runs_agree()
    {
        long late = 5_000_000_000;
        using var first = ProcfsFixtures.Open(ProcfsFixtures.PathOf(ProcfsFixtures.Live));
        using var second = ProcfsFixtures.Open(ProcfsFixtures.PathOf(ProcfsFixtures.Live), clock: () => late += 1_000); // a later run

        Assert.All(first.Headers, h => Assert.Equal(0, h.CrTime));
        Assert.Equal(first.Headers.Select(h => (h.Key, h.CrTime)), second.Headers.Select(h => (h.Key, h.CrTime)));
        using var ks = new KstatTree(first);
        KstatAssert.Same(KstatValue.HrTime(0), ks["link"][0]["eth0"]["crtime"]);
    }

    [Fact]
    public void A_kstat_that_appears_later_has_the_monotonic_time_of_the_update_that_saw_it_as_crtime()
    {
        long now = 7_000_000_000;
        using var machine = new TempFixture(ProcfsFixtures.Live);
        using var chain = ProcfsFixtures.Open(machine.Directory, clock: () => now);

        machine.CopyFrom(ProcfsFixtures.Hotplug);
        now = 9_000_000_000;
        chain.Update();

        Assert.Equal(9_000_000_000, chain.Headers.Single(h => h.Key == "link:0:veth0").CrTime);
        Assert.Equal(0, chain.Headers.Single(h => h.Key == "link:0:eth0").CrTime); // still the kstat the chain opened with
    }

    [Fact]
    public void A_cpu_that_goes_off_line_loses_its_tick_kstats_and_keeps_cpu_info()
    {
        using var machine = new TempFixture(ProcfsFixtures.Live);
        using var ks = new KstatTree(ProcfsFixtures.Open(machine.Directory));
        File.WriteAllLines(machine.Proc("stat"), File.ReadAllLines(machine.Proc("stat")).Where(l => !l.StartsWith("cpu1 ", StringComparison.Ordinal)));
        File.WriteAllText(Path.Combine(machine.Directory, "sys/devices/system/cpu/cpu1/online"), "0\n");
        var cpuinfo = File.ReadAllText(machine.Proc("cpuinfo"));
        File.WriteAllText(machine.Proc("cpuinfo"), cpuinfo[..cpuinfo.IndexOf("processor\t: 1", StringComparison.Ordinal)]);

        var (added, removed) = ks.Update();

        Assert.Empty(added);
        Assert.Equal(["cpu:1:sys", "cpu_stat:1:cpu_stat1"], removed.ToArray());
        var info = ks["cpu_info"][1]["cpu_info1"];
        Assert.Equal("off-line", info["state"].ToString());
        Assert.False(info.ContainsKey("brand")); // an off-line CPU has no cpuinfo block: absent, not invented
        KstatAssert.Same(KstatValue.FromInt64(1), info["core_id"]); // sysfs topology still says
    }
}
