using System.Globalization;
using System.Text;

namespace Kstat.Benchmarks.Support;

/// <summary>
/// Builds the capture of the parse benchmark: the real <c>kstat -p</c> captures of the repository, repeated
/// with renumbered instances until the file has the size asked for, written to a temporary folder.
/// </summary>
/// <remarks>
/// Some real captures had their TABs expanded to spaces upstream; the copy puts the TAB back, as kstat(1)
/// printed it, so the C# parser and the Perl script read the same, canonical text. Blank lines (round
/// separators) are dropped: the result is one round. Nothing here is ever committed.
/// </remarks>
internal static class ParseCapture
{
    /// <summary>Gets the path of a capture of at least <paramref name="bytes"/> bytes, building it once per size.</summary>
    /// <param name="capturesFolder">The folder of real captures (tests/data/captures).</param>
    /// <param name="bytes">The size wanted.</param>
    /// <returns>The path of the capture.</returns>
    public static string Ensure(string capturesFolder, long bytes)
    {
        var lines = ParseableLines(capturesFolder);
        string folder = Path.Combine(Path.GetTempPath(), "kstat-benchmarks");
        Directory.CreateDirectory(folder);
        string path = Path.Combine(folder, $"capture-{bytes}-{Fingerprint(lines):x8}.txt");
        if (File.Exists(path))
        {
            return path;
        }

        int stride = lines.Max(l => l.Instance) + 1;
        string temporary = path + ".partial";
        using (var writer = new StreamWriter(temporary, append: false, new UTF8Encoding(false), 1 << 16))
        {
            writer.NewLine = "\n";
            long written = 0;
            for (int copy = 0; written < bytes; copy++)
            {
                foreach (var line in lines)
                {
                    string text = string.Create(CultureInfo.InvariantCulture,
                        $"{line.Module}:{line.Instance + (copy * stride)}:{line.Rest}\t{line.Value}\n");
                    writer.Write(text);
                    written += Encoding.UTF8.GetByteCount(text);
                }
            }
        }

        File.Move(temporary, path, overwrite: true);
        return path;
    }

    /// <summary>Reads every line of every <c>kstat -p</c> capture in the folder (a file whose first line parses as one).</summary>
    internal static List<Line> ParseableLines(string folder)
    {
        var lines = new List<Line>();
        foreach (string file in Directory.EnumerateFiles(folder, "*.txt").Order(StringComparer.Ordinal))
        {
            var parsed = new List<Line>();
            bool parseable = true;
            foreach (string raw in File.ReadLines(file))
            {
                if (raw.Length == 0)
                {
                    continue;
                }

                if (Split(raw) is not { } line)
                {
                    parseable = false;
                    break;
                }

                parsed.Add(line);
            }

            if (parseable)
            {
                lines.AddRange(parsed);
            }
        }

        return lines.Count > 0 ? lines : throw new InvalidOperationException($"No kstat -p capture in {folder}.");
    }

    /// <summary>Splits <c>module:instance:name:statistic</c>, a TAB or a run of spaces, and the value; null when the line is not one.</summary>
    private static Line? Split(string raw)
    {
        int gap = raw.IndexOfAny([' ', '\t']);
        string key = gap < 0 ? raw : raw[..gap];
        string value = gap < 0 ? string.Empty : raw[gap..].TrimStart(' ', '\t');
        string[] parts = key.Split(':', 3);
        if (parts.Length < 3 || parts[0].Length == 0 || !parts[2].Contains(':', StringComparison.Ordinal) ||
            !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out int instance))
        {
            return null;
        }

        return new Line(parts[0], instance, parts[2], value);
    }

    /// <summary>FNV-1a over the source lines: a changed capture gets a new file, not a stale one.</summary>
    internal static uint Fingerprint(List<Line> lines)
    {
        uint hash = 2166136261;
        foreach (var line in lines)
        {
            foreach (char c in string.Concat(line.Module, line.Rest, line.Value))
            {
                hash = (hash ^ c) * 16777619;
            }

            hash = (hash ^ (uint)line.Instance) * 16777619;
        }

        return hash;
    }

    /// <summary>One line of a capture: the module, the instance, <c>name:statistic</c> and the value.</summary>
    internal sealed record Line(string Module, int Instance, string Rest, string Value);
}
