using Kstat.Tree;

namespace Kstat.Native;

/// <summary>
/// <c>link:0:&lt;ifname&gt;</c> (class <c>net</c>): the GLDv3 link counters from the interface's line of
/// <c>/proc/net/dev</c>. The 64-bit counters are UInt64; their 32-bit twins and the error counters are UInt32,
/// wrapped as illumos keeps them. <c>ifspeed</c> is the link speed in bits per second from sysfs
/// <c>class/net/&lt;ifname&gt;/speed</c> (Mb/s), present only while the kernel reports a positive speed.
/// </summary>
/// <remarks>
/// The kernel reports -1 (or refuses the read with EINVAL) for a link that is down or a virtual device without a
/// speed; <c>ifspeed</c> is then absent, never 0, so a utilisation column cannot divide by a made-up speed.
/// </remarks>
internal sealed class LinkKstat(string interfaceName) : ProcfsKstat("link", 0, interfaceName, "net", KstatType.Named)
{
    // Columns of /proc/net/dev after the name.
    private const int RxBytes = 0, RxPackets = 1, RxErrs = 2, RxDrop = 3, RxMulticast = 7;
    private const int TxBytes = 8, TxPackets = 9, TxErrs = 10, TxDrop = 11, TxColls = 13;

    private const ulong BitsPerMegabit = 1_000_000;

    public override KstatReading Read(ProcfsContext context)
    {
        var (c, snap) = ReadPart(context, ProcNetDev.FileName, (path, text) => ProcNetDev.ReadInterface(path, text, Name), $"interface '{Name}'");
        ulong? speed = Speed(context.Files);

        // kstat -p order (sorted by name), the order scripts see.
        var values = new List<KeyValuePair<string, KstatValue>>(15)
        {
            new("collisions", (uint)c[TxColls]),
            new("ierrors", (uint)c[RxErrs]),
        };
        if (speed is { } bits)
        {
            values.Add(new("ifspeed", bits));
        }

        values.AddRange(new KeyValuePair<string, KstatValue>[]
        {
            new("ipackets", (uint)c[RxPackets]),
            new("ipackets64", c[RxPackets]),
            new("multircv", (uint)c[RxMulticast]),
            new("norcvbuf", (uint)c[RxDrop]),
            new("noxmtbuf", (uint)c[TxDrop]),
            new("obytes", (uint)c[TxBytes]),
            new("obytes64", c[TxBytes]),
            new("oerrors", (uint)c[TxErrs]),
            new("opackets", (uint)c[TxPackets]),
            new("opackets64", c[TxPackets]),
            new("rbytes", (uint)c[RxBytes]),
            new("rbytes64", c[RxBytes]),
        });
        return new KstatReading(snap, values);
    }

    /// <summary>The link speed in bits per second as illumos gives <c>ifspeed</c>, or <c>null</c> when the kernel reports none.</summary>
    /// <exception cref="KstatFormatException">The speed file holds something other than a number a kernel <c>int</c> holds.</exception>
    private ulong? Speed(ProcfsFileSystem files)
    {
        if (!ProcfsFileSystem.IsFileName(Name))
        {
            return null; // not a name the kernel gives an interface (a damaged /proc/net/dev): no sysfs path to follow
        }

        string path = files.Sys("class/net/" + Name + "/speed");
        long? megabits = files.ReadOptionalNumber(path);
        return megabits switch
        {
            null or <= 0 => null,
            <= int.MaxValue => (ulong)megabits.Value * BitsPerMegabit,
            _ => throw new KstatFormatException($"expected a link speed in Mb/s but found {megabits}, which is out of range", path, 1, 1),
        };
    }
}
