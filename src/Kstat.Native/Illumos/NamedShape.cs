using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Text;
using Kstat.Tree;
using static Interop.Kstat;

namespace Kstat.Native;

/// <summary>
/// The names and types of a NAMED kstat's records, the schema they give and the slot of each record's value.
/// Immutable and shared: every kstat of a chain with the same records (all <c>cpu:N:sys</c>, every disk of one
/// driver) decodes with one shape, so reading a whole chain builds one schema per shape, not one per kstat.
/// </summary>
internal sealed unsafe class NamedShape
{
    /// <summary>The bytes of a record that make its shape: the name (<c>char[KSTAT_STRLEN]</c>, NUL padded) and <c>data_type</c>.</summary>
    private const int PrefixSize = KSTAT_STRLEN + 1;

    private readonly byte[] _prefixes; // each record's prefix, back to back
    private readonly int[] _slots;

    private NamedShape(byte[] prefixes, int[] slots, int textCount, KstatSchema schema)
    {
        _prefixes = prefixes;
        _slots = slots;
        TextCount = textCount;
        Schema = schema;
    }

    internal KstatSchema Schema { get; }

    /// <summary>Gets the number of CHAR and STRING records.</summary>
    internal int TextCount { get; }

    /// <summary>Gets, for each record, the index in <see cref="Schema"/> of its value, or -1 for a type that is skipped; not to be changed.</summary>
    internal int[] Slots => _slots;

    /// <summary>Tells whether <paramref name="count"/> records have exactly this shape's names and types, in order.</summary>
    internal bool Matches(kstat_named_t* records, int count)
    {
        if (count != _slots.Length)
        {
            return false;
        }

        // A monitor checks every record of every kstat it reads: one 32-byte vector compare of each record's first
        // bytes, as they lie. (A span compare of the same bytes made a monitor's decode ~12% slower.)
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

    /// <summary>Hashes the names and types of <paramref name="count"/> records, to find their shape without building one.</summary>
    internal static int HashOf(kstat_named_t* records, int count)
    {
        var hash = default(HashCode);
        for (int i = 0; i < count; i++)
        {
            hash.AddBytes(Prefix(&records[i]));
        }

        return hash.ToHashCode();
    }

    /// <summary>Builds the shape of <paramref name="count"/> records.</summary>
    /// <remarks>As in a Perl hash, a name that appears twice keeps its first position and takes its last value: both
    /// records get the slot of the first. A type Perl does not know gets no slot, and its record is skipped.</remarks>
    internal static NamedShape Create(kstat_named_t* records, int count)
    {
        var prefixes = new byte[count * PrefixSize];
        var slots = new int[count];
        int textCount = 0;
        var names = new List<string>(count);
        var slotOfName = new Dictionary<string, int>(count, StringComparer.Ordinal);
        for (int i = 0; i < count; i++)
        {
            var record = &records[i];
            Prefix(record).CopyTo(prefixes.AsSpan(i * PrefixSize));
            if (!IsDecoded(record->data_type))
            {
                slots[i] = -1;
                continue;
            }

            if (record->data_type is KSTAT_DATA_CHAR or KSTAT_DATA_STRING)
            {
                textCount++;
            }

            string name = Encoding.UTF8.GetString(NameOf(record));
            if (!slotOfName.TryGetValue(name, out int slot))
            {
                slot = names.Count;
                slotOfName.Add(name, slot);
                names.Add(name);
            }

            slots[i] = slot;
        }

        return new NamedShape(prefixes, slots, textCount, new KstatSchema(names));
    }

    /// <summary>Tells whether a <c>data_type</c> gives a value: the types Perl decodes, the others it skips.</summary>
    private static bool IsDecoded(byte type) => type is KSTAT_DATA_CHAR or KSTAT_DATA_INT32 or KSTAT_DATA_UINT32
        or KSTAT_DATA_INT64 or KSTAT_DATA_UINT64 or KSTAT_DATA_FLOAT or KSTAT_DATA_DOUBLE or KSTAT_DATA_STRING;

    private static ReadOnlySpan<byte> Prefix(kstat_named_t* record) => new(record->name, PrefixSize);

    private static ReadOnlySpan<byte> NameOf(kstat_named_t* record)
    {
        var bytes = new ReadOnlySpan<byte>(record->name, KSTAT_STRLEN);
        int nul = bytes.IndexOf((byte)0);
        return nul < 0 ? bytes : bytes[..nul];
    }
}
