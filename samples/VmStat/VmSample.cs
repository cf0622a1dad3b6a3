using System.Globalization;
using Kstat.Tree;

namespace Kstat.Samples;

/// <summary>One vmstat sample: the cpu_stat kstat of every CPU (one immutable copy each) and freemem.</summary>
internal sealed class VmSample
{
    private static readonly string[] Counters = ["user", "kernel", "wait", "idle", "intr", "syscall", "pswitch", "pgpgin", "pgpgout"];

    private readonly KstatSample _cpus;

    private readonly ulong? _freemem;

    private VmSample(KstatSample cpus, ulong? freemem)
    {
        _cpus = cpus;
        _freemem = freemem;
    }

    /// <summary>Reads the cpu_stat kstat of every CPU (in numeric instance order, as the Perl <c>sort { $a &lt;=&gt; $b }</c>) and system_pages.</summary>
    public static VmSample Take(KstatTree ks)
    {
        var cpus = ks.TryGetValue("cpu_stat", out var module)
            ? module.Keys.Order().SelectMany(n => module[n].Values)
            : [];
        ulong? freemem = ks.TryGetLeaf("unix", 0, "system_pages", out var pages) && pages.TryGetUInt64("freemem", out ulong free) ? free : null;
        return new VmSample(KstatSample.Read(cpus), freemem);
    }

    /// <summary>Formats the row: rates per second since <paramref name="previous"/>, or since boot (snaptime counts from it) for the first row.</summary>
    public string FormatSince(VmSample? previous, int pageSize)
    {
        // Per CPU, then summed: each cpu_stat counter is 32 bits wide and wraps on its own, which a counter difference
        // counts across (Perl's sum-then-subtract goes negative there).
        var deltas = previous is null
            ? _cpus.Values.Select(KstatDelta.FromZero).ToList()
            : [.. _cpus.DeltasSince(previous._cpus).Values];
        double seconds = deltas.Count == 0 ? 0 : (deltas.Max(d => d.Later.SnapTime) - deltas.Max(d => d.Earlier.SnapTime)) / 1e9;

        // Null where no CPU has the statistic (Linux counts no syscalls per CPU): printed as "-", never as an invented 0.
        ulong? Delta(string counter)
        {
            ulong? sum = null;
            foreach (var delta in deltas)
            {
                if (delta.TryGetCounterDifference(counter, out ulong d))
                {
                    sum = (sum ?? 0) + d;
                }
            }

            return sum;
        }

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
