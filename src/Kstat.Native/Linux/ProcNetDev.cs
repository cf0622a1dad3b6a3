using Kstat.Tree;

namespace Kstat.Native;

/// <summary>Parses <c>/proc/net/dev</c>: two header lines, then <c>name: 8 receive and 8 transmit counters</c>.</summary>
internal static class ProcNetDev
{
    public const string FileName = "net/dev";

    /// <summary>Lists the interface names; lines without a <c>name:</c> are skipped here (nothing depends on them).</summary>
    public static List<string> ListInterfaces(string text)
    {
        var names = new List<string>();
        foreach (var line in ProcfsLine.Split(FileName, text))
        {
            if (line.Number > 2 && TryName(line, out string name, out _))
            {
                names.Add(name);
            }
        }

        return names;
    }

    /// <summary>Reads the 16 counters of one interface; <c>null</c> when it has no line (it was removed).</summary>
    /// <exception cref="KstatFormatException">The interface's line is malformed.</exception>
    public static ulong[]? ReadInterface(string source, string text, string name)
    {
        foreach (var line in ProcfsLine.Split(source, text))
        {
            if (line.Number > 2 && TryName(line, out string n, out int colon) && n == name)
            {
                var t = line.AtLeast(line.Tokens(colon + 1), 16, "8 receive and 8 transmit counters");
                return t.Take(16).Select(token => line.UInt64(token, "a counter")).ToArray();
            }
        }

        return null;
    }

    // Interface names cannot hold ':'; old kernels glue large counters to it ("eth0:123456"), so split there.
    private static bool TryName(ProcfsLine line, out string name, out int colon)
    {
        colon = line.Text.IndexOf(':', StringComparison.Ordinal);
        name = colon > 0 ? line.Text[..colon].Trim() : string.Empty;
        return name.Length > 0;
    }
}
