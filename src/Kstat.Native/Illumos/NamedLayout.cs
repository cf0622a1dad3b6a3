using System.Text;
using Kstat.Tree;
using static Interop.Kstat;

namespace Kstat.Native;

/// <summary>
/// The statistic names of a NAMED kstat as last read, and where each record's value goes; a re-read whose
/// records have the same names and types reuses it, so it costs no schema and no name strings.
/// </summary>
internal sealed unsafe class NamedLayout
{
    private readonly byte[][] _names;  // each record's name bytes, up to the NUL
    private readonly byte[] _types;    // each record's data_type
    private readonly int[] _slots;     // each record's index in the schema, or -1 when its type is skipped
    private readonly KstatValue[] _text;   // each CHAR/STRING record's last value, reused while its bytes stay the same
    private readonly byte[]?[] _textBytes; // the bytes of each STRING record's last value

    private NamedLayout(byte[][] names, byte[] types, int[] slots, KstatSchema schema)
    {
        _names = names;
        _types = types;
        _slots = slots;
        Schema = schema;
        _text = new KstatValue[names.Length];
        _textBytes = new byte[names.Length][];
    }

    internal KstatSchema Schema { get; }

    /// <summary>Gets the schema index of record <paramref name="record"/>, or -1 when its value is skipped.</summary>
    internal int SlotOf(int record) => _slots[record];

    /// <summary>Gives the CHAR value of a record, the last one again when its 16 bytes did not change.</summary>
    /// <remarks>Not thread safe: the chain calls it under its lock.</remarks>
    internal KstatValue Char(int record, ReadOnlySpan<byte> bytes)
    {
        var last = _text[record];
        if (last.Kind == KstatValueKind.Char && last.GetCharBytes().SequenceEqual(bytes))
        {
            return last;
        }

        return _text[record] = KstatValue.Char(bytes);
    }

    /// <summary>Gives the STRING value of a record, the last one again when its bytes did not change (no new string).</summary>
    /// <remarks>Not thread safe: the chain calls it under its lock.</remarks>
    internal KstatValue String(int record, ReadOnlySpan<byte> bytes)
    {
        if (_textBytes[record] is { } last && bytes.SequenceEqual(last))
        {
            return _text[record];
        }

        _textBytes[record] = bytes.ToArray();
        return _text[record] = Encoding.UTF8.GetString(bytes);
    }

    /// <summary>Tells whether <paramref name="count"/> records have exactly this layout's names and types.</summary>
    internal bool Matches(kstat_named_t* records, int count)
    {
        if (count != _names.Length)
        {
            return false;
        }

        for (int i = 0; i < count; i++)
        {
            if (records[i].data_type != _types[i] || !NameOf(&records[i]).SequenceEqual(_names[i]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Builds the layout of <paramref name="count"/> records: a repeated name keeps its first position and its last value, as a Perl hash does.</summary>
    internal static NamedLayout Create(kstat_named_t* records, int count)
    {
        var names = new byte[count][];
        var types = new byte[count];
        var slots = new int[count];
        var index = new Dictionary<string, int>(count, StringComparer.Ordinal);
        var schemaNames = new List<string>(count);
        for (int i = 0; i < count; i++)
        {
            names[i] = NameOf(&records[i]).ToArray();
            types[i] = records[i].data_type;
            if (!IsDecoded(types[i]))
            {
                slots[i] = -1;
                continue;
            }

            string name = Encoding.UTF8.GetString(names[i]);
            if (!index.TryGetValue(name, out int slot))
            {
                slot = schemaNames.Count;
                index.Add(name, slot);
                schemaNames.Add(name);
            }

            slots[i] = slot;
        }

        return new NamedLayout(names, types, slots, new KstatSchema(schemaNames));
    }

    /// <summary>Tells whether a <c>data_type</c> gives a value; unknown types are skipped, as Perl skips them.</summary>
    internal static bool IsDecoded(byte type) => type is KSTAT_DATA_CHAR or KSTAT_DATA_INT32 or KSTAT_DATA_UINT32
        or KSTAT_DATA_INT64 or KSTAT_DATA_UINT64 or KSTAT_DATA_FLOAT or KSTAT_DATA_DOUBLE or KSTAT_DATA_STRING;

    private static ReadOnlySpan<byte> NameOf(kstat_named_t* record)
    {
        var bytes = new ReadOnlySpan<byte>(record->name, KSTAT_STRLEN);
        int nul = bytes.IndexOf((byte)0);
        return nul < 0 ? bytes : bytes[..nul];
    }
}
