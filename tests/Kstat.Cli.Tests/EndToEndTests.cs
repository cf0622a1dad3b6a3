using System.Text;
using Kstat.Cli.Tests.Support;
using Kstat.Tree;
using Kstat.Tree.Tests.Support;

namespace Kstat.Cli.Tests;

/// <summary>The command over the real captures, through the same entry point as the tool, output parsed back with <see cref="SnapshotChain"/>.</summary>
public sealed class EndToEndTests : IDisposable
{
    private const string Opteron = "solaris-x86-opteron-cpu_info-plain.txt";
    private const string SmartOsCpuStat = "smartos-32cpu-cpu_stat-idle-kernel-user-p-tabs-expanded.txt";

    private readonly string _temp = Directory.CreateTempSubdirectory("kstat-cli-tests").FullName;

    public static TheoryData<string> CaptureNames => new(CaptureFiles.All.Select(Path.GetFileName).Select(f => f!));

    public void Dispose() => Directory.Delete(_temp, recursive: true);

    private static Dictionary<string, string> Values(SnapshotChain chain, KstatHeader header) =>
        chain.Read(header).ToDictionary(kv => kv.Key, kv => kv.Value.ToString(), StringComparer.Ordinal);

    private static void AssertSameKstats(SnapshotChain expected, SnapshotChain actual)
    {
        var wanted = expected.Headers.Order(KstatOrder.Headers).ToList();
        Assert.Equal(wanted.Select(h => h.Key), actual.Headers.Select(h => h.Key));
        foreach (var (want, got) in wanted.Zip(actual.Headers))
        {
            Assert.Equal(want.CrTime, got.CrTime);
            Assert.Equal(want.Class, got.Class);
            Assert.Equal(Values(expected, want), Values(actual, got));
        }
    }

    private string WriteTemp(string name, string text)
    {
        string path = Path.Combine(_temp, name);
        File.WriteAllText(path, text, new UTF8Encoding(false));
        return path;
    }

