using System.Collections.Immutable;
using System.Runtime.InteropServices;
using Kstat.Tree;
using static Interop.Kstat;

namespace Kstat.Native;

/// <summary>
/// Turns the data <c>kstat_read</c> left in <c>ks_data</c> into values for the kstat types whose data is one C struct
/// (INTR, IO, TIMER, RAW), the way Sun::Solaris::Kstat does (its keys in its order, only the first INTR, IO or TIMER
/// record), but exact: 64-bit integers stay integers and times stay nanoseconds (<see cref="KstatValueKind.HrTime"/>).
/// NAMED kstats have their own <see cref="NamedDecoder"/>.
/// </summary>
/// <remarks>Every method checks <c>ks_data_size</c> before it reads and throws <see cref="KstatException"/> when the data is too small.</remarks>
internal static unsafe class KstatDecoder
{
    private static readonly KstatSchema s_intr = new(["hard", "soft", "watchdog", "spurious", "multiple_service"]);

    private static readonly KstatSchema s_io = new(
        ["nread", "nwritten", "reads", "writes", "wtime", "wlentime", "wlastupdate", "rtime", "rlentime", "rlastupdate", "wcnt", "rcnt"]);

    private static readonly KstatSchema s_timer = new(["name", "num_events", "elapsed_time", "min_time", "max_time", "start_time", "stop_time"]);

    private static readonly KstatSchema s_raw = new(["raw"]);

    /// <summary>Decodes an INTR kstat: its first <c>kstat_intr_t</c>.</summary>
    internal static KstatReading Intr(kstat_t* ksp, KstatHeader header)
    {
        var intr = (kstat_intr_t*)Require(ksp, sizeof(kstat_intr_t), "kstat_intr_t", header);
        var values = new KstatValue[KSTAT_NUM_INTRS];
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = KstatValue.FromUInt32(intr->intrs[i]);
        }

        return Reading(ksp, s_intr, values);
    }

    /// <summary>Decodes an IO kstat: its first <c>kstat_io_t</c>.</summary>
    internal static KstatReading Io(kstat_t* ksp, KstatHeader header)
    {
        var io = (kstat_io_t*)Require(ksp, sizeof(kstat_io_t), "kstat_io_t", header);
        KstatValue[] values =
        [
            KstatValue.FromUInt64(io->nread), KstatValue.FromUInt64(io->nwritten),
            KstatValue.FromUInt32(io->reads), KstatValue.FromUInt32(io->writes),
            KstatValue.HrTime(io->wtime), KstatValue.HrTime(io->wlentime), KstatValue.HrTime(io->wlastupdate),
            KstatValue.HrTime(io->rtime), KstatValue.HrTime(io->rlentime), KstatValue.HrTime(io->rlastupdate),
            KstatValue.FromUInt32(io->wcnt), KstatValue.FromUInt32(io->rcnt),
        ];
        return Reading(ksp, s_io, values);
    }

    /// <summary>Decodes a TIMER kstat: only its first <c>kstat_timer_t</c>, as Perl and kstat(1) do.</summary>
    internal static KstatReading Timer(kstat_t* ksp, KstatHeader header)
    {
        if (ksp->ks_ndata < 1)
        {
            throw new KstatException($"The timer kstat '{header.Key}' has no records.");
        }

        var timer = (kstat_timer_t*)Require(ksp, sizeof(kstat_timer_t), "kstat_timer_t", header);
        KstatValue[] values =
        [
            KstatValue.Char(new ReadOnlySpan<byte>(timer->name, KSTAT_STRLEN)),
            KstatValue.FromUInt64(timer->num_events),
            KstatValue.HrTime(timer->elapsed_time), KstatValue.HrTime(timer->min_time), KstatValue.HrTime(timer->max_time),
            KstatValue.HrTime(timer->start_time), KstatValue.HrTime(timer->stop_time),
        ];
        return Reading(ksp, s_timer, values);
    }

    internal static KstatReading Raw(kstat_t* ksp, RawDecoder decoder, KstatHeader header) =>
        Reading(ksp, decoder.Schema, decoder.Decode(Data(ksp), header));

    /// <summary>Gives a RAW kstat without a decoder as one <see cref="KstatValueKind.Char"/> value <c>raw</c> holding all its bytes.</summary>
    internal static KstatReading RawBytes(kstat_t* ksp) => Reading(ksp, s_raw, [KstatValue.Char(Data(ksp))]);

    /// <summary>Makes the reading of values just decoded from <paramref name="ksp"/>; the array becomes the reading's own.</summary>
    internal static KstatReading Reading(kstat_t* ksp, KstatSchema schema, KstatValue[] values) =>
        new(ksp->ks_snaptime, schema, ImmutableCollectionsMarshal.AsImmutableArray(values));

    private static ReadOnlySpan<byte> Data(kstat_t* ksp) =>
        ksp->ks_data == null ? [] : new ReadOnlySpan<byte>(ksp->ks_data, checked((int)ksp->ks_data_size));

    private static void* Require(kstat_t* ksp, int size, string structName, KstatHeader header)
    {
        if (ksp->ks_data == null || ksp->ks_data_size < (nuint)size)
        {
            throw new KstatException(
                $"The kstat '{header.Key}' holds {ksp->ks_data_size} bytes, fewer than the {size} of a {structName}.");
        }

        return ksp->ks_data;
    }
}
