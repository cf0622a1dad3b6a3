using System.Diagnostics.CodeAnalysis;
using System.Text;
using Kstat.Tree;
using static Interop.Kstat;

namespace Kstat.Native;

/// <summary>
/// Decodes one NAMED kstat, read after read: the <c>kstat_named_t</c> array <c>kstat_read</c> left in <c>ks_data</c>
/// becomes one value per name, the way Sun::Solaris::Kstat gives them (a repeated name keeps its first position and
/// its last value, unknown types are skipped, a NULL STRING is <c>"null"</c>), but exact: 64-bit integers stay
/// integers and INT64 stays signed.
/// </summary>
/// <remarks>
/// <para>The chain keeps one per NAMED kstat, made at its first read. It holds the kstat's <see cref="NamedShape"/>,
/// taken from the chain's <see cref="NamedShapes"/> at the first read and again only when the records' names or
/// types change, and the last value of each CHAR and STRING record, given again while its bytes stay the same: a
/// re-read of unchanged text allocates nothing for it, and an unchanged STRING is the same string.</para>
/// <para>Every pointer is checked against <c>ks_data_size</c> before it is followed; data that does not hold what it
/// claims throws <see cref="KstatException"/>. Not thread safe: the chain uses it under its lock.</para>
/// </remarks>
internal sealed unsafe class NamedDecoder
{
    private NamedShape? _shape;
    private KstatValue[]? _text;      // the last value of each CHAR and STRING record, in record order; null without text
    private byte[]?[]? _stringBytes;  // the bytes each STRING value of _text was decoded from, made at the first STRING

    /// <summary>Decodes what the last <c>kstat_read</c> of the kstat left in its <c>ks_data</c>.</summary>
    /// <param name="ksp">The kstat, just read.</param>
    /// <param name="header">Its header, for messages.</param>
    /// <param name="shapes">The chain's shapes, for a kstat read for the first time or whose records changed.</param>
    internal KstatReading Decode(kstat_t* ksp, KstatHeader header, NamedShapes shapes)
    {
        uint count = ksp->ks_ndata;
        if ((ksp->ks_data == null && count > 0) || (ulong)count * (ulong)sizeof(kstat_named_t) > ksp->ks_data_size)
        {
            ThrowBadData(ksp, header);
        }

        var records = (kstat_named_t*)ksp->ks_data;
        var shape = _shape;
        if (shape is null || !shape.Matches(records, (int)count))
        {
            _shape = shape = shapes.Get(records, (int)count);
            _text = shape.TextCount == 0 ? null : new KstatValue[shape.TextCount];
            _stringBytes = null;
        }

        var text = new TextRecords { Decoder = this, Ksp = ksp, Header = header };
        return KstatDecoder.Reading(ksp, shape.Schema, Values(records, shape, ref text));
    }

    /// <summary>Decodes each record into its slot, in record order, so a repeated name ends with its last value.</summary>
    /// <remarks>
    /// Numbers, nearly all a monitor reads, are decoded right here; text goes through <paramref name="text"/>, one
    /// argument for all it needs. Written so, the one loop decodes a monitor's kstats as fast as the two loops it
    /// replaced; with text's arguments passed one by one it took ~12% longer, with text decoded in the switch ~22%
    /// (200 kstats of 16 UINT64, docs/performance.md).
    /// </remarks>
    private static KstatValue[] Values(kstat_named_t* records, NamedShape shape, ref TextRecords text)
    {
        var values = new KstatValue[shape.Schema.Count];
        var slots = shape.Slots;
        for (int i = 0; i < slots.Length; i++)
        {
            int slot = slots[i];
            if (slot < 0)
            {
                continue; // a type Perl does not know
            }

            var record = &records[i];
            switch (record->data_type)
            {
                case KSTAT_DATA_UINT64:
                    values[slot] = KstatValue.FromUInt64(record->value.ui64);
                    break;
                case KSTAT_DATA_INT64:
                    values[slot] = KstatValue.FromInt64(record->value.i64);
                    break;
                case KSTAT_DATA_UINT32:
                    values[slot] = KstatValue.FromUInt32(record->value.ui32);
                    break;
                case KSTAT_DATA_INT32:
                    values[slot] = KstatValue.FromInt32(record->value.i32);
                    break;
                case KSTAT_DATA_FLOAT:
                    values[slot] = KstatValue.FromDouble(record->value.f);
                    break;
                case KSTAT_DATA_DOUBLE:
                    values[slot] = KstatValue.FromDouble(record->value.d);
                    break;
                case KSTAT_DATA_CHAR:
                case KSTAT_DATA_STRING:
                    values[slot] = text.Value(record);
                    break;
            }
        }

        return values;
    }

