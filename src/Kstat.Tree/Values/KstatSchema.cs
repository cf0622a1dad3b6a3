using System.Collections.Immutable;

namespace Kstat.Tree;

/// <summary>
/// The statistic names of a reading, in order, with a name → index lookup. Readings of the same kstat
/// share one schema, so a re-read costs only its values.
/// </summary>
/// <remarks>Immutable and safe to share between threads and readings.</remarks>
public sealed class KstatSchema
{
    private readonly Dictionary<string, int> _index;

    /// <summary>Initializes a new schema.</summary>
    /// <param name="names">The statistic names, in the order read; each at most once.</param>
    /// <exception cref="ArgumentException">A name is null or appears twice.</exception>
    public KstatSchema(IEnumerable<string> names)
    {
        ArgumentNullException.ThrowIfNull(names);
        Names = [.. names];
        _index = new Dictionary<string, int>(Names.Length, StringComparer.Ordinal);
        for (int i = 0; i < Names.Length; i++)
        {
            string name = Names[i] ?? throw new ArgumentException("A statistic name is null.", nameof(names));
            if (!_index.TryAdd(name, i))
            {
                throw new ArgumentException($"The statistic name '{name}' appears twice.", nameof(names));
            }

            if (name is "class" or "crtime" or "snaptime")
            {
                HeaderFieldNameCount++;
            }
        }
    }

    /// <summary>
    /// Gets how many names are also the names Perl and kstat(1) give a kstat's own fields (<c>class</c>, <c>crtime</c>,
    /// <c>snaptime</c>); almost always 0. Whoever shows a reading beside its kstat's fields decides which one wins.
    /// </summary>
    internal int HeaderFieldNameCount { get; }

    /// <summary>Gets the statistic names, in the order read.</summary>
    public ImmutableArray<string> Names { get; }

    /// <summary>Gets the number of statistics.</summary>
    public int Count => Names.Length;

    /// <summary>Finds a statistic's position.</summary>
    /// <param name="name">The statistic name.</param>
    /// <returns>The index into the reading's values, or -1.</returns>
    public int IndexOf(string name) => _index.TryGetValue(name, out int i) ? i : -1;

    /// <summary>Tells whether this schema has exactly <paramref name="names"/>, in that order.</summary>
    /// <param name="names">The names to compare.</param>
    /// <returns><see langword="true"/> when the names and their order are the same.</returns>
    internal bool SequenceEqual(ReadOnlySpan<string> names)
    {
        if (names.Length != Names.Length)
        {
            return false;
        }

        for (int i = 0; i < names.Length; i++)
        {
            if (!string.Equals(names[i], Names[i], StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }
}
