using Kstat.Tree;

namespace Kstat.Native;

/// <summary>
/// A block device as an I/O kstat (class <c>disk</c>, or <c>partition</c> for a partition) from its line of
/// <c>/proc/diskstats</c>, in the field order and kinds of <c>kstat_io_t</c>.
/// </summary>
/// <remarks>
/// nread/nwritten are sectors × 512 bytes; reads/writes are completed requests (UInt32, wrapped); rtime is the time
/// the device was busy and rlentime the queue-length × time integral (Linux's io_ticks and weighted time, ms → ns);
/// rcnt is the requests in flight. Linux has one queue per device, so it is reported as the run queue and the
/// wait-queue fields (wtime, wlentime, wlastupdate, wcnt) are 0. rlastupdate is the read's snaptime: the kernel
/// brings the busy time up to date when the file is read.
/// </remarks>
internal sealed class DiskKstat(string module, int instance, string device, bool isPartition)
    : ProcfsKstat(module, instance, device, isPartition ? "partition" : "disk", KstatType.Io)
{
    private const ulong SectorBytes = 512, NanosPerMilli = 1_000_000;

    // Columns of /proc/diskstats after the name.
    private const int Reads = 0, SectorsRead = 2, Writes = 4, SectorsWritten = 6, InFlight = 8, IoTicks = 9, WeightedTicks = 10;

    public override KstatReading Read(ProcfsContext context)
    {
        var (c, snap) = ReadPart(context, ProcDiskStats.FileName, (path, text) => ProcDiskStats.ReadDevice(path, text, Name), $"device '{Name}'");
        return new KstatReading(snap, new KeyValuePair<string, KstatValue>[]
        {
            new("nread", c[SectorsRead] * SectorBytes),
            new("nwritten", c[SectorsWritten] * SectorBytes),
            new("reads", (uint)c[Reads]),
            new("writes", (uint)c[Writes]),
            new("wtime", KstatValue.HrTime(0)),
            new("wlentime", KstatValue.HrTime(0)),
            new("wlastupdate", KstatValue.HrTime(0)),
            new("rtime", KstatValue.HrTime((long)(c[IoTicks] * NanosPerMilli))),
            new("rlentime", KstatValue.HrTime((long)(c[WeightedTicks] * NanosPerMilli))),
            new("rlastupdate", KstatValue.HrTime(snap)),
            new("wcnt", 0U),
            new("rcnt", (uint)c[InFlight]),
        });
    }
}
