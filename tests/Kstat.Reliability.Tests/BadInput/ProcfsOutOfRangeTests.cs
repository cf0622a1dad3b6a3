using Kstat.Native;
using Kstat.Reliability.Tests.Support;
using Kstat.Tree;

namespace Kstat.Reliability.Tests.BadInput;

/// <summary>
/// The inputs the procfs mutation run found: numbers that parse but do not fit the statistic used to escape as
/// <see cref="OverflowException"/>; they must be a <see cref="KstatFormatException"/> naming file, line and column.
/// </summary>
public sealed class ProcfsOutOfRangeTests : IDisposable
{
    private readonly string _machine = Path.Combine(Path.GetTempPath(), "kstat-reliability-" + Guid.NewGuid().ToString("N"));

    public ProcfsOutOfRangeTests()
    {
        string from = Path.Combine(Paths.ProcfsFixtures, "live-2cpu");
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            string target = Path.Combine(_machine, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    [Theory]
    [InlineData("proc/loadavg", 1, "99999999999999999999999 4.84 1.79 8/172 14926", "99999999999999999999999", "unix:0:system_misc")]
    [InlineData("proc/uptime", 1, "99999999999999999999999.5 888.82", "99999999999999999999999.5", "unix:0:system_misc")]
    [InlineData("proc/cpuinfo", 3, "cpu family\t: 99999999999", "99999999999", "cpu_info:0:cpu_info0")]
    [InlineData("proc/cpuinfo", 8, "cpu MHz\t\t: 79228162514264337593543950335", "79228162514264337593543950335", "cpu_info:0:cpu_info0")]
    [InlineData("proc/meminfo", 1, "MemTotal:       18014398509481985 kB", "18014398509481985", "unix:0:system_pages")]
    [InlineData("proc/spl/kstat/zfs/arcstats", 3, "hits                            1    99999999999", "99999999999", "zfs:0:arcstats")]
    public void A_number_out_of_range_is_a_positioned_format_error(string file, int line, string text, string number, string key)
    {
        string path = Path.Combine(_machine, file);
        var lines = File.ReadAllLines(path);
        lines[line - 1] = text;
        File.WriteAllLines(path, lines);
        using var tree = new KstatTree(new ProcfsChain(Path.Combine(_machine, "proc"), Path.Combine(_machine, "sys")));
        var parts = key.Split(':');
        var leaf = tree[parts[0]][int.Parse(parts[1])][parts[2]];

        var e = Assert.Throws<KstatFormatException>(() => leaf.Count);

        Assert.Equal(path, e.SourceName);
        Assert.Equal((line, text.IndexOf(number, StringComparison.Ordinal) + 1), (e.Line, e.Column));
        Assert.Contains($"'{number}'", e.Problem, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_machine, recursive: true);
}
