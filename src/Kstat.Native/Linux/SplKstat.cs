using Kstat.Tree;

namespace Kstat.Native;

/// <summary>
/// A kstat that OpenZFS's SPL already publishes under <c>/proc/spl/kstat/&lt;module&gt;/&lt;name&gt;</c> (for example
/// <c>zfs:0:arcstats</c>): read faithfully from its header line (<c>kid type flags ndata data_size crtime snaptime</c>)
/// and its data, named (<c>name type data</c>) or I/O.
/// </summary>
/// <remarks>
/// The chain lists SPL kstats from the directory tree without opening them, so the type comes from the name:
/// <c>io</c> files are I/O kstats, the text-only raw ones are left out, the rest are named. A file whose header
/// line says otherwise fails to read with a <see cref="KstatFormatException"/>. <c>snaptime</c> is the SPL's own
/// (its <c>gethrtime()</c>). The module keeps the directory path (<c>zfs/tank</c> for a pool's kstats).
/// </remarks>
internal sealed class SplKstat(string module, string name, string path, KstatType type)
    : ProcfsKstat(module, 0, name, type == KstatType.Io ? "disk" : "misc", type)
{
    /// <summary>SPL kstats whose data is free text (raw with ks_raw_ops): no decoder, so not in the chain, as in Perl.</summary>
    public static readonly HashSet<string> TextOnly = new(StringComparer.Ordinal)
    {
        "dbufs", "dbgmsg", "txgs", "reads", "multihost", "state", "fletcher_4_bench", "vdev_raidz_bench", "chksum_bench",
    };

    private static readonly string[] IoNames =
        ["nread", "nwritten", "reads", "writes", "wtime", "wlentime", "wlastupdate", "rtime", "rlentime", "rlastupdate", "wcnt", "rcnt"];

    public string Path { get; } = path;

    public override KstatReading Read(ProcfsContext context)
    {
        string text = context.Files.ReadRequired(Path, Key);
        var lines = ProcfsLine.Split(Path, text).ToList();
        if (lines.Count < 2)
        {
            throw new KstatFormatException("expected a header line and a column line", Path, lines.Count + 1, 1);
        }

        var header = lines[0];
        var h = header.AtLeast(header.Tokens(), 7, "kid type flags ndata data_size crtime snaptime");
        ulong type = header.UInt64(h[1], "the kstat type");
        if (type != (ulong)Type)
        {
            throw header.Error($"expected kstat type {(int)Type} ({Type}) but found {type}", h[1].Column);
        }

        long snap = header.Int64(h[6], "the snaptime in ns");
        return Type == KstatType.Io ? new KstatReading(snap, ReadIo(lines)) : new KstatReading(snap, ReadNamed(lines));
    }

    private static List<KeyValuePair<string, KstatValue>> ReadNamed(List<ProcfsLine> lines)
    {
        var values = new List<KeyValuePair<string, KstatValue>>();
        foreach (var line in lines.Skip(2))
        {
            if (line.IsBlank)
            {
                continue;
            }

            var t = line.AtLeast(line.Tokens(), 2, "name type data");
            string data = t.Count > 2 ? line.Text[(t[2].Column - 1)..].TrimEnd() : string.Empty;
            var token = t.Count > 2 ? t[2] : new ProcfsToken(string.Empty, line.Text.Length + 1);
            KstatValue value = line.UInt64(t[1], "a KSTAT_DATA_* type") switch
            {
                0 => KstatValue.Char(System.Text.Encoding.UTF8.GetBytes(data)), // CHAR, printed %-16s
                1 => line.Int32(token, "an int32"),
                2 => line.UInt32(token, "a uint32"),
                3 or 5 => line.Int64(token, "an int64"),          // INT64, LONG (LP64)
                4 or 6 => line.UInt64(token, "a uint64"),         // UINT64, ULONG (LP64)
                7 => data,                                        // STRING
                _ => throw line.Error($"expected a KSTAT_DATA_* type 0-7 but found {t[1].Text}", t[1].Column),
            };
            values.Add(new(t[0].Text, value));
        }

        return values;
    }

    private static List<KeyValuePair<string, KstatValue>> ReadIo(List<ProcfsLine> lines)
    {
        var line = lines.Count > 2 ? lines[2] : new ProcfsLine(lines[0].Source, 3, string.Empty);
        var t = line.AtLeast(line.Tokens(), 12, "the 12 kstat_io_t fields");
        var values = new List<KeyValuePair<string, KstatValue>>();
        for (int i = 0; i < IoNames.Length; i++)
        {
            KstatValue value = i switch
            {
                0 or 1 => line.UInt64(t[i], IoNames[i]),
                2 or 3 or 10 or 11 => line.UInt32(t[i], IoNames[i]),
                _ => KstatValue.HrTime(line.Int64(t[i], IoNames[i])),
            };
            values.Add(new(IoNames[i], value));
        }

        return values;
    }
}
