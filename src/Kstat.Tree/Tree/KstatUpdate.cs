using System.Collections.Immutable;
using System.Diagnostics;

namespace Kstat.Tree;

/// <summary>
/// What <see cref="KstatTree.Update"/> did: the twin of Perl's <c>update()</c> in both contexts.
/// <c>if (ks.Update().Changed)</c> is the scalar context; <c>var (added, removed) = ks.Update();</c> the list context.
/// </summary>
/// <remarks>
/// Keys are <c>"module:instance:name"</c>, sorted the way kstat(1) sorts (module and name case-insensitively,
/// instance numerically). Unlike Perl, <see cref="Changed"/> is also true when kstats were only added or
/// re-created, re-created kstats are reported in <see cref="Replaced"/>, and failed re-reads in <see cref="ReadErrors"/>.
/// </remarks>
[DebuggerDisplay("Changed = {Changed}, Added = {Added.Length}, Removed = {Removed.Length}, Replaced = {Replaced.Length}, ReadErrors = {ReadErrors.Length}")]
public sealed class KstatUpdate
{
    internal KstatUpdate(ImmutableArray<string> added, ImmutableArray<string> removed, ImmutableArray<string> replaced,
                         ImmutableArray<KstatReadError> readErrorDetails, long chainId)
    {
        Added = added;
        Removed = removed;
        Replaced = replaced;
        ReadErrorDetails = readErrorDetails;
        ReadErrors = readErrorDetails.IsEmpty ? [] : readErrorDetails.Select(e => e.Key).ToImmutableArray();
        ChainId = chainId;
    }

    /// <summary>Gets a value indicating whether kstats were added, removed or re-created (Perl's scalar result).</summary>
    public bool Changed => Added.Length > 0 || Removed.Length > 0 || Replaced.Length > 0;

    /// <summary>Gets the kstats that appeared in the chain; their leaves are in the tree, unread.</summary>
    public ImmutableArray<string> Added { get; }

    /// <summary>Gets the kstats that left the chain; their leaves are detached (<see cref="KstatLeaf.IsValid"/> is false).</summary>
    public ImmutableArray<string> Removed { get; }

    /// <summary>Gets the kstats deleted and re-created under the same key; their leaves now show the new kstat's <c>crtime</c>.</summary>
    public ImmutableArray<string> Replaced { get; }

    /// <summary>Gets the leaves whose re-read failed; each keeps the values it held, but for a re-created kstat's leaf, which
    /// is bound to the new kstat and left unread (the values held were the deleted kstat's).</summary>
    public ImmutableArray<string> ReadErrors { get; }

    /// <summary>Gets why each re-read in <see cref="ReadErrors"/> failed.</summary>
    public ImmutableArray<KstatReadError> ReadErrorDetails { get; }

    /// <summary>Gets the chain id after the update.</summary>
    public long ChainId { get; }

    /// <summary>Deconstructs into Perl's list-context result: <c>var (added, removed) = ks.Update();</c>.</summary>
    /// <param name="added">The kstats added.</param>
    /// <param name="removed">The kstats removed.</param>
    public void Deconstruct(out ImmutableArray<string> added, out ImmutableArray<string> removed)
    {
        added = Added;
        removed = Removed;
    }

    /// <inheritdoc/>
    public override string ToString() =>
        $"{(Changed ? "changed" : "unchanged")}: +{Added.Length} -{Removed.Length} ~{Replaced.Length} !{ReadErrors.Length}";
}
