using Kstat.Tree;

namespace Kstat.Native;

/// <summary>Parses <c>/proc/diskstats</c>: <c>major minor name</c> and at least 11 counters per block device.</summary>
internal static class ProcDiskStats
{
    public const string FileName = "diskstats";

    /// <summary>Lists the device names in file order (the third field); lines with fewer fields are skipped here.</summary>
    public static List<string> ListDevices(string text)
    {
        var names = new List<string>();
        foreach (var line in ProcfsLine.Split(FileName, text))
        {
            var t = line.Tokens();
            if (t.Count >= 3)
            {
                names.Add(t[2].Text);
            }
        }

        return names;
    }

    /// <summary>Reads the first 11 counters of one device; <c>null</c> when it has no line (it was removed).</summary>
    /// <exception cref="KstatFormatException">The device's line is malformed.</exception>
    public static ulong[]? ReadDevice(string source, string text, string name)
    {
        foreach (var line in ProcfsLine.Split(source, text))
        {
            var t = line.Tokens();
            if (t.Count >= 3 && t[2].Text == name)
            {
                line.AtLeast(t, 14, "major, minor, name and 11 I/O counters");
                return t.Skip(3).Take(11).Select(token => line.UInt64(token, "an I/O counter")).ToArray();
            }
        }

        return null;
    }
}
