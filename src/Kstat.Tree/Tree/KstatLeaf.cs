using System.Collections;
using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Kstat.Tree;

/// <summary>
/// The statistics of one kstat: <c>$ks-&gt;{module}{instance}{name}</c> in Perl. The leaf reads its kstat
/// on first access and keeps the values until <see cref="KstatTree.Update"/>.
/// </summary>
/// <remarks>
/// <para><c>class</c> and <c>crtime</c> come from the chain header and never read. Any other key, <see cref="Count"/>,
/// <see cref="ContainsKey"/>, <see cref="TryGetValue"/> and enumeration read the kstat once; after that the leaf
/// holds <c>class</c>, <c>crtime</c>, <c>snaptime</c> and every statistic. Times are <see cref="KstatValueKind.HrTime"/>
/// values in exact nanoseconds (<c>(double)</c> gives Perl's seconds). If a statistic has the name of one of
/// those three keys, the header's value wins.</para>
/// <para>Thread safe: one call (one lookup, one enumeration, <see cref="GetReading"/>) sees one state of the leaf,
/// whatever an update or another reader does at the same time: the values of one read, with the <c>class</c> and
/// <c>crtime</c> of the very kstat they were read from (never a re-created kstat's header with its predecessor's
/// values). Two separate calls may see two states; take <see cref="GetReading"/> once for a consistent sample.</para>
/// <para>After the tree is disposed, <see cref="Module"/>, <see cref="Instance"/>, <see cref="Name"/>, <see cref="Key"/>
/// and <see cref="ToString"/> still answer (they never change); every other member throws
/// <see cref="ObjectDisposedException"/>. Readings and enumerators taken before stay usable.</para>
/// </remarks>
[DebuggerDisplay("{Key,nq} ({Class,nq}, {(IsRead ? \"read\" : \"unread\"),nq})")]
public sealed partial class KstatLeaf : IReadOnlyDictionary<string, KstatValue>
{
    private const string ClassKey = "class";
    private const string CrTimeKey = "crtime";
    private const string SnapTimeKey = "snaptime";

    private readonly TreeContext _context;
    private string? _key;

    internal KstatLeaf(TreeContext context, KstatHeader header)
    {
        _context = context;
        _state = header;
    }

    /// <summary>Gets the module name (<c>ks_module</c>).</summary>
    public string Module => BoundHeader.Module;

    /// <summary>Gets the instance number (<c>ks_instance</c>).</summary>
    public int Instance => BoundHeader.Instance;

    /// <summary>Gets the kstat name (<c>ks_name</c>).</summary>
    public string Name => BoundHeader.Name;

    /// <summary>Gets the key <c>"module:instance:name"</c>, as <see cref="KstatUpdate"/> reports it.</summary>
    public string Key => _key ??= BoundHeader.Key;

    /// <summary>Gets the class (<c>ks_class</c>) without reading the kstat.</summary>
    /// <exception cref="ObjectDisposedException">The tree is disposed.</exception>
    public string Class => Header.Class;

    /// <summary>Gets the kstat type (<c>ks_type</c>) without reading the kstat.</summary>
    /// <exception cref="ObjectDisposedException">The tree is disposed.</exception>
    public KstatType Type => Header.Type;

    /// <summary>Gets the creation time (<c>ks_crtime</c>) in nanoseconds without reading the kstat.</summary>
    /// <exception cref="ObjectDisposedException">The tree is disposed.</exception>
    public long CrTime => Header.CrTime;

    /// <summary>Gets the chain header this leaf is bound to now.</summary>
    /// <exception cref="ObjectDisposedException">The tree is disposed.</exception>
    public KstatHeader Header
    {
        get
        {
            _context.ThrowIfDisposed();
            return BoundHeader;
        }
    }

    /// <summary>Gets the snapshot time of the values held, in nanoseconds, or <c>null</c> before the first read.</summary>
    /// <exception cref="ObjectDisposedException">The tree is disposed.</exception>
    public long? SnapTime => Reading?.SnapTime;

