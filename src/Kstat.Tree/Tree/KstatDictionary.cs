using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace Kstat.Tree;

/// <summary>
/// The read-only dictionary behind the three upper levels of a <see cref="KstatTree"/>: an immutable
/// snapshot of its entries that <see cref="KstatTree.Update"/> replaces atomically.
/// </summary>
/// <typeparam name="TKey">The key: a module name, an instance number or a kstat name.</typeparam>
/// <typeparam name="TValue">The level below.</typeparam>
/// <remarks>
/// Nothing here reads kstat data. Entries are in chain order. Thread safe: a lookup or an enumeration works on
/// one snapshot of the entries, whatever an update does at the same time.
/// </remarks>
public abstract class KstatDictionary<TKey, TValue> : IReadOnlyDictionary<TKey, TValue>
    where TKey : notnull
{
    private NodeEntries<TKey, TValue> _entries;

    private protected KstatDictionary(TreeContext context, NodeEntries<TKey, TValue> entries)
    {
        Context = context;
        _entries = entries;
    }

    /// <summary>Gets the number of entries.</summary>
    /// <exception cref="ObjectDisposedException">The tree is disposed.</exception>
    public int Count => Entries.Count;

    /// <summary>Gets the keys, in chain order.</summary>
    /// <exception cref="ObjectDisposedException">The tree is disposed.</exception>
    public IEnumerable<TKey> Keys => Entries.Array.Select(static e => e.Key);

    /// <summary>Gets the entries below this level, in chain order.</summary>
    /// <exception cref="ObjectDisposedException">The tree is disposed.</exception>
    public IEnumerable<TValue> Values => Entries.Array.Select(static e => e.Value);

    private protected TreeContext Context { get; }

    // Never mutated once published: Update() builds new entries and swaps them in.
    internal NodeEntries<TKey, TValue> Entries
    {
        get
        {
            Context.ThrowIfDisposed();
            return Volatile.Read(ref _entries);
        }

        set => Volatile.Write(ref _entries, value);
    }

    /// <summary>Gets the entry for a key.</summary>
    /// <param name="key">The key.</param>
    /// <returns>The entry.</returns>
    /// <exception cref="KeyNotFoundException">There is no such entry.</exception>
    /// <exception cref="ObjectDisposedException">The tree is disposed.</exception>
    public TValue this[TKey key] =>
        Entries.TryGetValue(key, out var value) ? value : throw new KeyNotFoundException(DescribeMissing(key));

    /// <summary>Tells whether there is an entry for a key.</summary>
    /// <param name="key">The key.</param>
    /// <returns><see langword="true"/> when there is one.</returns>
    /// <exception cref="ObjectDisposedException">The tree is disposed.</exception>
    public bool ContainsKey(TKey key) => Entries.TryGetValue(key, out _);

    /// <summary>Gets the entry for a key if there is one.</summary>
    /// <param name="key">The key.</param>
    /// <param name="value">The entry, or <c>null</c>.</param>
    /// <returns><see langword="true"/> when there is one.</returns>
    /// <exception cref="ObjectDisposedException">The tree is disposed.</exception>
    public bool TryGetValue(TKey key, [MaybeNullWhen(false)] out TValue value) => Entries.TryGetValue(key, out value);

    /// <summary>Enumerates the entries of one snapshot, in chain order.</summary>
    /// <returns>The enumerator.</returns>
    /// <exception cref="ObjectDisposedException">The tree is disposed.</exception>
    public Enumerator GetEnumerator() => new(Entries.Array);

    /// <inheritdoc/>
    IEnumerator<KeyValuePair<TKey, TValue>> IEnumerable<KeyValuePair<TKey, TValue>>.GetEnumerator() => GetEnumerator();

    /// <inheritdoc/>
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private protected abstract string DescribeMissing(TKey key);

    /// <summary>Enumerates one snapshot of a node's entries.</summary>
    public struct Enumerator : IEnumerator<KeyValuePair<TKey, TValue>>
    {
        private readonly KeyValuePair<TKey, TValue>[] _items;
        private int _index;

        internal Enumerator(KeyValuePair<TKey, TValue>[] items)
        {
            _items = items;
            _index = -1;
        }

        /// <inheritdoc/>
        public readonly KeyValuePair<TKey, TValue> Current => _items[_index];

        /// <inheritdoc/>
        readonly object IEnumerator.Current => Current;

        /// <inheritdoc/>
        public bool MoveNext() => ++_index < _items.Length;

        /// <inheritdoc/>
        public void Reset() => _index = -1;

        /// <inheritdoc/>
        public readonly void Dispose()
        {
        }
    }
}
