using System.Collections;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;

namespace Kstat.Tree;

/// <summary>
/// The result of one read of one kstat (<c>kstat_read</c>): its snapshot time and its statistics, in the
/// order read. Immutable: every value comes from the same read.
/// </summary>
/// <remarks>
/// This is also the immutable sample of a leaf (Perl scripts <c>copy()</c> a hash for that): keep the
/// reading and compare it with a later one. Thread safe.
/// </remarks>
[DebuggerDisplay("Count = {Count}, SnapTime = {SnapTime}")]
public sealed class KstatReading : IReadOnlyDictionary<string, KstatValue>
{
    private readonly ImmutableArray<KstatValue> _values;

    /// <summary>Initializes a reading from name/value pairs; when a name repeats, the last value wins at the first position.</summary>
    /// <param name="snapTime">The snapshot time (<c>ks_snaptime</c>) in nanoseconds.</param>
    /// <param name="values">The statistics, in the order read.</param>
    /// <exception cref="ArgumentNullException"><paramref name="values"/> or a name in it is null.</exception>
    public KstatReading(long snapTime, IEnumerable<KeyValuePair<string, KstatValue>> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var names = new List<string>();
        var list = new List<KstatValue>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (name, value) in values)
        {
            ArgumentNullException.ThrowIfNull(name, nameof(values));
            if (seen.TryGetValue(name, out int at))
            {
                list[at] = value;
            }
            else
            {
                seen.Add(name, names.Count);
                names.Add(name);
                list.Add(value);
            }
        }

        SnapTime = snapTime;
        Schema = new KstatSchema(names);
        _values = [.. list];
    }

    /// <summary>Initializes a reading over a shared schema: the fast path for chains that re-read a kstat.</summary>
    /// <param name="snapTime">The snapshot time (<c>ks_snaptime</c>) in nanoseconds.</param>
    /// <param name="schema">The statistic names.</param>
    /// <param name="values">The values, one per name of <paramref name="schema"/>, in its order.</param>
    /// <exception cref="ArgumentException">The counts differ.</exception>
    public KstatReading(long snapTime, KstatSchema schema, ImmutableArray<KstatValue> values)
    {
        ArgumentNullException.ThrowIfNull(schema);
        if (values.IsDefault || values.Length != schema.Count)
        {
            throw new ArgumentException($"The schema has {schema.Count} names but {(values.IsDefault ? 0 : values.Length)} values were given.", nameof(values));
        }

        SnapTime = snapTime;
        Schema = schema;
        _values = values;
    }

    /// <summary>Gets the snapshot time of the read (<c>ks_snaptime</c>) in nanoseconds.</summary>
    public long SnapTime { get; }

    /// <summary>Gets the statistic names of this reading.</summary>
    public KstatSchema Schema { get; }

    /// <summary>Gets the values, in the order of <see cref="Schema"/>.</summary>
    public ImmutableArray<KstatValue> Values => _values;

    /// <summary>Gets the number of statistics.</summary>
    public int Count => _values.Length;

    /// <summary>Gets the statistic names, in the order read.</summary>
    public IEnumerable<string> Keys => Schema.Names;

    /// <inheritdoc/>
    IEnumerable<KstatValue> IReadOnlyDictionary<string, KstatValue>.Values => _values;

    /// <summary>Gets a statistic's value.</summary>
    /// <param name="key">The statistic name.</param>
    /// <returns>The value.</returns>
    /// <exception cref="KeyNotFoundException">The reading has no such statistic.</exception>
    public KstatValue this[string key] =>
        TryGetValue(key, out var value) ? value : throw new KeyNotFoundException($"The reading has no statistic '{key}'.");

    /// <summary>Tells whether the reading has a statistic.</summary>
    /// <param name="key">The statistic name.</param>
    /// <returns><see langword="true"/> when it does.</returns>
    public bool ContainsKey(string key) => Schema.IndexOf(key) >= 0;

    /// <summary>Gets a statistic's value if there is one.</summary>
    /// <param name="key">The statistic name.</param>
    /// <param name="value">The value, or <c>default</c>.</param>
    /// <returns><see langword="true"/> when the statistic exists.</returns>
    public bool TryGetValue(string key, [MaybeNullWhen(false)] out KstatValue value)
    {
        ArgumentNullException.ThrowIfNull(key);
        int i = Schema.IndexOf(key);
        if (i < 0)
        {
            value = default;
            return false;
        }

        value = _values[i];
        return true;
    }

    /// <summary>Enumerates the statistics in the order read.</summary>
    /// <returns>The enumerator.</returns>
    public Enumerator GetEnumerator() => new(this);

    /// <inheritdoc/>
    IEnumerator<KeyValuePair<string, KstatValue>> IEnumerable<KeyValuePair<string, KstatValue>>.GetEnumerator() => GetEnumerator();

    /// <inheritdoc/>
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>Enumerates the statistics of a reading.</summary>
    public struct Enumerator : IEnumerator<KeyValuePair<string, KstatValue>>
    {
        private readonly KstatReading _reading;
        private int _index;

        internal Enumerator(KstatReading reading)
        {
            _reading = reading;
            _index = -1;
        }

        /// <inheritdoc/>
        public readonly KeyValuePair<string, KstatValue> Current => new(_reading.Schema.Names[_index], _reading._values[_index]);

        /// <inheritdoc/>
        readonly object IEnumerator.Current => Current;

        /// <inheritdoc/>
        public bool MoveNext() => ++_index < _reading._values.Length;

        /// <inheritdoc/>
        public void Reset() => _index = -1;

        /// <inheritdoc/>
        public readonly void Dispose()
        {
        }
    }
}
