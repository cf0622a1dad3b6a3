using System.Globalization;
using Kstat.Tree;

namespace Kstat.Samples;

/// <summary>One vmstat sample: the cpu_stat counters summed over CPUs (null where no CPU has the statistic), and freemem.</summary>
internal sealed class VmSample
{
    private static readonly string[] Counters = ["user", "kernel", "wait", "idle", "intr", "syscall", "pswitch", "pgpgin", "pgpgout"];

    private readonly Dictionary<string, ulong?> _totals = [];

    private long _snapTime;

    private long? _freemem;

    /// <summary>Reads the cpu_stat kstat of every CPU (in numeric instance order, as the Perl <c>sort { $a &lt;=&gt; $b }</c>) and system_pages.</summary>
    public static VmSample Take(KstatTree ks)
    {
        var sample = new VmSample();
        foreach (string counter in Counters)
        {
            sample._totals[counter] = null;
        }

        if (ks.TryGetValue("cpu_stat", out var cpus))
        {
            foreach (int n in cpus.Keys.Order())
            {
                if (!cpus[n].TryGetValue($"cpu_stat{n}", out var cpu))
                {
                    continue;
                }

                foreach (string counter in Counters)
                {
                    if (cpu.TryGetValue(counter, out var value))
                    {
                        sample._totals[counter] = (sample._totals[counter] ?? 0) + (ulong)value;
                    }
                }

                sample._snapTime = Math.Max(sample._snapTime, cpu.SnapTime ?? 0);
            }
        }

        if (ks.TryGetLeaf("unix", 0, "system_pages", out var pages) && pages.TryGetValue("freemem", out var freemem))
        {
            sample._freemem = (long)freemem;
            sample._snapTime = Math.Max(sample._snapTime, pages.SnapTime ?? 0);
        }

        return sample;
    }

    /// <summary>Formats the row: rates per second since <paramref name="previous"/>, or since boot (snaptime) for the first row.</summary>
    public string FormatSince(VmSample? previous, int pageSize)
    {
        double seconds = (_snapTime - (previous?._snapTime ?? 0)) / 1e9;
        ulong? Delta(string counter) => _totals[counter] - (previous is null ? 0 : previous._totals[counter] ?? 0);
        string Rate(string counter, double scale = 1) =>
            Delta(counter) is { } d && seconds > 0 ? (d * scale / seconds).ToString("F0", CultureInfo.InvariantCulture) : "-";

        ulong ticks = (Delta("user") ?? 0) + (Delta("kernel") ?? 0) + (Delta("wait") ?? 0) + (Delta("idle") ?? 0);
        string Percent(string counter) =>
            Delta(counter) is { } d && ticks > 0 ? (100.0 * d / ticks).ToString("F0", CultureInfo.InvariantCulture) : "-";

        double kbPerPage = pageSize / 1024.0;
        string free = _freemem is { } pages ? (pages * kbPerPage).ToString("F0", CultureInfo.InvariantCulture) : "-";
        return $"{free,9} {Rate("pgpgin", kbPerPage),6} {Rate("pgpgout", kbPerPage),6} {Rate("intr"),7} {Rate("syscall"),7} {Rate("pswitch"),7} " +
               $"{Percent("user"),3} {Percent("kernel"),3} {Percent("wait"),3} {Percent("idle"),3}";
    }
}
