namespace Kstat.Tree;

/// <summary>
/// An optional capability of an <see cref="IKstatChain"/>: reading many kstats in one call, so a chain whose reads
/// are serialised (libkstat) pays its lock and handle bookkeeping once per batch instead of once per kstat.
/// </summary>
/// <remarks>
/// <para>A performance hook between this library's own assemblies (<c>LibKstatChain</c> implements it), not part of
/// the public contract: <see cref="KstatTree.Update"/> re-reads its leaves through it when the chain implements it, and
/// otherwise calls <see cref="IKstatChain.Read"/> per leaf, with the same results either way. A batch reads exactly the
/// headers given, no others, so the tree stays lazy.</para>
/// <para>Each kstat is read alone, as <see cref="IKstatChain.Read"/> would read it: all values of one reading come from
/// one read, and a failure of one kstat is reported in its own slot without stopping the others. Implementations must
/// allow it from several threads, also while <see cref="IKstatChain.Update"/> runs.</para>
/// </remarks>
internal interface IKstatBatchReader
{
    /// <summary>Reads each of <paramref name="headers"/>, in order, as <see cref="IKstatChain.Read"/> would.</summary>
    /// <param name="headers">Headers from <see cref="IKstatChain.Headers"/>.</param>
    /// <param name="readings">Receives, at each header's index, its reading, or <c>null</c> when it failed.</param>
    /// <param name="errors">Receives, at each header's index, <c>null</c>, or the exception <see cref="IKstatChain.Read"/>
    /// would have thrown for it (<see cref="KstatNotFoundException"/> for a kstat gone, <see cref="KstatException"/>,
    /// <see cref="UnauthorizedAccessException"/>, <see cref="ArgumentNullException"/> for a null header).</param>
    /// <exception cref="ArgumentException"><paramref name="readings"/> or <paramref name="errors"/> is shorter than <paramref name="headers"/>.</exception>
    /// <exception cref="ObjectDisposedException">The chain is disposed.</exception>
    void ReadBatch(ReadOnlySpan<KstatHeader> headers, Span<KstatReading?> readings, Span<Exception?> errors);
}
