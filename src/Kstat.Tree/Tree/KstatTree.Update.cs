using System.Collections.Immutable;

namespace Kstat.Tree;

/// <content>Building the tree from chain headers, and <see cref="Update"/>: Perl's <c>update()</c>.</content>
public sealed partial class KstatTree
{
    /// <summary>
    /// Brings the tree up to date, as Perl's <c>update()</c> does: updates the chain, adds new kstats (unread),
    /// removes vanished ones (and instances and modules left empty), and re-reads the leaves that were read.
    /// </summary>
    /// <returns>What changed; <c>var (added, removed) = tree.Update();</c> gives Perl's list-context result. Over a capture,
    /// each update steps to the next round, and <see cref="KstatUpdate.EndOfCapture"/> says when there was none left.</returns>
    /// <remarks>Leaves never read are not read. Calls are serialised; readers may run at the same time. An update that
    /// changed nothing and failed no read returns the same (immutable) result as the previous such update while the chain
    /// id stays, so a steady monitor loop allocates only the new readings.</remarks>
    /// <exception cref="KstatException">The chain could not be updated; the tree is unchanged.</exception>
    /// <exception cref="ObjectDisposedException">The tree is disposed.</exception>
    public KstatUpdate Update()
    {
        lock (_updateLock)
        {
            Context.ThrowIfDisposed();
            var chain = Context.Chain;
            bool endOfCapture = chain is SnapshotChain { IsLastRound: true }; // before the step, which the last round cannot take
            var added = ImmutableArray<KstatHeader>.Empty;
            var removed = ImmutableArray<KstatHeader>.Empty;
            var replaced = ImmutableArray<KstatHeader>.Empty;
            if (chain.Update())
            {
                var result = Build(chain.Headers, Context, this);
                added = result.Added;
                replaced = result.Replaced;
                removed = result.Removed.Select(l => l.Header).ToImmutableArray();
                Entries = result.Modules;
                foreach (var leaf in result.Removed)
                {
                    leaf.Detach();
                }
            }

            var errors = ReReadLeaves();
            long chainId = chain.ChainId;
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

    /// <summary>
    /// Builds the module level from chain headers, reusing the modules, instances and leaves of
    /// <paramref name="previous"/> where the key is the same. When a key appears twice in the chain the later
    /// header wins.
    /// </summary>
    private static BuildResult Build(IReadOnlyList<KstatHeader> headers, TreeContext context, KstatTree? previous)
    {
        var shape = new Dictionary<string, Dictionary<int, Dictionary<string, KstatLeaf>>>(StringComparer.Ordinal);
        var seen = new HashSet<KstatLeaf>(ReferenceEqualityComparer.Instance);
        var added = ImmutableArray.CreateBuilder<KstatHeader>();
        var replaced = ImmutableArray.CreateBuilder<KstatHeader>();
        var newLeaves = new Dictionary<string, KstatLeaf>(StringComparer.Ordinal);

        foreach (var header in headers)
        {
            if (!shape.TryGetValue(header.Module, out var instances))
            {
                instances = [];
                shape.Add(header.Module, instances);
            }

            if (!instances.TryGetValue(header.Instance, out var names))
            {
                names = new Dictionary<string, KstatLeaf>(StringComparer.Ordinal);
                instances.Add(header.Instance, names);
            }

            KstatLeaf? leaf = null;
            if (previous is not null && previous.TryGetLeaf(header.Module, header.Instance, header.Name, out var old))
            {
                leaf = old;
                var bound = old.BoundHeader;
                if (!seen.Add(old))
                {
                    old.Rebind(header); // a duplicate key in one chain: the later header wins
                }
                else if (bound.Kid != header.Kid || bound.CrTime != header.CrTime)
                {
                    old.Rebind(header);
                    replaced.Add(header);
                }
                else if (bound != header)
                {
                    old.Rebind(header); // same kstat, header fields refreshed (class, type)
                }
            }
            else if (names.TryGetValue(header.Name, out var duplicate))
            {
                leaf = duplicate;
                leaf.Rebind(header);
            }
            else
            {
                leaf = new KstatLeaf(context, header);
                if (previous is not null)
                {
                    added.Add(header);
                }
            }

            names[header.Name] = leaf;
        }

        var removed = new List<KstatLeaf>();
        if (previous is not null)
        {
            foreach (var leaf in previous.Leaves())
            {
                if (!seen.Contains(leaf))
                {
                    removed.Add(leaf);
                }
            }
        }

        return new BuildResult(Materialize(shape, previous, context), added.ToImmutable(), replaced.ToImmutable(), removed);
    }

    /// <summary>Turns the shape into module and instance nodes, reusing the nodes of the previous tree so references users hold stay live.</summary>
    private static NodeEntries<string, KstatModule> Materialize(
        Dictionary<string, Dictionary<int, Dictionary<string, KstatLeaf>>> shape, KstatTree? previous, TreeContext context)
    {
        var modules = new KeyValuePair<string, KstatModule>[shape.Count];
        int m = 0;
        foreach (var (moduleName, instanceShape) in shape)
        {
            KstatModule? oldModule = null;
            previous?.Entries.TryGetValue(moduleName, out oldModule);
            var instances = new KeyValuePair<int, KstatInstance>[instanceShape.Count];
            int i = 0;
            foreach (var (number, leafShape) in instanceShape)
            {
                var leaves = new NodeEntries<string, KstatLeaf>([.. leafShape]);
                KstatInstance? instance = null;
                oldModule?.Entries.TryGetValue(number, out instance);
                if (instance is null)
                {
                    instance = new KstatInstance(context, moduleName, number, leaves);
                }
                else
                {
                    instance.Entries = leaves;
                }

                instances[i++] = new(number, instance);
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

        return new NodeEntries<string, KstatModule>(modules);
    }

    private sealed record BuildResult(
        NodeEntries<string, KstatModule> Modules,
        ImmutableArray<KstatHeader> Added,
        ImmutableArray<KstatHeader> Replaced,
        List<KstatLeaf> Removed);
}