    /// <summary>Gets a value indicating whether the leaf holds values (it was read and not reset since).</summary>
    /// <exception cref="ObjectDisposedException">The tree is disposed.</exception>
    public bool IsRead => Reading is not null;

    /// <summary>Gets a value indicating whether the kstat is still in the chain; a removed leaf keeps the values it read.</summary>
    public bool IsValid
    {
        get
        {
            _context.ThrowIfDisposed();
            return IsValidUnchecked;
        }
    }

    /// <summary>Gets the reading the leaf holds now, without reading: <c>null</c> before the first read.</summary>
    /// <exception cref="ObjectDisposedException">The tree is disposed.</exception>
    public KstatReading? Reading
    {
        get
        {
            _context.ThrowIfDisposed();
            return HeldReading;
        }
    }

    /// <summary>Gets the number of keys: the statistics plus <c>class</c>, <c>crtime</c> and <c>snaptime</c>.</summary>
    /// <remarks>Reads the kstat if it was not read yet.</remarks>
    /// <exception cref="KstatNotFoundException">The kstat is gone and was never read.</exception>
    /// <exception cref="ObjectDisposedException">The tree is disposed.</exception>
    public int Count
    {
        get
        {
            var reading = ReadState().Reading!;
            return reading.Count + 3 - reading.Schema.HeaderFieldNameCount;
        }
    }

    /// <summary>Gets the keys: the statistics in the order read, then <c>class</c>, <c>crtime</c>, <c>snaptime</c>.</summary>
    /// <remarks>Reads the kstat if it was not read yet.</remarks>
    public IEnumerable<string> Keys
    {
        get
        {
            foreach (var pair in this)
            {
                yield return pair.Key;
            }
        }
    }

    /// <summary>Gets the values, in the order of <see cref="Keys"/>.</summary>
    /// <remarks>Reads the kstat if it was not read yet.</remarks>
    public IEnumerable<KstatValue> Values
    {
        get
        {
            foreach (var pair in this)
            {
                yield return pair.Value;
            }
        }
    }

    /// <summary>Gets a value: <c>class</c> and <c>crtime</c> without a read, anything else from the reading.</summary>
    /// <param name="key">A statistic name, or <c>class</c>, <c>crtime</c>, <c>snaptime</c>.</param>
    /// <returns>The value.</returns>
    /// <remarks>The first access to a statistic reads the kstat.</remarks>
    /// <exception cref="KeyNotFoundException">The kstat has no such statistic.</exception>
    /// <exception cref="KstatNotFoundException">The kstat is gone and was never read.</exception>
    /// <exception cref="ObjectDisposedException">The tree is disposed.</exception>
    public KstatValue this[string key] =>
        TryGetValue(key, out var value) ? value : throw new KeyNotFoundException($"The kstat '{Key}' has no statistic '{key}'.");

    /// <summary>Tells whether the leaf has a key; only <c>class</c> and <c>crtime</c> are answered without a read.</summary>
    /// <param name="key">The key.</param>
    /// <returns><see langword="true"/> when it exists.</returns>
    /// <exception cref="KstatNotFoundException">The kstat is gone and was never read.</exception>
    /// <exception cref="ObjectDisposedException">The tree is disposed.</exception>
    public bool ContainsKey(string key) => TryGetValue(key, out _);

    /// <summary>Gets a value if there is one; only <c>class</c> and <c>crtime</c> are answered without a read.</summary>
    /// <param name="key">The key.</param>
    /// <param name="value">The value, or <c>default</c>.</param>
    /// <returns><see langword="true"/> when it exists.</returns>
    /// <exception cref="KstatNotFoundException">The kstat is gone and was never read.</exception>
    /// <exception cref="ObjectDisposedException">The tree is disposed.</exception>
    public bool TryGetValue(string key, [MaybeNullWhen(false)] out KstatValue value)
    {
        ArgumentNullException.ThrowIfNull(key);
        _context.ThrowIfDisposed();
        switch (key)
        {
            case ClassKey:
                value = BoundHeader.Class;
                return true;
            case CrTimeKey:
                value = KstatValue.HrTime(BoundHeader.CrTime);
                return true;
            case SnapTimeKey:
                value = KstatValue.HrTime(ReadState().Reading!.SnapTime);
                return true;
            default:
                return ReadState().Reading!.TryGetValue(key, out value);
        }
    }

