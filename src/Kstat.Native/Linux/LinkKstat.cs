using Kstat.Tree;

namespace Kstat.Native;

/// <summary>
/// <c>link:0:&lt;ifname&gt;</c> (class <c>net</c>): the GLDv3 link counters from the interface's line of
/// <c>/proc/net/dev</c>. The 64-bit counters are UInt64; their 32-bit twins and the error counters are UInt32,
/// wrapped as illumos keeps them.
/// </summary>
internal sealed class LinkKstat(string interfaceName) : ProcfsKstat("link", 0, interfaceName, "net", KstatType.Named)
{
    // Columns of /proc/net/dev after the name.
    private const int RxBytes = 0, RxPackets = 1, RxErrs = 2, RxDrop = 3, RxMulticast = 7;
    private const int TxBytes = 8, TxPackets = 9, TxErrs = 10, TxDrop = 11, TxColls = 13;

    public override KstatReading Read(ProcfsContext context)
    {
        var (c, snap) = ReadPart(context, ProcNetDev.FileName, (path, text) => ProcNetDev.ReadInterface(path, text, Name), $"interface '{Name}'");

        // kstat -p order (sorted by name), the order scripts see.
        return new KstatReading(snap, new KeyValuePair<string, KstatValue>[]
        {
            new("collisions", (uint)c[TxColls]),
            new("ierrors", (uint)c[RxErrs]),
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
    }
}
