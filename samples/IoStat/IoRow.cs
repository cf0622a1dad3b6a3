using System.Globalization;
using Kstat.Tree;

namespace Kstat.Samples;

/// <summary>The <c>iostat -x</c> row of one disk, from two readings of its I/O kstat.</summary>
internal static class IoRow
{
    public const string Header = "device          r/s    w/s     kr/s     kw/s  wait  actv  svc_t  %w  %b";

    /// <summary>The I/O kstats of class <c>disk</c> in kstat(1) order; choosing them reads nothing (class and type are in the header).</summary>
    public static IEnumerable<KstatLeaf> Disks(KstatTree ks) =>
        ks.Leaves().Where(l => l.Type == KstatType.Io && l.Class == "disk").OrderBy(l => l.Header, KstatOrder.Headers);

    /// <summary>Formats the rates between two readings, or since boot (snaptime counts from it) when there is no earlier one.</summary>
    public static string Format(string device, KstatReading now, KstatReading? before)
    {
        // Every column is a counter (operations, bytes, queue times in ns): a counter difference counts across a wrap, so a
        // 32-bit `reads` that wrapped still counts right. The first row counts from zero, over the snaptime since boot.
        var delta = before is null ? KstatDelta.FromZero(now) : KstatDelta.Between(before, now);
        double seconds = delta.ElapsedSeconds > 0 ? delta.ElapsedSeconds : 1;

        // Linux has no wait queue: those statistics may be absent, and count as 0.
        double Delta(string statistic) => delta.TryGetCounterDifference(statistic, out ulong d) ? d : 0;

        double reads = Delta("reads"), writes = Delta("writes");
        double waitNs = Delta("wlentime"), activeNs = Delta("rlentime");
        double operations = reads + writes;
        double serviceMs = operations > 0 ? (waitNs + activeNs) / 1e6 / operations : 0;
        return string.Create(CultureInfo.InvariantCulture,
            $"{device,-12} {reads / seconds,6:F1} {writes / seconds,6:F1} {Delta("nread") / 1024 / seconds,8:F1} {Delta("nwritten") / 1024 / seconds,8:F1} " +
            $"{waitNs / 1e9 / seconds,5:F1} {activeNs / 1e9 / seconds,5:F1} {serviceMs,6:F1} {100 * Delta("wtime") / 1e9 / seconds,3:F0} {100 * Delta("rtime") / 1e9 / seconds,3:F0}");
    }
}
