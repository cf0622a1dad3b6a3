using System.Globalization;
using Kstat.Tree;

/// <summary>The man-page loop: sample cpu_stat, sleep, update, sample again, print the per-CPU split of the ticks.</summary>
internal static class CpuStat
{
    private static readonly string[] Columns = ["user", "kernel", "wait", "idle"];

    public static int Run(string[] args, TextWriter output, TextWriter error, Func<KstatTree> open, Action<TimeSpan> sleep)
    {
        if (!TryParse(args, out int interval, out int? count))
        {
            error.WriteLine("usage: CpuStat [interval [count]]   (interval in seconds, default 5; count default forever)");
            return 2;
        }

        using var kstat = open();
        var before = KstatSample.Read(CpuStatLeaves(kstat));
        if (before.Count == 0)
        {
            error.WriteLine("No cpu_stat kstats on this machine.");
            return 1;
        }

        WriteHeader(output, before);
        for (int round = 0; count is null || round < count; round++)
        {
            sleep(TimeSpan.FromSeconds(interval));
            if (kstat.Update().Changed)
            {
                output.WriteLine("Configuration changed");
            }

            var after = KstatSample.Read(CpuStatLeaves(kstat));
            output.WriteLine(FormatLine(after.DeltasSince(before)));
            before = after;
        }

        return 0;
    }

    /// <summary>One line: for each CPU, usr sys wio idle as percentages of the ticks that elapsed (Perl's <c>%.2d</c>).</summary>
    internal static string FormatLine(IReadOnlyDictionary<string, KstatDelta> deltas)
    {
        var groups = new List<string>();
        foreach (var delta in deltas.Values)
        {
            var ticks = Columns.Select(c => (double)delta.CounterDifference(c)).ToArray(); // ticks are 32-bit counters: they wrap
            double total = ticks.Sum();
            groups.Add(string.Join(" ", ticks.Select(t => Percent(total > 0 ? t * 100 / total : 0))).PadRight(16));
        }

        return string.Join(" | ", groups).TrimEnd();
    }

    private static string Percent(double value) =>
        " " + ((int)Math.Round(value, MidpointRounding.AwayFromZero)).ToString("D2", CultureInfo.InvariantCulture);

    private static void WriteHeader(TextWriter output, KstatSample sample)
    {
        output.WriteLine(string.Join(" | ", sample.Keys.Select(k => k.Split(':')[2].Replace("cpu_stat", "cpu", StringComparison.Ordinal).PadRight(16))));
        output.WriteLine(string.Join(" | ", sample.Keys.Select(_ => "usr sys wio idle")));
    }

    private static IEnumerable<KstatLeaf> CpuStatLeaves(KstatTree kstat) =>
        kstat.TryGetValue("cpu_stat", out var module)
            ? module.OrderBy(i => i.Key).SelectMany(i => i.Value.Values)
            : [];

    private static bool TryParse(string[] args, out int interval, out int? count)
    {
        interval = 5;
        count = null;
        if (args.Length > 2)
        {
            return false;
        }

        if (args.Length >= 1 && (!int.TryParse(args[0], NumberStyles.None, CultureInfo.InvariantCulture, out interval) || interval < 1))
        {
            return false;
        }

        if (args.Length == 2)
        {
            if (!int.TryParse(args[1], NumberStyles.None, CultureInfo.InvariantCulture, out int c) || c < 1)
            {
                return false;
            }

            count = c;
        }

        return true;
    }
}
