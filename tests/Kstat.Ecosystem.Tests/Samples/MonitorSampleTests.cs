using System.Globalization;
using System.Text.RegularExpressions;
using Kstat.Ecosystem.Tests.Support;

namespace Kstat.Ecosystem.Tests.Samples;

/// <summary>The two ported Perl monitors, run as built on captures (<c>--file</c>): what they print follows from the capture.</summary>
[Collection(SlowTests.Name)]
public sealed partial class MonitorSampleTests
{
    private const string CpuCapture = "smartos-32cpu-cpu_stat-idle-kernel-user-p-tabs-expanded.txt";
    private const string PagesCapture = "smartos-system_pages-p-tabs-expanded.txt";

    [Fact]
    [Trait("Category", "Slow")]
    public void VmStat_splits_the_CPU_ticks_of_a_capture_and_leaves_what_it_lacks_blank()
    {
        string capture = Repository.PathOf("tests", "data", "captures", CpuCapture);

        var rows = RunSample("VmStat", "--file", capture);

        // One row since boot; the capture has user, kernel and idle ticks, but no wait, memory or fault counters.
        var ticks = File.ReadAllLines(capture).Select(l => CpuTick().Match(l)).Where(m => m.Success)
                        .GroupBy(m => m.Groups["stat"].Value).ToDictionary(g => g.Key, g => g.Sum(m => double.Parse(m.Groups["value"].Value, CultureInfo.InvariantCulture)));
        double all = ticks["user"] + ticks["kernel"] + ticks["idle"];
        string Percent(string s) => (100 * ticks[s] / all).ToString("F0", CultureInfo.InvariantCulture);
        Assert.Equal(2, rows.Length);
        Assert.Equal(["free", "pi", "po", "in", "sy", "cs", "us", "sy", "wt", "id"], Fields(rows[0]));
        Assert.Equal(["-", "-", "-", "-", "-", "-", Percent("user"), Percent("kernel"), "-", Percent("idle")], Fields(rows[1]));
    }

    [Fact]
    [Trait("Category", "Slow")]
    public void VmStat_shows_free_memory_in_kilobytes_of_the_running_page_size()
    {
        string capture = Repository.PathOf("tests", "data", "captures", PagesCapture);
        long freemem = long.Parse(File.ReadAllLines(capture).Select(l => Regex.Match(l, @"^unix:0:system_pages:freemem\s+(\d+)")).Single(m => m.Success).Groups[1].Value, CultureInfo.InvariantCulture);

        var rows = RunSample("VmStat", "--file", capture);

        Assert.Equal((freemem * Environment.SystemPageSize / 1024).ToString(CultureInfo.InvariantCulture), Fields(rows[1])[0]);
    }

    [Fact]
    [Trait("Category", "Slow")]
    public void IoStat_prints_per_disk_rates_between_the_rounds_of_a_capture()
    {
        // Two rounds of one disk's I/O kstat, 2 s apart, as `kstat -p -c disk 2 2` prints them.
        var first = Disk(snaptime: 100, reads: 1000, writes: 400, nread: 10_240_000, nwritten: 4_096_000, rtime: 50, rlentime: 80, wlentime: 0);
        var second = Disk(snaptime: 102, reads: 1100, writes: 440, nread: 10_444_800, nwritten: 4_177_920, rtime: 51, rlentime: 81, wlentime: 0.6);
        string capture = Path.Combine(Path.GetTempPath(), $"kstat-iostat-{Guid.NewGuid():N}.txt");
        File.WriteAllText(capture, first + "\n" + second);
        try
        {
            var rows = RunSample("IoStat", "--file", capture, "1", "2");

            Assert.Equal(4, rows.Length); // a header and a row per round
            // 100 reads and 40 writes in 2 s; 200 KiB read and 80 KiB written; busy 1 s of 2; 1.6 s of queue time over 140 ops.
            Assert.Equal(["sd0", "50.0", "20.0", "100.0", "40.0", "0.3", "0.5", "11.4", "0", "50"], Fields(rows[3]));
        }
        finally
        {
            File.Delete(capture);
        }
    }

