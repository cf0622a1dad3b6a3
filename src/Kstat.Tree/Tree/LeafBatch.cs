using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;

namespace Kstat.Tree;

/// <summary>
/// The leaves an update re-reads in one <see cref="TreeContext.ReadMany"/>: each leaf with the state it had when
/// gathered and the header to read (its own, or the one it is to be bound to), and the result slots.
/// </summary>
/// <remarks>
/// Fixed-size buffers on the update's stack: a monitor round allocates nothing for its batches, and nothing the
/// batch refers to outlives the update.
/// </remarks>
internal struct LeafBatch
{
    /// <summary>The most leaves in one batch: bounds how long one batch holds a batch reader's lock (readers wait for it).</summary>
    internal const int MaxCount = 256;

    private Slots<KstatLeaf> _leaves;
    private Slots<LeafState> _seen;
    private Slots<KstatHeader> _headers;
    private Slots<KstatReading?> _readings;
    private Slots<Exception?> _errors;

    internal int Count { readonly get; private set; }

    [UnscopedRef]
    internal Span<KstatLeaf> Leaves => ((Span<KstatLeaf>)_leaves)[..Count];

    /// <summary>Gets the state each leaf had when gathered.</summary>
    [UnscopedRef]
    internal Span<LeafState> Seen => ((Span<LeafState>)_seen)[..Count];

    /// <summary>Gets the header to read for each leaf.</summary>
    [UnscopedRef]
    internal Span<KstatHeader> Headers => ((Span<KstatHeader>)_headers)[..Count];

    [UnscopedRef]
    internal Span<KstatReading?> Readings => ((Span<KstatReading?>)_readings)[..Count];

    [UnscopedRef]
    internal Span<Exception?> Errors => ((Span<Exception?>)_errors)[..Count];

    /// <summary>Adds a leaf; returns true when the batch is full.</summary>
    internal bool Add(KstatLeaf leaf, LeafState seen, KstatHeader header)
    {
        _leaves[Count] = leaf;
        _seen[Count] = seen;
        _headers[Count] = header;
        return ++Count == MaxCount;
    }

    /// <summary>Empties the batch; the next batch overwrites every slot it uses.</summary>
    internal void Clear() => Count = 0;

    [InlineArray(MaxCount)]
    private struct Slots<T>
    {
        private T _element;
    }
}
