using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;

namespace Kstat.Tree;

/// <summary>
/// The leaves an update re-reads in one <see cref="IKstatBatchReader.ReadBatch"/>, with the result slots for the chain.
/// </summary>
/// <remarks>
/// A struct of fixed-size buffers that lives on the update's stack: storing a leaf, a header or a reading there costs
/// no GC write barrier (a heap array would pay one per store), nothing is allocated, and nothing outlives the update.
/// </remarks>
internal struct LeafBatch
{
    /// <summary>The most leaves in one batch: bounds how long one batch holds the chain's lock (readers wait for it).</summary>
    internal const int MaxCount = 256;

    private Slots<KstatLeaf> _leaves;
    private Slots<KstatHeader> _headers;
    private Slots<KstatReading?> _readings;
    private Slots<Exception?> _errors;

    /// <summary>Gets the number of leaves gathered.</summary>
    internal int Count { readonly get; private set; }

    /// <summary>Gets the leaves gathered.</summary>
    [UnscopedRef]
    internal Span<KstatLeaf> Leaves => ((Span<KstatLeaf>)_leaves)[..Count];

    /// <summary>Gets the headers the leaves were bound to when gathered.</summary>
    [UnscopedRef]
    internal Span<KstatHeader> Headers => ((Span<KstatHeader>)_headers)[..Count];

    /// <summary>Gets the slots for the readings.</summary>
    [UnscopedRef]
    internal Span<KstatReading?> Readings => ((Span<KstatReading?>)_readings)[..Count];

    /// <summary>Gets the slots for the errors.</summary>
    [UnscopedRef]
    internal Span<Exception?> Errors => ((Span<Exception?>)_errors)[..Count];

    /// <summary>Adds a leaf with the header it is bound to now; returns true when the batch is full.</summary>
    internal bool Add(KstatLeaf leaf)
    {
        _leaves[Count] = leaf;
        _headers[Count] = leaf.BoundHeader;
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
