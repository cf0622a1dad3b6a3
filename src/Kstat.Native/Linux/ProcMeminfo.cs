using Kstat.Tree;

namespace Kstat.Native;

/// <summary>Parses <c>/proc/meminfo</c>: <c>Key:   value kB</c> lines, into bytes.</summary>
internal static class ProcMeminfo
{
    public const string FileName = "meminfo";

    /// <exception cref="KstatFormatException">A line is malformed.</exception>
    public static Dictionary<string, ulong> Read(string source, string text)
    {
        var result = new Dictionary<string, ulong>(StringComparer.Ordinal);
        foreach (var line in ProcfsLine.Split(source, text))
        {
            if (line.IsBlank)
            {
                continue;
            }

            int colon = line.Text.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                throw line.Error("expected 'Name: value [kB]'", 1);
            }

            var t = line.Tokens(colon + 1);
            if (t.Count is < 1 or > 2 || (t.Count == 2 && t[1].Text != "kB"))
            {
                throw line.Error("expected a number, optionally followed by 'kB'", colon + 2);
            }

            ulong value = line.UInt64(t[0], "a size");
            if (t.Count == 2 && value > ulong.MaxValue / 1024)
            {
                throw line.Error($"expected a size in kB but found '{t[0].Text}', which is out of range", t[0].Column);
            }

            result.TryAdd(line.Text[..colon], t.Count == 2 ? value * 1024 : value);
        }

        return result;
    }
}
