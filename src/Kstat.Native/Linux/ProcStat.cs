using System.Globalization;
using Kstat.Tree;

namespace Kstat.Native;

/// <summary>Parses <c>/proc/stat</c>: the per-CPU tick lines and <c>btime</c>.</summary>
internal static class ProcStat
{
    public const string FileName = "stat";

    /// <summary>Lists the CPUs that have a <c>cpuN</c> line; only the names are looked at, so a malformed line still counts.</summary>
    public static List<int> ListCpus(string text)
    {
        var cpus = new List<int>();
        foreach (var line in ProcfsLine.Split(FileName, text))
        {
            if (TryCpuNumber(line.Text, out int cpu))
            {
                cpus.Add(cpu);
            }
        }

        return cpus;
    }

    /// <summary>Reads the tick counts of one CPU; <c>null</c> when the CPU has no line (it went off-line).</summary>
    /// <exception cref="KstatFormatException">The CPU's line is malformed.</exception>
    public static CpuTicks? ReadCpu(string source, string text, int cpu)
    {
        foreach (var line in ProcfsLine.Split(source, text))
        {
            if (TryCpuNumber(line.Text, out int n) && n == cpu)
            {
                var t = line.AtLeast(line.Tokens(), 8, "cpuN and at least 7 tick counts (user nice system idle iowait irq softirq)");
                return new CpuTicks(
                    line.UInt64(t[1], "user ticks"),
                    line.UInt64(t[2], "nice ticks"),
                    line.UInt64(t[3], "system ticks"),
                    line.UInt64(t[4], "idle ticks"),
                    line.UInt64(t[5], "iowait ticks"),
                    line.UInt64(t[6], "irq ticks"),
                    line.UInt64(t[7], "softirq ticks"));
            }
        }

        return null;
    }

    /// <summary>Reads <c>btime</c>, the boot time in seconds since the epoch; <c>null</c> when there is no such line.</summary>
    /// <exception cref="KstatFormatException">The line is malformed.</exception>
    public static ulong? ReadBootTime(string source, string text)
    {
        foreach (var line in ProcfsLine.Split(source, text))
        {
            if (line.Text.StartsWith("btime", StringComparison.Ordinal))
            {
                var t = line.AtLeast(line.Tokens(), 2, "btime and the boot time in seconds");
                return line.UInt64(t[1], "the boot time in seconds");
            }
        }

        return null;
    }

    private static bool TryCpuNumber(string line, out int cpu)
    {
        cpu = -1;
        if (!line.StartsWith("cpu", StringComparison.Ordinal))
        {
            return false;
        }

        int end = 3;
        while (end < line.Length && char.IsAsciiDigit(line[end]))
        {
            end++;
        }

        return end > 3 && (end == line.Length || char.IsWhiteSpace(line[end]))
            && int.TryParse(line.AsSpan(3, end - 3), NumberStyles.None, CultureInfo.InvariantCulture, out cpu);
    }
}
