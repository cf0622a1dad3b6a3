using System.Collections.Immutable;

namespace Kstat.Tree;

/// <content>Building the tree from chain headers, and <see cref="Update"/>: Perl's <c>update()</c>.</content>
public sealed partial class KstatTree
{
    // The chain id the tree was last built from (guarded by the update lock): the tree rebuilds whenever the chain's id
    // differs, whoever updated the chain.
    private long _builtChainId;

    /// <summary>
    /// Brings the tree up to date, as Perl's <c>update()</c> does: updates the chain, adds new kstats (unread),
    /// removes vanished ones (and instances and modules left empty), and re-reads the leaves that were read.
    /// </summary>
    /// <returns>What changed; <c>var (added, removed) = tree.Update();</c> gives Perl's list-context result. Over a capture,
    /// each update steps to the next round, and <see cref="KstatUpdate.EndOfCapture"/> says when there was none left.</returns>
    /// <remarks>
    /// <para>Leaves never read are not read. The tree follows the chain's <see cref="IKstatChain.ChainId"/>: a chain
    /// updated by someone else (<c>tree.Chain.Update()</c>) is caught up with here.</para>
    /// <para>Calls are serialised; readers may run at the same time and see each leaf's old state until its new one is
    /// published: a re-created kstat's leaf shows the old kstat's header and values until it shows the new kstat's
    /// header with values read from it. An update that changed nothing and failed no read returns the same (immutable)
    /// result as the previous such update while the chain id stays, so a steady monitor loop allocates little beyond the
    /// new readings.</para>
    /// </remarks>
    /// <exception cref="KstatException">The chain could not be updated; the tree is unchanged.</exception>
    /// <exception cref="ObjectDisposedException">The tree is disposed.</exception>
    public KstatUpdate Update()
    {
        lock (Context.UpdateLock)
        {
            Context.ThrowIfDisposed();
            var chain = Context.Chain;
            bool endOfCapture = chain is IKstatSeries { IsLastRound: true }; // before the step, which the last round cannot take
            bool updated = chain.Update();
            var (chainId, headers) = Walk(chain);
            var added = ImmutableArray<KstatHeader>.Empty;
            var removed = ImmutableArray<KstatHeader>.Empty;
            var replaced = ImmutableArray<KstatHeader>.Empty;
            Dictionary<KstatLeaf, KstatHeader>? rebinds = null;
            if (updated || chainId != _builtChainId)
            {
                var result = Build(headers, Context, this);
                added = result.Added;
                replaced = result.Replaced;
                rebinds = result.Rebinds;
                removed = result.Removed.Select(l => l.BoundHeader).ToImmutableArray();
                Entries = result.Modules;
                foreach (var leaf in result.Removed)
                {
                    leaf.Detach();
                }
            }

            var errors = ReReadLeaves(rebinds);
            _builtChainId = chainId; // only now: an update that threw above is done again by the next one
            if (added.IsEmpty && removed.IsEmpty && replaced.IsEmpty && errors.IsEmpty)
            {
                // The steady state of a monitor loop: the same immutable result as last round, not a new one.
                var unchanged = _unchanged;
                if (unchanged is null || unchanged.ChainId != chainId || unchanged.EndOfCapture != endOfCapture)
                {
                    _unchanged = unchanged = new KstatUpdate([], [], [], [], chainId, endOfCapture);
                }

                return unchanged;
            }

            return new KstatUpdate(Sorted(added), Sorted(removed), Sorted(replaced), errors, chainId, endOfCapture);
        }
    }

    private static ImmutableArray<KstatHeader> Sorted(ImmutableArray<KstatHeader> headers) =>
        headers.IsEmpty ? [] : headers.Sort(KstatOrder.Headers);

    /// <summary>Takes the chain's id and the headers of that same chain: the id read before and after the headers must agree,
    /// else the chain was updated in between (by another thread) and is read again.</summary>
    private static (long ChainId, IReadOnlyList<KstatHeader> Headers) Walk(IKstatChain chain)
    {
        while (true)
        {
            long id = chain.ChainId;
            var headers = chain.Headers;
            if (chain.ChainId == id)
            {
                return (id, headers);
            }
        }
    }

