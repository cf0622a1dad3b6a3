using static Interop.Kstat;

namespace Kstat.Native;

/// <summary>
/// The NAMED shapes a chain has met, by the hash of their records' names and types: a kstat read for the first time
/// (or whose records changed) takes the shape of earlier kstats with the same records, and with it their schema.
/// </summary>
/// <remarks>Not thread safe: the chain uses it under its lock. Bounded: past <see cref="Limit"/> shapes, new ones are
/// built but not kept (a chain whose record sets never repeat gains nothing from keeping them).</remarks>
internal sealed unsafe class NamedShapes
{
    internal const int Limit = 4096;

    private readonly Dictionary<int, List<NamedShape>> _byHash = [];
    private int _count;

    /// <summary>Gets the shape of <paramref name="count"/> records: an earlier one with the same names and types, or a new one.</summary>
    internal NamedShape Get(kstat_named_t* records, int count)
    {
        int hash = NamedShape.HashOf(records, count);
        if (_byHash.TryGetValue(hash, out var shapes))
        {
            foreach (var shape in shapes)
            {
                if (shape.Matches(records, count))
                {
                    return shape;
                }
            }
        }

        var created = NamedShape.Create(records, count);
        if (_count < Limit)
        {
            if (shapes is null)
            {
                _byHash.Add(hash, shapes = new List<NamedShape>(1));
            }

            shapes.Add(created);
            _count++;
        }

        return created;
    }
}
