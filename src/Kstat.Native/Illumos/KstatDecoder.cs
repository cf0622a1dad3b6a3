using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Kstat.Tree;
using static Interop.Kstat;

namespace Kstat.Native;

/// <summary>
/// Turns the data <c>kstat_read</c> left in <c>ks_data</c> into values, per <c>ks_type</c>, the way
/// Sun::Solaris::Kstat does (keys, order, only the first INTR/IO/TIMER record), but exact: 64-bit integers
/// stay integers, INT64 stays signed, times stay nanoseconds (<see cref="KstatValueKind.HrTime"/>).
/// </summary>
/// <remarks>Every method checks <c>ks_data_size</c> before it reads and throws <see cref="KstatException"/> when the data is too small.</remarks>
internal static unsafe class KstatDecoder
{
    private static readonly KstatSchema s_intr = new(["hard", "soft", "watchdog", "spurious", "multiple_service"]);

    private static readonly KstatSchema s_io = new(
        ["nread", "nwritten", "reads", "writes", "wtime", "wlentime", "wlastupdate", "rtime", "rlentime", "rlastupdate", "wcnt", "rcnt"]);

    private static readonly KstatSchema s_timer = new(["name", "num_events", "elapsed_time", "min_time", "max_time", "start_time", "stop_time"]);

    private static readonly KstatSchema s_raw = new(["raw"]);

    private const string NullString = "null";

    /// <summary>Decodes a NAMED kstat, reusing <paramref name="layout"/> when the records have the same names and types.</summary>
    internal static KstatReading Named(kstat_t* ksp, KstatHeader header, ref NamedLayout? layout, NamedShapes? shapes = null)
    {
        ulong size = ksp->ks_data_size;
        uint count = ksp->ks_ndata;
        if ((ksp->ks_data == null && count > 0) || (ulong)count * (ulong)sizeof(kstat_named_t) > size)
        {
            ThrowBadNamedData(ksp, header); // out of line: the message formatting would weigh on every read
        }

        var records = (kstat_named_t*)ksp->ks_data;
        if (layout is null || !layout.Matches(records, (int)count))
        {
            layout = NamedLayout.Create(records, (int)count, shapes);
        }

        var shape = layout.Shape;
        var values = new KstatValue[shape.Schema.Count];
        byte* start = (byte*)ksp->ks_data;
        byte* end = start + size;
        if (shape.IsDirect)
        {
            // Record i is value i: a straight loop, the bounds known to the JIT (values.Length == count).
            for (int i = 0; i < values.Length; i++)
            {
                if (!TryInteger(&records[i], ref values[i]))
                {
                    values[i] = NamedValue(layout, i, &records[i], start, end, header);
                }
            }
        }
        else
        {
            for (int i = 0; i < (int)count; i++)
            {
                int slot = shape.SlotOf(i);
                if (slot >= 0 && !TryInteger(&records[i], ref values[slot]))
                {
                    values[slot] = NamedValue(layout, i, &records[i], start, end, header);
                }
            }
        }

        return new KstatReading(ksp->ks_snaptime, shape.Schema, ImmutableCollectionsMarshal.AsImmutableArray(values));
    }

    /// <summary>Decodes an integer record into <paramref name="value"/>; false for any other type.</summary>
    /// <remarks>The numeric kinds inline (a monitor reads little else), each storing its own value: a value whose reference
    /// is known to be null is stored without a GC write barrier. Text and floats go through <see cref="NamedValue"/>.</remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool TryInteger(kstat_named_t* record, ref KstatValue value)
    {
        switch (record->data_type)
        {
            case KSTAT_DATA_UINT64:
                value = KstatValue.FromUInt64(record->value.ui64);
                return true;
            case KSTAT_DATA_INT64:
                value = KstatValue.FromInt64(record->value.i64);
                return true;
            case KSTAT_DATA_UINT32:
                value = KstatValue.FromUInt32(record->value.ui32);
                return true;
            case KSTAT_DATA_INT32:
                value = KstatValue.FromInt32(record->value.i32);
                return true;
            default:
                return false;
        }
    }

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

    /// <summary>Decodes a RAW kstat with its struct decoder.</summary>
    internal static KstatReading Raw(kstat_t* ksp, RawDecoder decoder, KstatHeader header) =>
        Reading(ksp, decoder.Schema, decoder.Decode(Data(ksp), header));

    /// <summary>Gives a RAW kstat without a decoder as one <see cref="KstatValueKind.Char"/> value <c>raw</c> holding all its bytes.</summary>
    internal static KstatReading RawBytes(kstat_t* ksp) => Reading(ksp, s_raw, [KstatValue.Char(Data(ksp))]);

    private static KstatReading Reading(kstat_t* ksp, KstatSchema schema, KstatValue[] values) =>
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

    [DoesNotReturn]
    private static void ThrowBadNamedData(kstat_t* ksp, KstatHeader header)
    {
        uint count = ksp->ks_ndata;
        if (ksp->ks_data == null)
        {
            throw new KstatException($"The kstat '{header.Key}' has {count} named records but no data.");
        }

        throw new KstatException(
            $"The named kstat '{header.Key}' claims {count} records of {sizeof(kstat_named_t)} bytes but holds only {ksp->ks_data_size} bytes.");
    }

    private static KstatValue NamedValue(NamedLayout layout, int index, kstat_named_t* record, byte* start, byte* end, KstatHeader header)
    {
        ref kstat_named_value v = ref record->value;
        switch (record->data_type)
        {
            case KSTAT_DATA_CHAR:
                return layout.Char(index, new ReadOnlySpan<byte>(record->value.c, 16));
            case KSTAT_DATA_INT32:
                return KstatValue.FromInt32(v.i32);
            case KSTAT_DATA_UINT32:
                return KstatValue.FromUInt32(v.ui32);
            case KSTAT_DATA_INT64:
                return KstatValue.FromInt64(v.i64);
            case KSTAT_DATA_UINT64:
                return KstatValue.FromUInt64(v.ui64);
            case KSTAT_DATA_FLOAT:
                return KstatValue.FromDouble(v.f);
            case KSTAT_DATA_DOUBLE:
                return KstatValue.FromDouble(v.d);
            default:
                return StringValue(layout, index, record, start, end, header);
        }
    }

    /// <summary>A STRING value: the text its pointer names, up to the NUL; a NULL pointer gives <c>"null"</c>, as in Perl.</summary>
    private static KstatValue StringValue(NamedLayout layout, int index, kstat_named_t* record, byte* start, byte* end, KstatHeader header)
    {
        byte* p = record->value.str_ptr;
        if (p == null)
        {
            return NullString;
        }

        // The kernel points STRING values into the same ks_data buffer, after the records; anything else is not trusted.
        if (p < start || p >= end)
        {
            throw new KstatException($"The STRING value of a statistic of '{header.Key}' points outside the kstat's data.");
        }

        uint len = record->value.str_len;
        long room = end - p;
        var bytes = new ReadOnlySpan<byte>(p, (int)Math.Min(len == 0 ? room : len, room));
        int nul = bytes.IndexOf((byte)0);
        return layout.String(index, nul < 0 ? bytes : bytes[..nul]);
    }
}