    /// <summary>
    /// Builds the module level from chain headers, reusing the modules, instances and leaves of <paramref name="previous"/>
    /// where the key is the same. Nodes are in chain order (the first header of each key); when a key appears twice in
    /// the chain, the later header wins.
    /// </summary>
    /// <remarks>Changes no leaf: what a leaf is to be bound to is returned in <see cref="BuildResult.Rebinds"/>, and
    /// <see cref="ReReadLeaves"/> binds it together with a reading from the new header.</remarks>
    private static BuildResult Build(IReadOnlyList<KstatHeader> headers, TreeContext context, KstatTree? previous)
    {
        // OrderedDictionary keeps the order of first insertion by contract, and an assignment keeps a key's position.
        var shape = new OrderedDictionary<string, OrderedDictionary<int, OrderedDictionary<string, KstatHeader>>>(StringComparer.Ordinal);
        foreach (var header in headers)
        {
            if (!shape.TryGetValue(header.Module, out var instances))
            {
                shape.Add(header.Module, instances = []);
            }

            if (!instances.TryGetValue(header.Instance, out var names))
            {
                instances.Add(header.Instance, names = new(StringComparer.Ordinal));
            }

            names[header.Name] = header;
        }

        // The leaves before: the nodes reused below get their new entries as the loop goes.
        var before = previous?.Leaves().ToList();
        var added = ImmutableArray.CreateBuilder<KstatHeader>();
        var replaced = ImmutableArray.CreateBuilder<KstatHeader>();
        Dictionary<KstatLeaf, KstatHeader>? rebinds = null;
        var kept = new HashSet<KstatLeaf>(ReferenceEqualityComparer.Instance);
        var modules = new KeyValuePair<string, KstatModule>[shape.Count];
        int m = 0;
        foreach (var (moduleName, instanceShape) in shape)
        {
            KstatModule? oldModule = null;
            previous?.Entries.TryGetValue(moduleName, out oldModule);
            var instances = new KeyValuePair<int, KstatInstance>[instanceShape.Count];
            int i = 0;
            foreach (var (number, nameShape) in instanceShape)
            {
                KstatInstance? oldInstance = null;
                oldModule?.Entries.TryGetValue(number, out oldInstance);
                var leaves = new KeyValuePair<string, KstatLeaf>[nameShape.Count];
                int n = 0;
                foreach (var (name, header) in nameShape)
                {
                    KstatLeaf? leaf = null;
                    if (oldInstance?.Entries.TryGetValue(name, out leaf) == true)
                    {
                        kept.Add(leaf);
                        var bound = leaf.BoundHeader;
                        if (!ReferenceEquals(bound, header) && bound != header)
                        {
                            (rebinds ??= new(ReferenceEqualityComparer.Instance))[leaf] = header;
                            if (!LeafState.SameIncarnation(bound, header))
                            {
                                replaced.Add(header);
                            }
                        }
                    }
                    else
                    {
                        leaf = new KstatLeaf(context, header);
                        if (previous is not null)
                        {
                            added.Add(header);
                        }
                    }

                    leaves[n++] = new(name, leaf);
                }

                // An existing node gets its new entries, so that references users hold stay live.
                var leafEntries = new NodeEntries<string, KstatLeaf>(leaves);
                if (oldInstance is null)
                {
                    oldInstance = new KstatInstance(context, moduleName, number, leafEntries);
                }
                else
                {
                    oldInstance.Entries = leafEntries;
                }

                instances[i++] = new(number, oldInstance);
            }

            var instanceEntries = new NodeEntries<int, KstatInstance>(instances);
            if (oldModule is null)
            {
                oldModule = new KstatModule(context, moduleName, instanceEntries);
            }
            else
            {
                oldModule.Entries = instanceEntries;
            }

            modules[m++] = new(moduleName, oldModule);
        }

        var removed = before is null ? [] : before.FindAll(l => !kept.Contains(l));
        return new BuildResult(new NodeEntries<string, KstatModule>(modules), added.ToImmutable(), replaced.ToImmutable(), removed, rebinds);
    }

    private sealed record BuildResult(
        NodeEntries<string, KstatModule> Modules,
        ImmutableArray<KstatHeader> Added,
        ImmutableArray<KstatHeader> Replaced,
        List<KstatLeaf> Removed,
        Dictionary<KstatLeaf, KstatHeader>? Rebinds);
}
