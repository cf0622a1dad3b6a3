using System.Collections.Immutable;
using System.Diagnostics;

namespace Kstat.Tree;

/// <summary>
/// What <see cref="KstatTree.Update"/> did: the twin of Perl's <c>update()</c> in both contexts.
/// <c>if (ks.Update().Changed)</c> is the scalar context; <c>var (added, removed) = ks.Update();</c> the list context.
/// </summary>
/// <remarks>
/// Keys are <c>"module:instance:name"</c>, sorted the way kstat(1) sorts (module and name case-insensitively,
/// instance numerically); the headers beside them (<see cref="AddedHeaders"/>, <see cref="RemovedHeaders"/>,
/// <see cref="ReplacedHeaders"/>) are in the same order and give module, instance and name without parsing a key (a
/// name may hold colons). Unlike Perl, <see cref="Changed"/> is also true when kstats were only added or re-created,
/// re-created kstats are reported in <see cref="Replaced"/>, failed re-reads in <see cref="ReadErrors"/>, and the end
/// of a capture in <see cref="EndOfCapture"/>.
/// </remarks>
[DebuggerDisplay("Changed = {Changed}, Added = {Added.Length}, Removed = {Removed.Length}, Replaced = {Replaced.Length}, ReadErrors = {ReadErrors.Length}, EndOfCapture = {EndOfCapture}")]
public sealed class KstatUpdate
{
    internal KstatUpdate(ImmutableArray<KstatHeader> added, ImmutableArray<KstatHeader> removed, ImmutableArray<KstatHeader> replaced,
                         ImmutableArray<KstatReadError> readErrors, long chainId, bool endOfCapture)
    {
        AddedHeaders = added;
        RemovedHeaders = removed;
        ReplacedHeaders = replaced;
        Added = Keys(added);
        Removed = Keys(removed);
        Replaced = Keys(replaced);
        ReadErrors = readErrors;
        ChainId = chainId;
        EndOfCapture = endOfCapture;
    }

    /// <summary>Gets a value indicating whether kstats were added, removed or re-created (Perl's scalar result).</summary>
    public bool Changed => Added.Length > 0 || Removed.Length > 0 || Replaced.Length > 0;

    /// <summary>Gets the keys of the kstats that appeared in the chain; their leaves are in the tree, unread.</summary>
    public ImmutableArray<string> Added { get; }

    /// <summary>Gets the keys of the kstats that left the chain; their leaves are detached (<see cref="KstatLeaf.IsValid"/> is false).</summary>
    public ImmutableArray<string> Removed { get; }

    /// <summary>Gets the keys of the kstats deleted and re-created under the same key; their leaves now show the new kstat's <c>crtime</c>.</summary>
    public ImmutableArray<string> Replaced { get; }

    /// <summary>Gets the headers of the kstats in <see cref="Added"/>, in the same order.</summary>
    public ImmutableArray<KstatHeader> AddedHeaders { get; }

    /// <summary>Gets the headers the kstats in <see cref="Removed"/> had, in the same order.</summary>
    public ImmutableArray<KstatHeader> RemovedHeaders { get; }

    /// <summary>Gets the new headers of the kstats in <see cref="Replaced"/>, in the same order.</summary>
    public ImmutableArray<KstatHeader> ReplacedHeaders { get; }

    /// <summary>Gets the leaves whose re-read failed, each with its header and why; each leaf keeps the values it held.</summary>
    public ImmutableArray<KstatReadError> ReadErrors { get; }

    /// <summary>Gets the chain id after the update.</summary>
    public long ChainId { get; }

    /// <summary>
    /// Gets a value indicating whether the tree replays a capture (<see cref="SnapshotChain"/>) that was already on its
    /// last round: there was no round to step to, so nothing changed and <c>snaptime</c> did not advance. A loop over
    /// the rounds of a capture stops here, as kstat(1) stops after its last interval; rates over this update would
    /// divide by zero. Always <see langword="false"/> for a live chain.
    /// </summary>
    public bool EndOfCapture { get; }

    /// <summary>Deconstructs into Perl's list-context result: <c>var (added, removed) = ks.Update();</c>.</summary>
    /// <param name="added">The keys of the kstats added.</param>
    /// <param name="removed">The keys of the kstats removed.</param>
    public void Deconstruct(out ImmutableArray<string> added, out ImmutableArray<string> removed)
    {
        added = Added;
        removed = Removed;
    }

    /// <inheritdoc/>
    public override string ToString() =>
        $"{(Changed ? "changed" : "unchanged")}: +{Added.Length} -{Removed.Length} ~{Replaced.Length} !{ReadErrors.Length}{(EndOfCapture ? ", end of capture" : "")}";

    private static ImmutableArray<string> Keys(ImmutableArray<KstatHeader> headers) =>
        headers.IsEmpty ? [] : headers.Select(h => h.Key).ToImmutableArray();
}