    /// <summary>The CHAR and STRING records of one read, met in record order, and what decoding them needs.</summary>
    private ref struct TextRecords
    {
        internal NamedDecoder Decoder; // holds each text record's last value
        internal kstat_t* Ksp;         // whose ks_data a STRING must point into
        internal KstatHeader Header;   // for messages
        internal int Next;             // the index among the text records of the next one met

        internal KstatValue Value(kstat_named_t* record)
        {
            int at = Next++;
            return record->data_type == KSTAT_DATA_CHAR
                ? Decoder.Char(at, new ReadOnlySpan<byte>(record->value.c, 16))
                : Decoder.String(at, StringBytes(Ksp, record, Header));
        }
    }

    /// <summary>Gives the value of the CHAR record that is text record <paramref name="text"/>: its last one when the 16 bytes did not change.</summary>
    private KstatValue Char(int text, ReadOnlySpan<byte> bytes)
    {
        var last = _text!;
        if (last[text].Kind == KstatValueKind.Char && last[text].GetCharBytes().SequenceEqual(bytes))
        {
            return last[text];
        }

        return last[text] = KstatValue.Char(bytes);
    }

    /// <summary>Gives the value of the STRING record that is text record <paramref name="text"/>: its last one (no new string) when the bytes did not change.</summary>
    private KstatValue String(int text, ReadOnlySpan<byte> utf8)
    {
        var last = _text!;
        var lastBytes = _stringBytes ??= new byte[last.Length][];
        if (lastBytes[text] is { } bytes && utf8.SequenceEqual(bytes))
        {
            return last[text];
        }

        lastBytes[text] = utf8.ToArray();
        return last[text] = Encoding.UTF8.GetString(utf8);
    }

    /// <summary>Gets the text of a STRING record: what its pointer names, up to the NUL; a NULL pointer gives <c>"null"</c>, as in Perl.</summary>
    private static ReadOnlySpan<byte> StringBytes(kstat_t* ksp, kstat_named_t* record, KstatHeader header)
    {
        byte* p = record->value.str_ptr;
        if (p == null)
        {
            return "null"u8;
        }

        // The kernel points STRING values into the same ks_data buffer, after the records; anything else is not trusted.
        byte* start = (byte*)ksp->ks_data;
        byte* end = start + ksp->ks_data_size;
        if (p < start || p >= end)
        {
            throw new KstatException($"The STRING value of a statistic of '{header.Key}' points outside the kstat's data.");
        }

        uint length = record->value.str_len;
        long room = end - p;
        var bytes = new ReadOnlySpan<byte>(p, (int)Math.Min(length == 0 ? room : length, room));
        int nul = bytes.IndexOf((byte)0);
        return nul < 0 ? bytes : bytes[..nul];
    }

    // Out of line: formatting the message would weigh on every read.
    [DoesNotReturn]
    private static void ThrowBadData(kstat_t* ksp, KstatHeader header)
    {
        uint count = ksp->ks_ndata;
        if (ksp->ks_data == null)
        {
            throw new KstatException($"The kstat '{header.Key}' has {count} named records but no data.");
        }

        throw new KstatException(
            $"The named kstat '{header.Key}' claims {count} records of {sizeof(kstat_named_t)} bytes but holds only {ksp->ks_data_size} bytes.");
    }
}
