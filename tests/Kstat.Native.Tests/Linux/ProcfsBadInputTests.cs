using Kstat.Tree;

namespace Kstat.Native.Tests.Linux;

/// <summary>Missing, unreadable and malformed files drop or fail only the kstats that need them, and say where.</summary>
public class ProcfsBadInputTests
{
    [Fact]
    public void A_malformed_line_fails_the_first_read_with_file_line_and_column()
    {
        using var machine = new TempFixture(ProcfsFixtures.Live);
        var lines = File.ReadAllLines(machine.Proc("stat"));
        lines[2] = "cpu1 16135 0 lots 43946 310 0 13 18 0 0";
        File.WriteAllLines(machine.Proc("stat"), lines);
        using var ks = new KstatTree(ProcfsFixtures.Open(machine.Directory));

        var e = Assert.Throws<KstatFormatException>(() => ks["cpu_stat"][1]["cpu_stat1"]["user"]);

        Assert.Equal(machine.Proc("stat"), e.SourceName);
        Assert.Equal(3, e.Line);
        Assert.Equal(14, e.Column);
        Assert.Contains("'lots'", e.Message, StringComparison.Ordinal);
        KstatAssert.Same(KstatValue.FromUInt32(15454), ks["cpu_stat"][0]["cpu_stat0"]["user"]); // cpu0's line is fine
    }

    [Fact]
    public void A_line_that_turns_malformed_shows_up_in_the_read_errors_of_update()
    {
        using var machine = new TempFixture(ProcfsFixtures.Live);
        using var ks = new KstatTree(ProcfsFixtures.Open(machine.Directory));
        var eth0 = ks["link"][0]["eth0"];
        _ = eth0["rbytes64"];
        File.WriteAllText(machine.Proc("net/dev"), File.ReadAllText(machine.Proc("net/dev")).Replace("eth0: 74672599    2838", "eth0: 74672599    28x8", StringComparison.Ordinal));

        var update = ks.Update();

        Assert.Equal(["link:0:eth0"], update.ReadErrors.Select(e => e.Key));
        var error = Assert.IsType<KstatFormatException>(update.ReadErrors[0].Exception);
        Assert.Equal(6, error.Line);
        KstatAssert.Same(KstatValue.FromUInt64(74672599), eth0["rbytes64"]); // the leaf keeps its values
    }

    [Fact]
    public void Missing_files_drop_only_the_kstats_built_on_them()
    {
        using var machine = new TempFixture(ProcfsFixtures.Live);
        File.Delete(machine.Proc("meminfo"));
        File.Delete(machine.Proc("cpuinfo"));
        File.Delete(machine.Proc("interrupts"));
        Directory.Delete(machine.Proc("spl"), recursive: true);
        using var ks = new KstatTree(ProcfsFixtures.Open(machine.Directory));

        Assert.False(ks["unix"][0].ContainsKey("system_pages"));
        Assert.False(ks.ContainsKey("cpu_info"));
        Assert.False(ks.ContainsKey("zfs"));
        Assert.True(ks["unix"][0].ContainsKey("system_misc"));
        var cpu0 = ks["cpu_stat"][0]["cpu_stat0"];
        KstatAssert.Same(KstatValue.FromUInt32(15454), cpu0["user"]);
        Assert.False(cpu0.ContainsKey("intr")); // /proc/interrupts only adds statistics
        Assert.True(ks["link"][0].ContainsKey("eth0"));
    }

    [Fact]
    public void An_unreadable_file_fails_only_its_kstats_and_an_unreadable_index_drops_them()
    {
        using var machine = new TempFixture(ProcfsFixtures.Live);
        var files = new RecordingFileSystem(machine.Directory, "proc/meminfo", "proc/diskstats");
        using var ks = new KstatTree(ProcfsFixtures.Open(machine.Directory, files));

        Assert.False(ks.ContainsKey("vd")); // the disk index could not be read: no disks, nothing else lost
        var e = Assert.Throws<KstatException>(() => ks["unix"][0]["system_pages"]["physmem"]);
        Assert.Contains("meminfo", e.Message, StringComparison.Ordinal);
        Assert.IsType<UnauthorizedAccessException>(e.InnerException);
        KstatAssert.Same(KstatValue.FromUInt32(2), ks["unix"][0]["system_misc"]["ncpus"]);
    }

    [Fact]
    public void A_vanished_device_is_not_found_until_the_chain_is_updated()
    {
        using var machine = new TempFixture(ProcfsFixtures.Live);
        using var chain = ProcfsFixtures.Open(machine.Directory);
        var eth0 = chain.Headers.Single(h => h.Key == "link:0:eth0");
        File.WriteAllLines(machine.Proc("net/dev"), File.ReadAllLines(machine.Proc("net/dev")).Where(l => !l.Contains("eth0:", StringComparison.Ordinal)));

        var e = Assert.Throws<KstatNotFoundException>(() => chain.Read(eth0));
        Assert.Equal("link:0:eth0", e.Key);
    }

    [Fact]
    public void An_spl_file_of_another_type_than_its_name_suggests_fails_with_its_header_line()
    {
        using var machine = new TempFixture(ProcfsFixtures.Live);
        File.WriteAllText(machine.Proc("spl/kstat/zfs/fm"), "3 0 0x01 1 100 1 2\nraw data\n000: 00 01\n");
        using var ks = new KstatTree(ProcfsFixtures.Open(machine.Directory));

        var e = Assert.Throws<KstatFormatException>(() => ks["zfs"][0]["fm"].Count);
        Assert.Equal(1, e.Line);
        Assert.Equal(3, e.Column);
    }
}
