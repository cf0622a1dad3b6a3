using System.Runtime.CompilerServices;

namespace Kstat.Tree;

/// <summary>
/// The schemas of a capture, shared by every kstat that prints the same statistic names in the same order (all the
/// <c>cpu_info</c> kstats of a machine, every round of a series): one schema, with its name index, per shape rather
/// than one per kstat.
/// </summary>
/// <remarks>Names are interned (<see cref="CaptureStrings"/>), so a shape is hashed and matched by reference.</remarks>
internal sealed class CaptureSchemas
{
    private readonly Dictionary<int, List<KstatSchema>> _byHash = [];

    /// <summary>Finds the schema with exactly these names, in this order.</summary>
    /// <returns>The schema, or <c>null</c> when no kstat had these names yet (or a name repeats: no schema has that).</returns>
    public KstatSchema? Find(ReadOnlySpan<RawStatistic> statistics)
    {
        if (_byHash.TryGetValue(Hash(statistics), out var candidates))
        {
            foreach (var schema in candidates)
            {
                if (Matches(schema, statistics))
                {
                    return schema;
                }
            }
        }

        return null;
    }

    /// <summary>Makes the schema of names that <see cref="Find"/> did not know; the names must not repeat.</summary>
    public KstatSchema Add(ReadOnlySpan<RawStatistic> statistics)
    {
        var names = new string[statistics.Length];
        for (int i = 0; i < names.Length; i++)
        {
            names[i] = statistics[i].Name;
        }

        var schema = new KstatSchema(names);
        int hash = Hash(statistics);
        if (!_byHash.TryGetValue(hash, out var candidates))
        {
            _byHash.Add(hash, candidates = new List<KstatSchema>(1));
        }

        candidates.Add(schema);
        return schema;
    }

    private static bool Matches(KstatSchema schema, ReadOnlySpan<RawStatistic> statistics)
    {
        var names = schema.Names.AsSpan();
        if (names.Length != statistics.Length)
        {
            return false;
        }

        for (int i = 0; i < names.Length; i++)
        {
            if (!ReferenceEquals(names[i], statistics[i].Name))
            {
                return false;
            }
        }

        return true;
    }

    private static int Hash(ReadOnlySpan<RawStatistic> statistics)
    {
        var hash = default(HashCode);
        foreach (var statistic in statistics)
        {
            hash.Add(RuntimeHelpers.GetHashCode(statistic.Name));
        }

        return hash.ToHashCode();
    }
}