    [Theory]
    [MemberData(nameof(CaptureNames))]
    public void Dash_p_reproduces_the_kstats_of_a_capture_in_kstat_order(string file)
    {
        var run = KstatRunner.Run("-p", "--file", CaptureFiles.PathOf(file));

        Assert.Equal((0, ""), (run.ExitCode, run.Stderr));
        using var original = SnapshotChain.Load(CaptureFiles.PathOf(file));
        using var printed = SnapshotChain.Parse(run.Stdout, sourceName: "stdout");
        AssertSameKstats(original, printed);

        // Within each kstat the statistics are sorted case-insensitively, the pseudo-statistics among them.
        foreach (var block in run.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries)
                     .Select(line => line[..line.IndexOf('\t', StringComparison.Ordinal)])
                     .GroupBy(key => key[..key.LastIndexOf(':')]))
        {
            var names = block.Select(key => key[(key.LastIndexOf(':') + 1)..]).ToList();
            Assert.Equal(names.Order(KstatOrder.Names), names);
            Assert.Contains("crtime", names);
            Assert.Contains("class", names);
        }
    }

    [Theory]
    [MemberData(nameof(CaptureNames))]
    public void The_default_and_json_formats_parse_back_to_the_same_kstats(string file)
    {
        using var original = SnapshotChain.Load(CaptureFiles.PathOf(file));
        foreach (string[] format in new[] { Array.Empty<string>(), ["-j"] })
        {
            var run = KstatRunner.Run([.. format, "--file", CaptureFiles.PathOf(file)]);
            Assert.Equal((0, ""), (run.ExitCode, run.Stderr));
            using var printed = SnapshotChain.Parse(run.Stdout, sourceName: "stdout");
            AssertSameKstats(original, printed);
        }
    }

    [Fact]
    public void Selectors_print_in_command_line_order()
    {
        var run = KstatRunner.Run("-p", "--file", CaptureFiles.PathOf(Opteron), "cpu_info:3", "cpu_info:1", "cpu_info:3:cpu_info3:brand");

        var keys = run.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l[..l.IndexOf('\t', StringComparison.Ordinal)]).ToList();
        int first1 = keys.FindIndex(k => k.StartsWith("cpu_info:1:", StringComparison.Ordinal));
        Assert.All(keys[..first1], k => Assert.StartsWith("cpu_info:3:", k, StringComparison.Ordinal));
        Assert.Equal("cpu_info:3:cpu_info3:brand", keys[^1]);
        Assert.Equal(2, keys.Count(k => k == "cpu_info:3:cpu_info3:brand")); // matched by two selectors, printed twice
        Assert.DoesNotContain(keys, k => k.StartsWith("cpu_info:0:", StringComparison.Ordinal));
    }

    [Fact]
    public void The_class_option_selects_by_class_and_exits_1_when_nothing_matches()
    {
        var misc = KstatRunner.Run("-p", "-c", "mi*", "--file", CaptureFiles.PathOf(Opteron));
        var all = KstatRunner.Run("-p", "--file", CaptureFiles.PathOf(Opteron));
        Assert.Equal((0, all.Stdout), (misc.ExitCode, misc.Stdout));

        var disk = KstatRunner.Run("-p", "-c", "disk", "--file", CaptureFiles.PathOf(Opteron));
        Assert.Equal((1, "", ""), (disk.ExitCode, disk.Stdout, disk.Stderr));
    }

    [Fact]
    public void Dash_s_with_a_regex_keeps_only_matching_statistics()
    {
        var run = KstatRunner.Run("-p", "-m", "cpu_info", "-s", "/^(brand|clock_MHz)$/", "--file", CaptureFiles.PathOf(Opteron));

        var lines = run.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(16, lines.Length); // 8 CPUs x 2 statistics
        Assert.All(lines, l => Assert.Matches(@"^cpu_info:\d:cpu_info\d:(brand|clock_MHz)\t", l));
        Assert.Contains("cpu_info:0:cpu_info0:clock_MHz\t2300", lines);
    }

    [Fact]
    public void Dash_l_lists_the_names_of_dash_p_and_dash_C_puts_a_colon_before_the_value()
    {
        string path = CaptureFiles.PathOf(Opteron);
        var p = KstatRunner.Run("-p", "--file", path).Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var l = KstatRunner.Run("-l", "--file", path).Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var c = KstatRunner.Run("-C", "--file", path).Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(p.Select(line => line[..line.IndexOf('\t', StringComparison.Ordinal)]), l);
        Assert.Equal(p.Select(line => line.Remove(line.IndexOf('\t', StringComparison.Ordinal), 1).Insert(line.IndexOf('\t', StringComparison.Ordinal), ":")), c);
    }

    [Fact]
    public void Dash_q_prints_nothing_and_tells_by_the_exit_status()
    {
        string path = CaptureFiles.PathOf(Opteron);
        Assert.Equal(new KstatRunner.Result(0, "", ""), KstatRunner.Run("-q", "--file", path, "cpu_info:7"));
        Assert.Equal(new KstatRunner.Result(1, "", ""), KstatRunner.Run("-q", "--file", path, "cpu_info:8"));
    }

    [Fact]
    public void A_multi_round_capture_prints_one_block_per_round_with_its_timestamps()
    {
        // Made from a real capture: two rounds of `kstat -p -T u cpu_stat:0`, the second with other values.
        string round = KstatRunner.Run("-p", "--file", CaptureFiles.PathOf(SmartOsCpuStat), "cpu_stat:0").Stdout;
        string later = string.Concat(round.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => (line.Contains(":idle\t", StringComparison.Ordinal) ? line + "7" : line) + "\n"));
        string path = WriteTemp("two-rounds.txt", "1479816000\n" + round + "\n1479816005\n" + later);

        var run = KstatRunner.Run("-p", "-T", "u", "--file", path, "cpu_stat:0::idle", "5");

        string idle = round.Split('\n').Single(l => l.StartsWith("cpu_stat:0:cpu_stat0:idle\t", StringComparison.Ordinal));
        Assert.Equal($"1479816000\n{idle}\n\n1479816005\n{idle}7\n", run.Stdout);
        Assert.Equal(0, run.ExitCode);

        var once = KstatRunner.Run("-p", "-T", "u", "--file", path, "cpu_stat:0::idle", "5", "1");
        Assert.Equal($"1479816000\n{idle}\n", once.Stdout);
    }

    [Fact]
    public void Json_rounds_are_each_an_array()
    {
        string round = KstatRunner.Run("-p", "--file", CaptureFiles.PathOf(SmartOsCpuStat), "cpu_stat:1").Stdout;
        string path = WriteTemp("json-rounds.txt", round + "\n" + round);

        var run = KstatRunner.Run("-j", "--file", path, "cpu_stat:1", "1");

        var rounds = run.Stdout.Split("]\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, rounds.Length);
        Assert.StartsWith("[{", rounds[0], StringComparison.Ordinal);
    }

    [Fact]
    public void A_capture_in_kstat_order_with_a_failed_read_comes_back_byte_for_byte()
    {
        // sd0's read failed when this was captured: kstat(1) printed its class and crtime only, and so do we.
        const string text =
            "sd:0:sd0:class\tdisk\n" +
            "sd:0:sd0:crtime\t74.123400000\n" +
            "unix:0:system_pages:class\tpages\n" +
            "unix:0:system_pages:crtime\t0\n" +
            "unix:0:system_pages:freemem\t61103\n" +
            "unix:0:system_pages:snaptime\t314313.324846100\n";
        string path = WriteTemp("failed-read.txt", text);

        var run = KstatRunner.Run("-p", "--file", path);

        Assert.Equal((0, text, ""), (run.ExitCode, run.Stdout, run.Stderr));
    }

    [Fact]
    public void A_malformed_capture_is_one_line_naming_file_and_line_and_exit_3()
    {
        string path = WriteTemp("bad.txt", "cpu_stat:0:cpu_stat0:idle\t12\nthis is not kstat output\n");

        var run = KstatRunner.Run("-p", "--file", path);

        Assert.Equal(3, run.ExitCode);
        Assert.Equal("", run.Stdout);
        Assert.Single(run.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith($"kstat: {path}:2:", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_capture_is_one_line_and_exit_3()
    {
        string path = Path.Combine(_temp, "missing.txt");
        var run = KstatRunner.Run("--file", path);
        Assert.Equal(3, run.ExitCode);
        Assert.StartsWith($"kstat: {path}: ", run.Stderr, StringComparison.Ordinal);
        Assert.Single(run.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }
}
