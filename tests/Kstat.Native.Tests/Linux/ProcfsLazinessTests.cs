using Kstat.Tree;

namespace Kstat.Native.Tests.Linux;

/// <summary>The chain reads only its index files; a leaf reads only the files its kstat needs, when it is read.</summary>
public class ProcfsLazinessTests
{
    private static readonly string[] IndexFiles = ["proc/stat", "proc/diskstats", "proc/net/dev"];

    [Fact]
    public void Building_the_tree_opens_only_the_index_files()
    {
        var files = new RecordingFileSystem(ProcfsFixtures.PathOf(ProcfsFixtures.Live));
        using var ks = new KstatTree(ProcfsFixtures.Open(ProcfsFixtures.PathOf(ProcfsFixtures.Live), files));
        _ = ks["cpu_info"][0]["cpu_info0"].Class; // class and crtime come from the header

        Assert.Equal(IndexFiles.Order(), files.TakeOpened().Order());
    }

    [Fact]
    public void Reading_a_leaf_opens_only_what_its_kstat_needs()
    {
        var files = new RecordingFileSystem(ProcfsFixtures.PathOf(ProcfsFixtures.Live));
        using var ks = new KstatTree(ProcfsFixtures.Open(ProcfsFixtures.PathOf(ProcfsFixtures.Live), files));
        files.TakeOpened();

        _ = ks["cpu_stat"][0]["cpu_stat0"]["user"];
        Assert.Equal(["proc/stat", "proc/interrupts"], files.TakeOpened());
        _ = ks["cpu_stat"][0]["cpu_stat0"]["idle"]; // the values stay until Update
        Assert.Empty(files.TakeOpened());
        _ = ks["zfs"][0]["arcstats"]["hits"];
        Assert.Equal(["proc/spl/kstat/zfs/arcstats"], files.TakeOpened());
        _ = ks["unix"][0]["system_pages"]["physmem"];
        Assert.Equal(["proc/meminfo"], files.TakeOpened());
        _ = ks["link"][0]["eth0"]["rbytes64"];
        Assert.Equal(["proc/net/dev", "sys/class/net/eth0/speed"], files.TakeOpened());
    }

    [Fact]
    public void Update_re_reads_only_the_leaves_that_were_read()
    {
        var files = new RecordingFileSystem(ProcfsFixtures.PathOf(ProcfsFixtures.Live));
        using var ks = new KstatTree(ProcfsFixtures.Open(ProcfsFixtures.PathOf(ProcfsFixtures.Live), files));
        _ = ks["link"][0]["eth0"]["rbytes64"];
        files.TakeOpened();

        ks.Update();

        Assert.Equal(IndexFiles.Append("proc/net/dev").Append("sys/class/net/eth0/speed").Order(), files.TakeOpened().Order());
    }
}