    /// <summary>Gets the values as one immutable sample, reading the kstat first if it was not read yet.</summary>
    /// <returns>The reading the leaf holds.</returns>
    /// <exception cref="KstatNotFoundException">The kstat is gone and was never read.</exception>
    /// <exception cref="ObjectDisposedException">The tree is disposed.</exception>
    public KstatReading GetReading() => ReadState().Reading!;

    /// <summary>Enumerates the statistics of one reading, then <c>class</c>, <c>crtime</c> and <c>snaptime</c>.</summary>
    /// <returns>The enumerator.</returns>
    /// <remarks>Reads the kstat if it was not read yet.</remarks>
    /// <exception cref="KstatNotFoundException">The kstat is gone and was never read.</exception>
    /// <exception cref="ObjectDisposedException">The tree is disposed.</exception>
    public Enumerator GetEnumerator()
    {
        var state = ReadState();
        return new Enumerator(state.Header, state.Reading!);
    }

    /// <inheritdoc/>
    IEnumerator<KeyValuePair<string, KstatValue>> IEnumerable<KeyValuePair<string, KstatValue>>.GetEnumerator() => GetEnumerator();

    /// <inheritdoc/>
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <inheritdoc/>
    public override string ToString() => Key;

    private static bool IsPseudoKey(string key) => key is ClassKey or CrTimeKey or SnapTimeKey;

    /// <summary>Enumerates a leaf: the statistics of one reading, then <c>class</c>, <c>crtime</c> and <c>snaptime</c>.</summary>
    public struct Enumerator : IEnumerator<KeyValuePair<string, KstatValue>>
    {
        private readonly KstatHeader _header;
        private readonly KstatReading _reading;

        // The reading's own arrays: a monitor enumerates every leaf it watches every round.
        private readonly string[] _names;
        private readonly KstatValue[] _values;

        // A statistic named like a header field (class, crtime, snaptime) is hidden behind the field; nearly no schema has one.
        private readonly bool _hidesPseudoKeys;

        // The position: a statistic below _values.Length, then the three header fields.
        private int _index;

        internal Enumerator(KstatHeader header, KstatReading reading)
        {
            _header = header;
            _reading = reading;
            _names = ImmutableCollectionsMarshal.AsArray(reading.Schema.Names)!;
            _values = ImmutableCollectionsMarshal.AsArray(reading.Values)!;
            _hidesPseudoKeys = reading.Schema.HeaderFieldNameCount > 0;
            _index = -1;
        }

        /// <inheritdoc/>
        public readonly KeyValuePair<string, KstatValue> Current
        {
            get
            {
                int i = _index;
                var values = _values;
                return (uint)i < (uint)values.Length ? new(_names[i], values[i]) : PseudoKey(_header, _reading, i - values.Length);
            }
        }

        /// <inheritdoc/>
        readonly object IEnumerator.Current => Current;

        /// <inheritdoc/>
        public bool MoveNext()
        {
            int i = _index + 1;
            if (_hidesPseudoKeys)
            {
                i = SkipHidden(_names, i);
            }

            int end = _values.Length + 3;
            if (i < end)
            {
                _index = i;
                return true;
            }

            _index = end;
            return false;
        }

        /// <inheritdoc/>
        public void Reset() => _index = -1;

        /// <inheritdoc/>
        public readonly void Dispose()
        {
        }

        private static int SkipHidden(string[] names, int i)
        {
            while (i < names.Length && IsPseudoKey(names[i]))
            {
                i++;
            }

            return i;
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static KeyValuePair<string, KstatValue> PseudoKey(KstatHeader header, KstatReading reading, int pseudo) => pseudo switch
        {
            0 => new(ClassKey, header.Class),
            1 => new(CrTimeKey, KstatValue.HrTime(header.CrTime)),
            2 => new(SnapTimeKey, KstatValue.HrTime(reading.SnapTime)),
            _ => default, // before MoveNext or after the end, as other enumerators give
        };
    }
}
