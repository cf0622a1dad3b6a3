using System.Globalization;

namespace Kstat.Exporter.Tests.Support;

/// <summary>
/// A three-round <c>kstat -p</c> capture of a small machine, one second apart: two CPUs, free memory, a disk and a link.
/// Round 3 re-creates CPU 1's cpu_stat (new crtime, counters from 0) and loses the link.
/// </summary>
internal static class ExporterCapture
{
    /// <summary>cpu_stat:1 user ticks in each round; round 3 is the re-created kstat's.</summary>
    public static readonly long[] Cpu1User = [2000, 2100, 50];

    // After Cpu1User, which it reads.
    public static readonly string Text = string.Join("\n", Round(1), Round(2), Round(3));

    private static string Round(int round)
    {
        long snap = 100 + round;
        bool recreated = round == 3;
        var lines = new List<string>
        {
            Cpu(0, crtime: "10", user: 1000 + 100 * round, kernel: 500 + 10 * round, idle: 9000 + 50 * round, wait: 10, snap),
            Cpu(1, crtime: recreated ? "150.5" : "10", user: Cpu1User[round - 1], kernel: recreated ? 5 : 600 + round, idle: recreated ? 100 : 8000, wait: recreated ? 0 : 20, snap),
            $"unix:0:system_pages:class\tpages\nunix:0:system_pages:crtime\t5\nunix:0:system_pages:freemem\t{61103 - 1000 * round}\nunix:0:system_pages:snaptime\t{snap}",
            Disk(round, snap),
        };
        if (round < 3)
        {
            lines.Add($"link:0:net0:class\tnet\nlink:0:net0:crtime\t30\nlink:0:net0:ifspeed\t1000000000\nlink:0:net0:obytes64\t{100 * round}\n" +
                      $"link:0:net0:rbytes64\t{9_000_000_000 + 1000 * round}\nlink:0:net0:snaptime\t{snap}");
        }

        return string.Join("\n", lines) + "\n";
    }

    private static string Cpu(int cpu, string crtime, long user, long kernel, long idle, long wait, long snap) =>
        string.Join("\n", new (string, string)[]
        {
            ("class", "misc"), ("crtime", crtime), ("idle", N(idle)), ("kernel", N(kernel)), ("snaptime", N(snap)), ("user", N(user)), ("wait", N(wait)),
        }.Select(s => $"cpu_stat:{cpu}:cpu_stat{cpu}:{s.Item1}\t{s.Item2}"));

    // An I/O kstat: exactly kstat_io_t's statistics, times in integer nanoseconds as the C kstat(1) prints them.
    private static string Disk(int round, long snap) =>
        string.Join("\n", new (string, string)[]
        {
            ("class", "disk"), ("crtime", "20"), ("nread", N(4096 * round)), ("nwritten", N(8192 * round)), ("rcnt", "0"),
            ("reads", N(10 * round)), ("rlastupdate", N(snap * 1_000_000_000)), ("rlentime", N(2_000_000_000L * round)),
            ("rtime", N(1_500_000_000L * round)), ("snaptime", N(snap)), ("wcnt", "0"), ("wlastupdate", "0"), ("wlentime", "0"),
            ("writes", N(20 * round)), ("wtime", "0"),
        }.Select(s => $"sd:0:sd0:{s.Item1}\t{s.Item2}"));

    private static string N(long n) => n.ToString(CultureInfo.InvariantCulture);
}
