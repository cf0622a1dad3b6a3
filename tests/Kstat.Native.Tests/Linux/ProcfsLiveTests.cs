using System.Globalization;
using Kstat.Tree;

namespace Kstat.Native.Tests.Linux;

/// <summary>Cross-checks against this machine's own /proc, read independently.</summary>
public class ProcfsLiveTests
{
    private static bool HasProc => OperatingSystem.IsLinux() && File.Exists("/proc/stat");

    [Fact]
    public void Cpu_stat_ticks_lie_between_two_independent_reads_of_proc_stat()
    {
        if (!HasProc)
        {
            return;
        }

        using var ks = new KstatTree(new ProcfsChain());
        var before = ReadProcStat();
        var leaves = ks["cpu_stat"].Values.SelectMany(i => i.Values).Select(l => (Leaf: l, Reading: l.GetReading())).ToList();
        var after = ReadProcStat();

        Assert.Equal(before.Keys.Order(), leaves.Select(l => l.Leaf.Instance).Order()); // every on-line CPU, no other
        foreach (var (leaf, reading) in leaves)
        {
            var b = before[leaf.Instance];
            var a = after[leaf.Instance];
            AssertBetween(b[0] + b[1], (ulong)reading["user"], a[0] + a[1]);
            AssertBetween(b[2] + b[5] + b[6], (ulong)reading["kernel"], a[2] + a[5] + a[6]);
            AssertBetween(b[3], (ulong)reading["idle"], a[3]);
            AssertBetween(b[4], (ulong)reading["wait"], a[4]);
        }
    }

    [Fact]
    public void NativeKstat_Open_on_linux_is_a_tree_over_proc()
    {
        if (!HasProc)
        {
            return;
        }

        using var ks = NativeKstat.Open();
        Assert.IsType<ProcfsChain>(ks.Chain);
        Assert.True(ks["unix"][0]["system_misc"]["ncpus"].ToUInt64() >= 1);
    }

    /// <summary>cpu_stat keeps 32-bit counters: compare modulo 2^32 so a machine up long enough to wrap still passes.</summary>
    private static void AssertBetween(ulong low, ulong value, ulong high) =>
        Assert.InRange(unchecked((uint)(value - low)), 0u, checked((uint)(high - low)));

    /// <summary>/proc/stat's per-CPU lines, split by hand here so the check does not share the chain's parser.</summary>
    private static Dictionary<int, ulong[]> ReadProcStat() =>
        File.ReadAllLines("/proc/stat")
            .Where(l => l.StartsWith("cpu", StringComparison.Ordinal) && char.IsAsciiDigit(l[3]))
            .Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .ToDictionary(
                f => int.Parse(f[0].AsSpan(3), CultureInfo.InvariantCulture),
                f => f.Skip(1).Select(x => ulong.Parse(x, CultureInfo.InvariantCulture)).ToArray());
}
