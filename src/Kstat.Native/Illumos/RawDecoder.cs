using System.Collections.Immutable;
using System.Runtime.InteropServices;
using Kstat.Tree;

namespace Kstat.Native;

/// <summary>What one field of a raw kstat struct holds.</summary>
internal enum RawFieldKind : byte
{
    UInt32,
    Int32,
    UInt64,
    Char,
}

/// <summary>One field of a raw kstat struct: Perl's key, its offset in the struct, its C type.</summary>
/// <param name="Name">The key Sun::Solaris::Kstat gives it.</param>
/// <param name="Offset">The byte offset in the LP64 struct.</param>
/// <param name="Kind">The C type.</param>
/// <param name="Length">The array length of a <see cref="RawFieldKind.Char"/> field.</param>
internal readonly record struct RawField(string Name, int Offset, RawFieldKind Kind, int Length = 0);

/// <summary>Decodes one raw kstat struct (<c>cpu_stat_t</c>, <c>struct var</c>, ...) into Perl's keys, in Perl's order.</summary>
internal sealed class RawDecoder
{
    internal RawDecoder(string structName, int size, ImmutableArray<RawField> fields)
    {
        StructName = structName;
        Size = size;
        Fields = fields;
        Schema = new KstatSchema(fields.Select(f => f.Name));
    }

    /// <summary>Gets the C struct's name, for messages.</summary>
    internal string StructName { get; }

    /// <summary>Gets <c>sizeof</c> the struct: the least <c>ks_data_size</c> this decoder accepts.</summary>
    internal int Size { get; }

    internal ImmutableArray<RawField> Fields { get; }

    /// <summary>Gets the keys, shared by every reading this decoder makes.</summary>
    internal KstatSchema Schema { get; }

    /// <summary>Decodes the struct at the start of <paramref name="data"/>.</summary>
    /// <exception cref="KstatException"><paramref name="data"/> is smaller than the struct.</exception>
    internal KstatValue[] Decode(ReadOnlySpan<byte> data, KstatHeader header)
    {
        if (data.Length < Size)
        {
            throw new KstatException(
                $"The raw kstat '{header.Key}' holds {data.Length} bytes, fewer than the {Size} of {StructName}; it cannot be decoded.");
        }

        var values = new KstatValue[Fields.Length];
        for (int i = 0; i < values.Length; i++)
        {
            var f = Fields[i];
            values[i] = f.Kind switch
            {
                RawFieldKind.UInt32 => KstatValue.FromUInt32(MemoryMarshal.Read<uint>(data[f.Offset..])),
                RawFieldKind.Int32 => KstatValue.FromInt32(MemoryMarshal.Read<int>(data[f.Offset..])),
                RawFieldKind.UInt64 => KstatValue.FromUInt64(MemoryMarshal.Read<ulong>(data[f.Offset..])),
                _ => KstatValue.Char(data.Slice(f.Offset, f.Length)),
            };
        }

        return values;
    }
}
