using System.Collections;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;

namespace Kstat.Tree;

/// <summary>
/// An immutable sample of several kstats, key <c>"module:instance:name"</c> → <see cref="KstatReading"/>: what a
/// Perl script gets by <c>copy()</c>-ing hashes before the next <c>update()</c>. One leaf's sample is its
/// <see cref="KstatLeaf.GetReading"/>.
/// </summary>
/// <remarks>
/// <para><see cref="Take"/> copies the leaves of a tree that hold values without reading anything;
/// <see cref="Read"/> reads the leaves given. <see cref="DeltasSince"/> pairs two samples into
/// <see cref="KstatDelta"/>s, skipping kstats re-created in between (their <c>crtime</c> changed). Each kstat's header
/// (<see cref="Headers"/>, <see cref="TryGetHeader"/>) gives its module, instance and name without parsing the key.</para>
/// <para>Immutable and thread safe.</para>
/// </remarks>
[DebuggerDisplay("Count = {Count}")]
public sealed class KstatSample : IReadOnlyDictionary<string, KstatReading>
{
    private readonly Dictionary<string, (KstatReading Reading, KstatHeader Header)> _entries;
    private readonly ImmutableArray<string> _keys;

    private KstatSample(IEnumerable<KstatLeaf> leaves, bool readUnread)
    {
        _entries = new Dictionary<string, (KstatReading, KstatHeader)>(StringComparer.Ordinal);
        var keys = ImmutableArray.CreateBuilder<string>();
        foreach (var leaf in leaves)
        {
            ArgumentNullException.ThrowIfNull(leaf, nameof(leaves));
            if (!readUnread && !leaf.IsRead)
            {
                continue;
            }

            // One state of the leaf: the reading and the header of the kstat it was read from, whatever an update does.
            var state = leaf.ReadState();
            if (_entries.TryAdd(leaf.Key, (state.Reading!, state.Header)))
            {
                keys.Add(leaf.Key);
            }
        }

        _keys = keys.ToImmutable();
    }

    /// <summary>Gets the number of kstats in the sample.</summary>
    public int Count => _keys.Length;

    /// <summary>Gets the keys, in the order sampled.</summary>
    public IEnumerable<string> Keys => _keys;

    /// <summary>Gets the headers the kstats had when they were sampled, in the order sampled.</summary>
    public IEnumerable<KstatHeader> Headers => _keys.Select(k => _entries[k].Header);

    /// <summary>Gets the readings, in the order sampled.</summary>
    public IEnumerable<KstatReading> Values => _keys.Select(k => _entries[k].Reading);

    /// <summary>Gets the reading of one kstat.</summary>
    /// <param name="key">The key <c>"module:instance:name"</c>.</param>
    /// <exception cref="KeyNotFoundException">The sample has no such kstat.</exception>
    public KstatReading this[string key] =>
        TryGetValue(key, out var r) ? r : throw new KeyNotFoundException($"The sample has no kstat '{key}'.");

    /// <summary>Copies the values the tree's leaves hold now, without reading any leaf.</summary>
    /// <param name="tree">The tree.</param>
    /// <returns>A sample of every leaf that was read.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="tree"/> is null.</exception>
    /// <exception cref="ObjectDisposedException">The tree is disposed.</exception>
    public static KstatSample Take(KstatTree tree)
    {
        ArgumentNullException.ThrowIfNull(tree);
        return new KstatSample(tree.Leaves(), readUnread: false);
    }

    /// <summary>Samples the given leaves, reading those not read yet.</summary>
    /// <param name="leaves">The leaves; a key given twice is sampled once.</param>
    /// <returns>The sample, in the order given.</returns>
    /// <exception cref="KstatNotFoundException">A leaf's kstat is gone and was never read.</exception>
    /// <exception cref="KstatException">A leaf could not be read.</exception>
    public static KstatSample Read(IEnumerable<KstatLeaf> leaves)
    {
        ArgumentNullException.ThrowIfNull(leaves);
        return new KstatSample(leaves, readUnread: true);
    }

    /// <summary>Gets the header the kstat had when it was sampled: its module, instance, name, class and <c>crtime</c>.</summary>
    /// <param name="key">The key <c>"module:instance:name"</c>.</param>
    /// <param name="header">The header, or <c>null</c>.</param>
    /// <returns><see langword="true"/> when the sample has the kstat.</returns>
    public bool TryGetHeader(string key, [NotNullWhen(true)] out KstatHeader? header)
    {
        bool found = _entries.TryGetValue(key, out var e);
        header = e.Header;
        return found;
    }

    /// <summary>Gets the delta of one kstat from an earlier sample to this one.</summary>
    /// <param name="earlier">The earlier sample.</param>
    /// <param name="key">The key.</param>
    /// <returns>The delta, or <c>null</c> when a sample lacks the kstat or it was re-created in between.</returns>
    /// <exception cref="ArgumentException">This sample's reading was taken before the earlier one's.</exception>
    public KstatDelta? DeltaSince(KstatSample earlier, string key)
    {
        ArgumentNullException.ThrowIfNull(earlier);
        return earlier._entries.TryGetValue(key, out var a) && _entries.TryGetValue(key, out var b) && a.Header.CrTime == b.Header.CrTime
            ? KstatDelta.Between(a.Reading, b.Reading)
            : null;
    }

    /// <summary>Gets the deltas of every kstat in both samples that was not re-created in between.</summary>
    /// <param name="earlier">The earlier sample.</param>
    /// <returns>Key → delta, in this sample's order.</returns>
    /// <exception cref="ArgumentException">A reading of this sample was taken before the earlier one's.</exception>
    public IReadOnlyDictionary<string, KstatDelta> DeltasSince(KstatSample earlier)
    {
        var result = new OrderedDictionary<string, KstatDelta>(StringComparer.Ordinal);
        foreach (string key in _keys)
        {
            if (DeltaSince(earlier, key) is { } delta)
            {
                result.Add(key, delta);
            }
        }

        return result;
    }

    /// <summary>Tells whether the sample holds a kstat.</summary>
    /// <param name="key">The key.</param>
    /// <returns><see langword="true"/> when it does.</returns>
    public bool ContainsKey(string key) => _entries.ContainsKey(key);

    /// <summary>Gets the reading of one kstat if the sample has it.</summary>
    /// <param name="key">The key.</param>
    /// <param name="value">The reading, or <c>null</c>.</param>
    /// <returns><see langword="true"/> when the sample has it.</returns>
    public bool TryGetValue(string key, [MaybeNullWhen(false)] out KstatReading value)
    {
        bool found = _entries.TryGetValue(key, out var e);
        value = e.Reading;
        return found;
    }

    /// <summary>Enumerates the kstats in the order sampled.</summary>
    /// <returns>The enumerator.</returns>
    public IEnumerator<KeyValuePair<string, KstatReading>> GetEnumerator() =>
        _keys.Select(k => new KeyValuePair<string, KstatReading>(k, _entries[k].Reading)).GetEnumerator();

    /// <inheritdoc/>
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
