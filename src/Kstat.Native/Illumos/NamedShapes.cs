using static Interop.Kstat;

namespace Kstat.Native;

/// <summary>
/// The NAMED shapes one chain has met, found by the hash of the records' names and types, so kstats with the same
/// records share one <see cref="NamedShape"/> (and one schema).
/// </summary>
/// <remarks>Not thread safe: the chain uses it under its lock. Bounded: past <see cref="Limit"/> shapes, new ones are
/// built but not kept (a chain whose record sets never repeat gains nothing from keeping them).</remarks>
internal sealed unsafe class NamedShapes
{
    internal const int Limit = 4096;

    private readonly Dictionary<int, List<NamedShape>> _byHash = [];
    private int _count;

    /// <summary>Gets the shape of <paramref name="count"/> records, an earlier one when it has the same names and types.</summary>
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

        var created = NamedShape.Create(records, count, hash);
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
