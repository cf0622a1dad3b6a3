using System.Globalization;
using Kstat.Native.Tests.Support;
using Kstat.Tree;
using Kstat.Tree.Tests.Support;
using D = Kstat.Native.Tests.Support.KstatDouble;

namespace Kstat.Native.Tests.Illumos;

/// <summary>
/// An oracle test in the kstat-rs manner: each <c>kstat -p</c> capture is loaded into the double (NAMED kstats, or
/// the raw struct Perl decodes, such as cpu_stat), and what a tree over LibKstatChain reads must be what kstat(1)
/// printed, line by line.
/// </summary>
public class CaptureOracleTests : DoubleTest
{
    public static TheoryData<string> ParseableCaptures => Support.ParseableCaptures.Files;

    [Theory]
    [MemberData(nameof(ParseableCaptures))]
    public void The_tree_over_the_double_reads_what_kstat_printed(string file)
    {
        var lines = FirstRound(CaptureFiles.PathOf(file)).ToList();
        int loaded = D.kd_load_capture(CaptureFiles.PathOf(file));
        Assert.True(loaded > 0, D.LastError);
        using var tree = new KstatTree(Open());

        Assert.Equal(loaded, tree.Leaves().Count());
        Assert.Equal(lines.Select(l => (l.Module, l.Instance, l.Name)).Distinct().Count(), loaded);
        foreach (var (module, instance, name, stat, text) in lines)
        {
            var leaf = tree[module][instance][name];
            switch (stat)
            {
                case "snaptime":
                    break;
                case "crtime":
                    Assert.Equal(decimal.Parse(text, CultureInfo.InvariantCulture), (long)leaf[stat] / 1e9m);
                    break;
                default:
                    Assert.True(leaf.TryGetValue(stat, out var value), $"{leaf.Key} has no {stat}");
                    Assert.Equal(text, value.ToString());
                    break;
            }
        }
    }

    [Fact]
    public void The_cpu_stat_capture_loads_as_raw_cpu_stat_structs()
    {
        D.kd_load_capture(CaptureFiles.PathOf("smartos-32cpu-cpu_stat-idle-kernel-user-p-tabs-expanded.txt"));
        using var chain = Open();

        Assert.Equal(32, chain.Headers.Count);
        Assert.All(chain.Headers, h => Assert.Equal(KstatType.Raw, h.Type));
        var r = chain.Read(chain.Headers[0]);
        Assert.Equal(87, r.Count);
        Assert.Equal(KstatValueKind.UInt32, r["idle"].Kind);
    }

    [Theory]
    [InlineData("not a kstat line\n", "1:1: expected module:instance:name:statistic")]
    [InlineData("unix:0:x:a\t1\nunix:zero:x:a\t1\n", "2:6: expected a decimal instance number")]
    [InlineData("unix:0:x:a\n", "1:11: expected a TAB and a value")]
    [InlineData("unix:0:x:crtime\tsoon\n", "1:17: expected seconds")]
    public void A_malformed_capture_is_refused_with_its_line_and_column(string text, string expected)
    {
        string path = Path.Combine(Path.GetTempPath(), $"kstat-double-{Guid.NewGuid():N}.txt");
        File.WriteAllText(path, text);
        try
        {
            Assert.Equal(-1, D.kd_load_capture(path));
            Assert.StartsWith(path + ":", D.LastError, StringComparison.Ordinal);
            Assert.Contains(expected, D.LastError, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>Splits the first round of a <c>kstat -p</c> capture: the key ends at the first blank after the third colon.</summary>
    private static IEnumerable<(string Module, int Instance, string Name, string Stat, string Value)> FirstRound(string path)
    {
        bool seen = false;
        foreach (string line in File.ReadLines(path).Select(l => l.TrimEnd(' ', '\t')))
        {
            if (line.Length == 0)
            {
                if (seen)
                {
                    yield break;
                }

                continue;
            }

            seen = true;
            int third = NthIndexOf(line, ':', 3);
            int blank = line.IndexOfAny([' ', '\t'], third);
            string key = line[..blank];
            string value = line[blank..].TrimStart(' ', '\t');
            string[] parts = key.Split(':');
            int lastColon = key.LastIndexOf(':');
            int secondColon = NthIndexOf(key, ':', 2);
            yield return (parts[0], int.Parse(parts[1], CultureInfo.InvariantCulture), key[(secondColon + 1)..lastColon], key[(lastColon + 1)..], value);
        }
    }

    private static int NthIndexOf(string s, char c, int n)
    {
        int at = -1;
        for (int i = 0; i < n; i++)
        {
            at = s.IndexOf(c, at + 1);
        }

        return at;
    }
}
