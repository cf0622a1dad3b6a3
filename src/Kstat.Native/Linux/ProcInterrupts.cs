using Kstat.Tree;

namespace Kstat.Native;

/// <summary>Parses <c>/proc/interrupts</c> into per-CPU totals: every interrupt, and the function-call (cross-call) ones.</summary>
internal static class ProcInterrupts
{
    public const string FileName = "interrupts";

    /// <summary>Sums the interrupts one CPU took; <c>null</c> when the file has no column for it.</summary>
    /// <exception cref="KstatFormatException">A line is malformed.</exception>
    public static (ulong Total, ulong? CrossCalls)? ReadCpu(string source, string text, int cpu)
    {
        int column = -1;
        int columns = 0;
        ulong total = 0;
        ulong? calls = null;
        foreach (var line in ProcfsLine.Split(source, text))
        {
            if (line.IsBlank)
            {
                continue;
            }

            var tokens = line.Tokens();
            if (line.Number == 1)
            {
                columns = tokens.Count;
                column = tokens.FindIndex(t => t.Text == "CPU" + cpu.ToString(System.Globalization.CultureInfo.InvariantCulture));
                if (column < 0)
                {
                    return null;
                }

                continue;
            }

            if (!tokens[0].Text.EndsWith(':'))
            {
                throw line.Error($"expected an interrupt label ending in ':' but found '{tokens[0].Text}'", tokens[0].Column);
            }

            // Rows with fewer counts than CPUs (ERR, MIS) are machine-wide, not per CPU.
            int counts = 0;
            while (counts < columns && 1 + counts < tokens.Count && ulong.TryParse(tokens[1 + counts].Text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out _))
            {
                counts++;
            }

            if (counts < columns)
            {
                continue;
            }

            ulong n = line.UInt64(tokens[1 + column], "an interrupt count");
            total += n;
            if (tokens[0].Text == "CAL:")
            {
                calls = n;
            }
        }

        return column < 0 ? null : (total, calls);
    }
}
