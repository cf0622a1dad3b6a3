using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Text;
using Kstat.Tree;
using static Interop.Kstat;

namespace Kstat.Native;

/// <summary>
/// The record names and types of a NAMED kstat, with its schema and where each record's value goes. Immutable and
/// shared: every kstat of a chain whose records have the same names and types (all <c>cpu:N:sys</c>, all disks of
/// one driver) uses one shape, so a whole-chain read builds one schema per shape rather than one per kstat.
/// </summary>
internal sealed unsafe class NamedShape
{
    /// <summary>The bytes of a record a shape compares: the name (<c>char[KSTAT_STRLEN]</c>, NUL padded) and <c>data_type</c>.</summary>
    internal const int PrefixSize = KSTAT_STRLEN + 1;

    // Each record's first 32 bytes, back to back: a re-read matches when every record's 32 bytes are the same,
    // one vector compare per record instead of a scan for the NUL.
    private readonly byte[] _prefixes;
    private readonly int[] _slots; // each record's index in the schema, or -1 when its type is skipped
    private readonly int[] _texts; // each CHAR/STRING record's index among the text records, or -1

    private NamedShape(byte[] prefixes, int[] slots, int[] texts, int textCount, KstatSchema schema, int hash)
    {
        _prefixes = prefixes;
        _slots = slots;
        _texts = texts;
        TextCount = textCount;
        Schema = schema;
        Hash = hash;
        IsDirect = schema.Count == slots.Length; // every record decoded, no name twice: slot i is record i
    }

    internal KstatSchema Schema { get; }

    /// <summary>Gets a value indicating whether record <c>i</c> goes to slot <c>i</c> for every record (no skipped type, no
    /// repeated name): nearly every kstat, decoded by a straight loop.</summary>
    internal bool IsDirect { get; }

    /// <summary>Gets the number of records.</summary>
    internal int Count => _slots.Length;

    /// <summary>Gets the hash of the records' prefixes (<see cref="HashOf"/>).</summary>
    internal int Hash { get; }

    /// <summary>Gets the number of CHAR and STRING records, whose last values a layout keeps.</summary>
    internal int TextCount { get; }

    /// <summary>Gets the schema index of record <paramref name="record"/>, or -1 when its value is skipped.</summary>
    internal int SlotOf(int record) => _slots[record];

    /// <summary>Gets the index of CHAR or STRING record <paramref name="record"/> among the text records.</summary>
    internal int TextIndexOf(int record) => _texts[record];

    /// <summary>Tells whether <paramref name="count"/> records have exactly this shape's names and types.</summary>
    internal bool Matches(kstat_named_t* records, int count)
    {
        if (count != _slots.Length)
        {
            return false;
        }

        if (Vector256.IsHardwareAccelerated)
        {
            // A monitor re-checks every record of every kstat it reads each round: one 32-byte compare each.
            ref byte expected = ref MemoryMarshal.GetArrayDataReference(_prefixes);
            for (int i = 0; i < count; i++)
            {
                if (Vector256.Load((byte*)&records[i]) != Vector256.LoadUnsafe(ref expected, (nuint)(i * PrefixSize)))
                {
                    return false;
                }
            }

            return true;
        }

        var prefixes = new ReadOnlySpan<byte>(_prefixes);
        for (int i = 0; i < count; i++)
        {
            if (!Prefix(&records[i]).SequenceEqual(prefixes.Slice(i * PrefixSize, PrefixSize)))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Hashes the prefixes of <paramref name="count"/> records, to find a shape without building one.</summary>
    internal static int HashOf(kstat_named_t* records, int count)
    {
        var hash = default(HashCode);
        for (int i = 0; i < count; i++)
        {
            hash.AddBytes(Prefix(&records[i]));
        }

        return hash.ToHashCode();
    }

    /// <summary>Builds the shape of <paramref name="count"/> records: a repeated name keeps its first position and its last value, as a Perl hash does.</summary>
    internal static NamedShape Create(kstat_named_t* records, int count, int hash)
    {
        var prefixes = new byte[count * PrefixSize];
        var slots = new int[count];
        var texts = new int[count];
        int textCount = 0;
        var index = new Dictionary<string, int>(count, StringComparer.Ordinal);
        var schemaNames = new List<string>(count);
        for (int i = 0; i < count; i++)
        {
            Prefix(&records[i]).CopyTo(prefixes.AsSpan(i * PrefixSize));
            texts[i] = records[i].data_type is KSTAT_DATA_CHAR or KSTAT_DATA_STRING ? textCount++ : -1;
            if (!IsDecoded(records[i].data_type))
            {
                slots[i] = -1;
                continue;
            }

            string name = Encoding.UTF8.GetString(NameOf(&records[i]));
            if (!index.TryGetValue(name, out int slot))
            {
                slot = schemaNames.Count;
                index.Add(name, slot);
                schemaNames.Add(name);
            }

            slots[i] = slot;
        }

        return new NamedShape(prefixes, slots, texts, textCount, new KstatSchema(schemaNames), hash);
    }

    /// <summary>Tells whether a <c>data_type</c> gives a value; unknown types are skipped, as Perl skips them.</summary>
    internal static bool IsDecoded(byte type) => type is KSTAT_DATA_CHAR or KSTAT_DATA_INT32 or KSTAT_DATA_UINT32
        or KSTAT_DATA_INT64 or KSTAT_DATA_UINT64 or KSTAT_DATA_FLOAT or KSTAT_DATA_DOUBLE or KSTAT_DATA_STRING;

    private static ReadOnlySpan<byte> Prefix(kstat_named_t* record) => new(record->name, PrefixSize);

    private static ReadOnlySpan<byte> NameOf(kstat_named_t* record)
    {
        var bytes = new ReadOnlySpan<byte>(record->name, KSTAT_STRLEN);
        int nul = bytes.IndexOf((byte)0);
        return nul < 0 ? bytes : bytes[..nul];
    }
}
