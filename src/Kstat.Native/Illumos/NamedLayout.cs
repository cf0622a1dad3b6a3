using System.Text;
using Kstat.Tree;
using static Interop.Kstat;

namespace Kstat.Native;

/// <summary>
/// The layout of one NAMED kstat as last read: its <see cref="NamedShape"/> (shared with every kstat of the chain
/// that has the same records) and its own last CHAR and STRING values. A re-read whose records still match reuses it,
/// so it costs no schema and no name strings.
/// </summary>
internal sealed unsafe class NamedLayout
{
    private readonly NamedShape _shape;
    // Made on the first CHAR or STRING value and sized to the text records only (NamedShape.TextIndexOf):
    private KstatValue[]? _text;   // each CHAR/STRING record's last value, reused while its bytes stay the same
    private byte[]?[]? _textBytes; // the bytes of each STRING record's last value

    private NamedLayout(NamedShape shape) => _shape = shape;

    internal KstatSchema Schema => _shape.Schema;

    /// <summary>Gets the shared shape: the record names and types, the schema and where each record goes.</summary>
    internal NamedShape Shape => _shape;

    /// <summary>Gets the schema index of record <paramref name="record"/>, or -1 when its value is skipped.</summary>
    internal int SlotOf(int record) => _shape.SlotOf(record);

    /// <summary>Gives the CHAR value of a record, the last one again when its 16 bytes did not change.</summary>
    /// <remarks>Not thread safe: the chain calls it under its lock.</remarks>
    internal KstatValue Char(int record, ReadOnlySpan<byte> bytes)
    {
        var text = _text ??= new KstatValue[_shape.TextCount];
        int at = _shape.TextIndexOf(record);
        var last = text[at];
        if (last.Kind == KstatValueKind.Char && last.GetCharBytes().SequenceEqual(bytes))
        {
            return last;
        }

        return text[at] = KstatValue.Char(bytes);
    }

    /// <summary>Gives the STRING value of a record, the last one again when its bytes did not change (no new string).</summary>
    /// <remarks>Not thread safe: the chain calls it under its lock.</remarks>
    internal KstatValue String(int record, ReadOnlySpan<byte> bytes)
    {
        var text = _text ??= new KstatValue[_shape.TextCount];
        var textBytes = _textBytes ??= new byte[_shape.TextCount][];
        int at = _shape.TextIndexOf(record);
        if (textBytes[at] is { } last && bytes.SequenceEqual(last))
        {
            return text[at];
        }

        textBytes[at] = bytes.ToArray();
        return text[at] = Encoding.UTF8.GetString(bytes);
    }

    /// <summary>Tells whether <paramref name="count"/> records have exactly this layout's names and types.</summary>
    internal bool Matches(kstat_named_t* records, int count) => _shape.Matches(records, count);

    /// <summary>Builds the layout of <paramref name="count"/> records, on a shape from <paramref name="shapes"/> when one matches.</summary>
    internal static NamedLayout Create(kstat_named_t* records, int count, NamedShapes? shapes = null) =>
        new(shapes?.Get(records, count) ?? NamedShape.Create(records, count, NamedShape.HashOf(records, count)));
}
