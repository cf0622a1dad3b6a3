using System.Diagnostics;

namespace Kstat.Tree;

/// <summary>The kstats of one module instance: <c>$ks-&gt;{module}{instance}</c> in Perl, keyed by kstat name.</summary>
[DebuggerDisplay("{Module,nq}:{Instance}: {Count} kstats")]
public sealed partial class KstatInstance : KstatDictionary<string, KstatLeaf>
{
    internal KstatInstance(TreeContext context, string module, int instance, NodeEntries<string, KstatLeaf> entries)
        : base(context, entries)
    {
        Module = module;
        Instance = instance;
    }

    /// <summary>Gets the module name (<c>ks_module</c>).</summary>
    public string Module { get; }

    /// <summary>Gets the instance number (<c>ks_instance</c>).</summary>
    public int Instance { get; }

    /// <inheritdoc/>
    public override string ToString() => $"{Module}:{Instance}";

    private protected override string DescribeMissing(string key) => $"The kstat instance '{Module}:{Instance}' has no kstat named '{key}'.";
}
