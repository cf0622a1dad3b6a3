using System.Diagnostics;

namespace Kstat.Tree;

/// <summary>
/// The kstats of a chain as a lazy tree of read-only dictionaries, module → instance → name → statistic:
/// the .NET twin of Perl's <c>Sun::Solaris::Kstat</c>, as in <c>ks["cpu_stat"][0]["cpu_stat0"]["user"]</c>.
/// </summary>
/// <remarks>
/// <para>Building the tree walks the chain headers and reads no data; a leaf reads its kstat on first access.
/// <see cref="Update"/> re-reads only the leaves that were read and reports what the chain added and removed.</para>
/// <para>Thread safe: any number of readers may use the tree while one <see cref="Update"/> runs (calls to it are
/// serialised). A lookup or an enumeration of a leaf sees one state of it: values from one read, with the header of the
/// kstat they were read from; a leaf never goes back to an older reading. See <see cref="KstatLeaf"/>.</para>
/// <para>The tree owns the chain: <see cref="Dispose"/> disposes it. Afterwards the members that never change still
/// answer (<see cref="Options"/>, the nodes' names, instance numbers and keys, <c>ToString()</c>); every other member of
/// the tree and its nodes throws <see cref="ObjectDisposedException"/>. Readings and enumerators taken before stay usable.</para>
/// </remarks>
[DebuggerDisplay("KstatTree: {Count} modules")]
public sealed partial class KstatTree : KstatDictionary<string, KstatModule>, IDisposable
{
    // The result of the last Update() that changed nothing, reused while the chain id stays (guarded by the update lock).
    private KstatUpdate? _unchanged;

    /// <summary>Builds the tree over a chain, without reading any kstat.</summary>
    /// <param name="chain">The source of kstats; the tree owns it and disposes it.</param>
    /// <param name="options">Options, or <c>null</c> for the defaults.</param>
    /// <exception cref="ArgumentNullException"><paramref name="chain"/> is null.</exception>
    public KstatTree(IKstatChain chain, KstatTreeOptions? options = null)
        : this(new TreeContext(chain ?? throw new ArgumentNullException(nameof(chain)), options ?? new KstatTreeOptions()))
    {
    }

    private KstatTree(TreeContext context)
        : base(context, NodeEntries<string, KstatModule>.Empty)
    {
        (_builtChainId, var headers) = Walk(context.Chain);
        Entries = Build(headers, context, null).Modules;
    }

    /// <summary>Gets the chain the tree reads from.</summary>
    /// <exception cref="ObjectDisposedException">The tree is disposed.</exception>
    public IKstatChain Chain
    {
        get
        {
            Context.ThrowIfDisposed();
            return Context.Chain;
        }
    }

    /// <summary>Gets the options the tree was built with.</summary>
    public KstatTreeOptions Options => Context.Options;

    /// <summary>Enumerates every leaf of the tree, in chain order, without reading any.</summary>
    /// <returns>The leaves of one snapshot of the tree.</returns>
    /// <exception cref="ObjectDisposedException">The tree is disposed.</exception>
    public IEnumerable<KstatLeaf> Leaves()
    {
        foreach (var module in Entries.Array)
        {
            foreach (var instance in module.Value.Entries.Array)
            {
                foreach (var leaf in instance.Value.Entries.Array)
                {
                    yield return leaf.Value;
                }
            }
        }
    }

    /// <summary>Finds a leaf by module, instance and name without throwing.</summary>
    /// <param name="module">The module.</param>
    /// <param name="instance">The instance.</param>
    /// <param name="name">The name.</param>
    /// <param name="leaf">The leaf, or <c>null</c>.</param>
    /// <returns><see langword="true"/> when the tree has it.</returns>
    /// <exception cref="ObjectDisposedException">The tree is disposed.</exception>
    public bool TryGetLeaf(string module, int instance, string name, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out KstatLeaf? leaf)
    {
        leaf = null;
        return TryGetValue(module, out var m) && m.TryGetValue(instance, out var i) && i.TryGetValue(name, out leaf);
    }

    /// <summary>Disposes the chain; afterwards the tree's and its nodes' members throw <see cref="ObjectDisposedException"/>, but for those that never change (see the remarks on <see cref="KstatTree"/>).</summary>
    /// <remarks>Waits for an update in progress. Calling it twice does nothing.</remarks>
    public void Dispose()
    {
        lock (Context.UpdateLock)
        {
            if (Context.IsDisposed)
            {
                return;
            }

            Context.MarkDisposed();
            Context.Chain.Dispose();
        }
    }

    private protected override string DescribeMissing(string key) => $"There is no kstat module '{key}'.";
}
