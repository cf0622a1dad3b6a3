namespace Kstat.Tree;

/// <summary>
/// The leaves an update re-reads in one <see cref="IKstatBatchReader.ReadBatch"/>, with the result slots for the chain.
/// Reused round after round by one tree, so a steady update allocates nothing here.
/// </summary>
/// <remarks>Not thread safe: the tree uses it under its update lock.</remarks>
internal sealed class LeafBatch
{
    /// <summary>The most leaves in one batch: bounds how long one batch holds the chain's lock (readers wait for it).</summary>
    internal const int MaxCount = 256;

    private const int InitialCount = 16;

    internal KstatLeaf[] Leaves { get; private set; } = new KstatLeaf[InitialCount];

    internal KstatHeader[] Headers { get; private set; } = new KstatHeader[InitialCount];

    internal KstatReading?[] Readings { get; private set; } = new KstatReading?[InitialCount];

    internal Exception?[] Errors { get; private set; } = new Exception?[InitialCount];

    /// <summary>Gets the number of leaves gathered.</summary>
    internal int Count { get; private set; }

    /// <summary>Adds a leaf with the header it is bound to now; returns true when the batch is full.</summary>
    internal bool Add(KstatLeaf leaf)
    {
        if (Count == Leaves.Length)
        {
            Grow();
        }

        Leaves[Count] = leaf;
        Headers[Count] = leaf.BoundHeader;
        return ++Count == MaxCount;
    }

    /// <summary>Empties the batch, dropping every reference, so it keeps no removed leaf or old reading alive.</summary>
    internal void Clear()
    {
        Array.Clear(Leaves, 0, Count);
        Array.Clear(Headers, 0, Count);
        Array.Clear(Readings, 0, Count);
        Array.Clear(Errors, 0, Count);
        Count = 0;
    }

    private void Grow()
    {
        int size = Math.Min(Leaves.Length * 2, MaxCount);
        var leaves = Leaves;
        var headers = Headers;
        Array.Resize(ref leaves, size);
        Array.Resize(ref headers, size);
        Leaves = leaves;
        Headers = headers;
        Readings = new KstatReading?[size];
        Errors = new Exception?[size];
    }
}
