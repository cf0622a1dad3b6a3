using System.Globalization;
using System.Text;

namespace Kstat.Benchmarks.Support;

/// <summary>
/// Builds the capture of the start-up case: the named kstats of the repository's <c>kstat -p</c> captures, five
/// times over with renumbered instances (2,190 lines), TABs restored and trailing blanks dropped (the double drops
/// them), written to a temporary folder.
/// </summary>
/// <remarks>
/// The C baseline loads the capture into the libkstat double, which makes <c>cpu_stat</c> a raw kstat with all 87
/// fields of its struct; the capture lists four of them, so the C side would print more than the C# side reads. The
/// <c>cpu_stat</c> lines are therefore left out and both sides print the very same lines (<c>snaptime</c> aside:
/// the double stamps its reads). Nothing here is ever committed.
/// </remarks>
internal static class StartupCapture
{
    private const int Copies = 5;

    /// <summary>Gets the capture, building it once, with its line count and the key of one kstat in its middle.</summary>
    /// <param name="capturesFolder">The folder of real captures (tests/data/captures).</param>
    /// <returns>The path, the number of lines, and <c>module:instance:name</c> of a kstat halfway through the file.</returns>
    public static (string Path, int Lines, string MiddleKstat) Ensure(string capturesFolder)
    {
        var lines = ParseCapture.ParseableLines(capturesFolder).Where(l => l.Module != "cpu_stat").ToList();
        int stride = lines.Max(l => l.Instance) + 1;
        var text = new List<string>(lines.Count * Copies);
        for (int copy = 0; copy < Copies; copy++)
        {
            text.AddRange(lines.Select(l => string.Create(CultureInfo.InvariantCulture, $"{l.Module}:{l.Instance + (copy * stride)}:{l.Rest}\t{l.Value.TrimEnd(' ', '\t')}")));
        }

        string folder = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "kstat-benchmarks");
        Directory.CreateDirectory(folder);
        string path = System.IO.Path.Combine(folder, $"startup-{ParseCapture.Fingerprint(lines):x8}.txt");
        if (!File.Exists(path))
        {
            File.WriteAllText(path + ".partial", string.Concat(text.Select(t => t + "\n")), new UTF8Encoding(false));
            File.Move(path + ".partial", path, overwrite: true);
        }

        string middle = text[text.Count / 2];
        return (path, text.Count, middle[..middle.LastIndexOf(':', middle.IndexOf('\t', StringComparison.Ordinal))]);
    }
}
