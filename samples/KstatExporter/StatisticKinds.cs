using Kstat.Tree;

namespace Kstat.Samples;

/// <summary>
/// Which statistics a plain selector publishes as counters (what kstat counts up from boot or creation) and which as
/// gauges (levels, settings, timestamps): by the kstat's type where the kstat(3KSTAT) structures say it, by name for the
/// named kstats scripts read most. Anything not listed is a gauge, which asserts nothing; <c>--counter</c> says otherwise.
/// </summary>
internal static class StatisticKinds
{
    private static readonly HashSet<string> IoCounters = new(StringComparer.Ordinal)
    {
        "nread", "nwritten", "reads", "writes", "wtime", "wlentime", "rtime", "rlentime",
    };

    // The GLDv3 (mac) and link statistics that count packets, bytes and errors; ifspeed, link_state, mtu and the like are levels.
    private static readonly HashSet<string> NetworkCounters = new(StringComparer.Ordinal)
    {
        "ipackets", "opackets", "rbytes", "obytes", "ierrors", "oerrors", "collisions", "multircv", "multixmt",
        "brdcstrcv", "brdcstxmt", "norcvbuf", "noxmtbuf", "unknowns", "intrs",
    };

    /// <summary>
    /// Families of kstats, each with the statistics that are counters in it. They are disjoint and the last takes every
    /// kstat the others do not, so each kstat is in exactly one.
    /// </summary>
    public static readonly IReadOnlyList<(string Name, Func<KstatHeader, bool> Kstats, Func<string, bool> IsCounter)> Families =
    [
        ("interrupt", h => h.Type == KstatType.Intr, _ => true),                                     // kstat_intr_t: counts
        ("I/O", h => h.Type == KstatType.Io, s => IoCounters.Contains(s)),                                 // kstat_io_t
        ("timer", h => h.Type == KstatType.Timer, s => s is "num_events" or "elapsed_time"),         // kstat_timer_t
        ("cpu_stat", h => h.Type == KstatType.Raw && h.Module == "cpu_stat", s => s is not ("iowait" or "swap" or "physio")),
        ("unix raw", h => h.Type == KstatType.Raw && h.Name is "sysinfo" or "vminfo" or "ncstats", _ => true),
        ("cpu sys", h => h.Module == "cpu" && h.Name == "sys", _ => true),                           // ticks, nsec, intr, xcalls, ...
        ("network", h => h.Type == KstatType.Named && h.Class == "net", IsNetworkCounter),
        ("other", h => !IsListed(h), _ => false),
    ];

    private static bool IsNetworkCounter(string statistic) =>
        NetworkCounters.Contains(statistic.EndsWith("64", StringComparison.Ordinal) ? statistic[..^2] : statistic)
        || statistic.EndsWith("_errors", StringComparison.Ordinal);

    private static bool IsListed(KstatHeader h) => Families.Take(Families.Count - 1).Any(f => f.Kstats(h));
}
