using System.Runtime.CompilerServices;

namespace Kstat.Tree;

/// <summary>
/// The schemas of a capture, shared by every kstat that prints the same statistic names in the same order (all the
/// <c>cpu_info</c> kstats of a machine, every round of a series): one schema per shape rather than one per kstat.
/// </summary>
/// <remarks>Names are the builder's interned strings, so a shape is matched by reference, without hashing a string.</remarks>
internal sealed class CaptureSchemas
{
    private readonly Dictionary<int, List<KstatSchema>> _byHash = [];
    private readonly Dictionary<(KstatSchema, KstatShapes.Shape), KstatValueKind?[]> _kinds = [];
    private KstatSchema? _last;
    private (KstatSchema Schema, KstatShapes.Shape Fields, KstatValueKind?[] Kinds)? _lastKinds;

    /// <summary>Finds the schema of these names, trying <paramref name="hint"/> (the kstat's schema in the round before) first.</summary>
    /// <returns>The schema, or <c>null</c> when no kstat had these names yet (or a name repeats: no schema has that).</returns>
    public KstatSchema? Find(ReadOnlySpan<RawStatistic> statistics, KstatSchema? hint)
    {
        if (hint is not null && Matches(hint, statistics))
        {
            return hint;
        }

        if (_last is not null && Matches(_last, statistics))
        {
            return _last;
        }

        if (_byHash.TryGetValue(Hash(statistics), out var candidates))
        {
            foreach (var schema in candidates)
            {
                if (Matches(schema, statistics))
                {
                    return _last = schema;
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
        return _last = schema;
    }

    /// <summary>Gets the kind the fields of a kstat type give each name of a schema (<c>null</c> where they give none), worked out once per schema.</summary>
    public KstatValueKind?[] KindsOf(KstatSchema schema, KstatShapes.Shape fields)
    {
        if (_lastKinds is { } last && ReferenceEquals(last.Schema, schema) && ReferenceEquals(last.Fields, fields))
        {
            return last.Kinds;
        }

        if (!_kinds.TryGetValue((schema, fields), out var kinds))
        {
            var names = schema.Names;
            kinds = new KstatValueKind?[names.Length];
            for (int i = 0; i < kinds.Length; i++)
            {
                kinds[i] = fields.KindOf(names[i]);
            }

            _kinds.Add((schema, fields), kinds);
        }

        _lastKinds = (schema, fields, kinds);
        return kinds;
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
