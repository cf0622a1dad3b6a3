using System.Globalization;
using Kstat.Tree;

namespace Kstat.Native;

/// <summary>Parses <c>/proc/cpuinfo</c>: one block of <c>key : value</c> lines per on-line CPU.</summary>
internal static class ProcCpuInfo
{
    public const string FileName = "cpuinfo";

    /// <summary>Finds the block of one CPU; <c>null</c> when the CPU has none (it is off-line).</summary>
    /// <returns>Each key with its value as a token that knows its line.</returns>
    /// <exception cref="KstatFormatException">A line of the CPU's block (or a <c>processor</c> line) is malformed.</exception>
    public static Dictionary<string, ProcfsToken>? ReadCpu(string source, string text, int cpu)
    {
        Dictionary<string, ProcfsToken>? block = null;
        bool inBlock = false;
        foreach (var line in ProcfsLine.Split(source, text))
        {
            if (line.IsBlank)
            {
                if (inBlock)
                {
                    return block;
                }

                continue;
            }

            int colon = line.Text.IndexOf(':', StringComparison.Ordinal);
            string key = (colon < 0 ? line.Text : line.Text[..colon]).Trim();
            if (key == "processor")
            {
                if (inBlock)
                {
                    return block;
                }

                var t = line.Tokens(colon + 1);
                if (colon < 0 || t.Count != 1)
                {
                    throw line.Error("expected 'processor : N'", colon < 0 ? 1 : colon + 2);
                }

                inBlock = line.UInt64(t[0], "the processor number") == (ulong)cpu;
                block = inBlock ? new Dictionary<string, ProcfsToken>(StringComparer.Ordinal) : null;
                continue;
            }

            if (!inBlock)
            {
                continue;
            }

            if (colon < 0)
            {
                // Some architectures print flag words alone on a line; only 'key : value' lines are data.
                throw line.Error($"expected 'key : value' but found no ':' in '{line.Text.Trim()}'", 1);
            }

            var value = line.Text[(colon + 1)..];
            int start = colon + 2 + (value.Length - value.TrimStart().Length);
            block!.TryAdd(key, new ProcfsToken(value.Trim(), start) { Line = line });
        }

        return block;
    }

    public static int? Int32(Dictionary<string, ProcfsToken> block, string key) =>
        block.TryGetValue(key, out var e) ? e.Line.Int32(e, key) : null;

    public static long? Int64(Dictionary<string, ProcfsToken> block, string key) =>
        block.TryGetValue(key, out var e) ? e.Line.Int64(e, key) : null;

    /// <summary>Reads a MHz figure such as <c>2599.998</c> rounded to whole MHz.</summary>
    public static long? Megahertz(Dictionary<string, ProcfsToken> block, string key)
    {
        if (!block.TryGetValue(key, out var e))
        {
            return null;
        }

        decimal mhz = Math.Round(e.Line.Decimal(e, key), MidpointRounding.AwayFromZero);
        return mhz <= long.MaxValue ? (long)mhz : throw e.Line.Error($"expected {key} (MHz) but found '{e.Text}', which is out of range", e.Column);
    }

    public static string? Text(Dictionary<string, ProcfsToken> block, string key) =>
        block.TryGetValue(key, out var e) && e.Text.Length > 0 ? e.Text : null;

    public static string CpuDirectory(int cpu) => "devices/system/cpu/cpu" + cpu.ToString(CultureInfo.InvariantCulture);
}
