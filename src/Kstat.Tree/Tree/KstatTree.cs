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
/// serialised); a reader sees a leaf's old reading or its new one, never a mix. The tree owns the chain:
/// <see cref="Dispose"/> disposes it, and afterwards every member of the tree and its nodes throws
/// <see cref="ObjectDisposedException"/>.</para>
/// </remarks>
[DebuggerDisplay("KstatTree: {Count} modules")]
public sealed partial class KstatTree : KstatDictionary<string, KstatModule>, IDisposable
{
    private readonly Lock _updateLock = new();

    // The result of the last Update() that changed nothing, reused while the chain id stays (guarded by _updateLock).
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
        Entries = Build(context.Chain.Headers, context, null).Modules;
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

    /// <summary>Disposes the chain; afterwards every member of the tree and its nodes throws <see cref="ObjectDisposedException"/>.</summary>
    public void Dispose()
    {
        lock (_updateLock)
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
