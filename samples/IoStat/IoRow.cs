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
        double seconds = (now.SnapTime - (before?.SnapTime ?? 0)) / 1e9;
        if (seconds <= 0)
        {
            seconds = 1;
        }

        double Delta(string statistic) => Value(now, statistic) - (before is null ? 0 : Value(before, statistic));

        double reads = Delta("reads"), writes = Delta("writes");
        double wait = Delta("wlentime") / 1e9 / seconds, active = Delta("rlentime") / 1e9 / seconds;
        double operations = reads + writes;
        double serviceMs = operations > 0 ? (Delta("wlentime") + Delta("rlentime")) / 1e6 / operations : 0;
        return string.Create(CultureInfo.InvariantCulture,
            $"{device,-12} {reads / seconds,6:F1} {writes / seconds,6:F1} {Delta("nread") / 1024 / seconds,8:F1} {Delta("nwritten") / 1024 / seconds,8:F1} " +
            $"{wait,5:F1} {active,5:F1} {serviceMs,6:F1} {100 * Delta("wtime") / 1e9 / seconds,3:F0} {100 * Delta("rtime") / 1e9 / seconds,3:F0}");
    }

    /// <summary>A counter as a number; a time in nanoseconds, whether it is a time (live, exact ns) or the seconds a capture printed.</summary>
    private static double Value(KstatReading reading, string statistic)
    {
        if (!reading.TryGetValue(statistic, out var value))
        {
            return 0; // Linux has no wait queue: those statistics are absent or 0
        }

        bool isTime = statistic is "rtime" or "wtime" or "rlentime" or "wlentime";
        return value.Kind switch
        {
            KstatValueKind.HrTime => (long)value,
            KstatValueKind.Double when isTime => value.ToDouble() * 1e9,
            _ => value.ToDouble(),
        };
    }
}
