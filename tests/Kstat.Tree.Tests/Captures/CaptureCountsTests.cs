using System.Text.RegularExpressions;
using Kstat.Tree;
using Kstat.Tree.Tests.Support;

namespace Kstat.Tree.Tests.Captures;

/// <summary>Every real capture loads, and what the tree holds matches an independent count of the file's lines.</summary>
public partial class CaptureCountsTests
{
    public static TheoryData<string> AllCaptures => [.. CaptureFiles.All.Select(p => Path.GetFileName(p))];

    [Theory]
    [MemberData(nameof(AllCaptures))]
    public void Every_capture_loads_with_the_counts_of_its_text(string file)
    {
        var expected = Count(File.ReadAllLines(CaptureFiles.PathOf(file)));
        using var tree = KstatTree.Load(CaptureFiles.PathOf(file));

        Assert.Equal(expected.Modules, tree.Count);
        Assert.Equal(expected.Instances, tree.Values.Sum(m => m.Count));
        Assert.Equal(expected.Names, tree.Leaves().Count());
        Assert.Equal(expected.Statistics, tree.Leaves().Sum(l => l.GetReading().Count));
        Assert.True(expected.Statistics > 0);
    }

    [Theory]
    [InlineData("smartos-system_pages-p-tabs-expanded.txt", SnapshotFormat.Parseable)]
    [InlineData("solaris-x86-16cpu-cpu_info-p-ohai-tabs-expanded.txt", SnapshotFormat.Parseable)]
    [InlineData("solaris-sparc64-vii-sun4u-cpu_info-plain.txt", SnapshotFormat.Human)]
    [InlineData("openindiana-ryzen7-cpu_info-plain-pycpuinfo.txt", SnapshotFormat.Human)]
    public void The_format_is_detected(string file, SnapshotFormat format)
    {
        using var chain = SnapshotChain.Load(CaptureFiles.PathOf(file));
        Assert.Equal(format, chain.Format);
        Assert.Equal(1, chain.RoundCount);
    }

    /// <summary>Counts kstats and statistics with plain regular expressions, without the library.</summary>
    private static (int Modules, int Instances, int Names, int Statistics) Count(string[] lines)
    {
        var modules = new HashSet<string>();
        var instances = new HashSet<string>();
        var names = new HashSet<string>();
        var statistics = new HashSet<string>();
        string? current = null;
        string? module = null;
        string? instance = null;
        foreach (var line in lines)
        {
            if (ParseableLine().Match(line) is { Success: true } p)
            {
                modules.Add(p.Groups[1].Value);
                instances.Add(p.Groups[1].Value + ":" + p.Groups[2].Value);
                string kstat = $"{p.Groups[1].Value}:{p.Groups[2].Value}:{p.Groups[3].Value}";
                names.Add(kstat);
                if (p.Groups[4].Value is not ("class" or "crtime" or "snaptime"))
                {
                    statistics.Add(kstat + ":" + p.Groups[4].Value);
                }
            }
            else if (ModuleLine().Match(line) is { Success: true } m)
            {
                module = m.Groups[1].Value;
                instance = m.Groups[2].Value;
            }
            else if (NameLine().Match(line) is { Success: true } n)
            {
                current = $"{module}:{instance}:{n.Groups[1].Value}";
                modules.Add(module!);
                instances.Add(module + ":" + instance);
                names.Add(current);
            }
            else if (RowLine().Match(line) is { Success: true } r && r.Groups[1].Value is not ("crtime" or "snaptime"))
            {
                statistics.Add(current + ":" + r.Groups[1].Value);
            }
        }

        return (modules.Count, instances.Count, names.Count, statistics.Count);
    }

    [GeneratedRegex(@"^([a-z_]+):(\d+):([a-z_0-9]+):([A-Za-z_0-9]+)\s")]
    private static partial Regex ParseableLine();

    [GeneratedRegex(@"^module:\s+(\S+)\s+instance:\s+(\d+)")]
    private static partial Regex ModuleLine();

    [GeneratedRegex(@"^name:\s+(\S+)\s+class:")]
    private static partial Regex NameLine();

    [GeneratedRegex(@"^\s+(\S+)")]
    private static partial Regex RowLine();
}