    [Theory]
    [Trait("Category", "Slow")]
    [InlineData("VmStat")]
    [InlineData("IoStat")]
    public void A_monitor_with_an_interval_and_no_count_stops_at_the_end_of_a_capture(string sample)
    {
        // Three rounds of a disk and a CPU, 2 s apart; the user ticks of CPU 0 wrap at 32 bits between the last two.
        var rounds = new[] { (100.0, 4294967000L), (102.0, 4294967196L), (104.0, 200L) }
            .Select((r, i) => Disk(snaptime: r.Item1, reads: 1000 + 100 * i, writes: 400, nread: 10_240_000, nwritten: 4_096_000, rtime: 50 + i, rlentime: 80, wlentime: 0) +
                              $"cpu_stat:0:cpu_stat0:user\t{r.Item2}\ncpu_stat:0:cpu_stat0:kernel\t{100 * (i + 1)}\ncpu_stat:0:cpu_stat0:idle\t1000\n" +
                              $"cpu_stat:0:cpu_stat0:snaptime\t{Seconds(r.Item1)}\n");
        string capture = Path.Combine(Path.GetTempPath(), $"kstat-{sample}-{Guid.NewGuid():N}.txt");
        File.WriteAllText(capture, string.Join("\n", rounds));
        try
        {
            var rows = RunSample(sample, "--file", capture, "1");

            if (sample == "VmStat")
            {
                Assert.Equal(4, rows.Length); // the header, then one row per round, and no row past the capture's end
                Assert.Equal(["75", "25", "-", "0"], Fields(rows[3])[6..10]); // 300 user ticks across the wrap beside kernel's 100
            }
            else
            {
                Assert.Equal(6, rows.Length); // a header and a row per round
                Assert.Equal("50.0", Fields(rows[5])[1]); // 100 reads in 2 s
            }
        }
        finally
        {
            File.Delete(capture);
        }
    }

    [Fact]
    [Trait("Category", "Slow")]
    public void OtelExport_exports_each_selected_counter_of_a_capture_through_OpenTelemetry()
    {
        string capture = Repository.PathOf("tests", "data", "captures", CpuCapture);
        var printed = File.ReadAllLines(capture).Select(l => CpuTick().Match(l)).Where(m => m.Success)
                          .Select(m => $"kstat.cpu_stat.{m.Groups["stat"]}{{instance={m.Groups["instance"]},module=cpu_stat,name=cpu_stat{m.Groups["instance"]}}} {m.Groups["value"]}");

        var exported = RunSample("OtelExport", "--console", "--file", capture);

        // One export (no interval): each cpu_stat counter of the capture once, with kstat(1)'s value; the capture has nothing else selected.
        Assert.Equal(printed.Order(StringComparer.Ordinal), exported.Order(StringComparer.Ordinal));
    }

    private static string Disk(double snaptime, long reads, long writes, long nread, long nwritten, double rtime, double rlentime, double wlentime) =>
        string.Join('\n', new (string, string)[]
        {
            ("class", "disk"), ("crtime", "10.000000000"), ("nread", $"{nread}"), ("nwritten", $"{nwritten}"), ("rcnt", "0"),
            ("reads", $"{reads}"), ("rlastupdate", Seconds(snaptime)), ("rlentime", Seconds(rlentime)), ("rtime", Seconds(rtime)),
            ("snaptime", Seconds(snaptime)), ("wcnt", "0"), ("wlastupdate", Seconds(snaptime)), ("wlentime", Seconds(wlentime)),
            ("writes", $"{writes}"), ("wtime", "0"),
        }.Select(s => $"sd:0:sd0:{s.Item1}\t{s.Item2}")) + "\n";

    private static string Seconds(double s) => s.ToString("F9", CultureInfo.InvariantCulture);

    private static string[] Fields(string row) => row.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    private static string[] RunSample(string sample, params string[] args)
    {
        string dll = Repository.PathOf("samples", sample, "bin", DotNet.Configuration, "net10.0", sample + ".dll");
        string output = DotNet.Succeed(Repository.Root, [dll, .. args]);
        return output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    }

    [GeneratedRegex(@"^cpu_stat:(?<instance>\d+):cpu_stat\d+:(?<stat>user|kernel|idle)\s+(?<value>\d+)\s*$")]
    private static partial Regex CpuTick();
}
