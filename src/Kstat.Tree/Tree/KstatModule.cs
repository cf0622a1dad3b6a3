using System.Diagnostics;

namespace Kstat.Tree;

/// <summary>The instances of one kstat module: <c>$ks-&gt;{module}</c> in Perl, keyed by instance number.</summary>
/// <remarks>Perl's keys are strings; here they are <see cref="int"/>, so <c>module.Keys.Order()</c> sorts numerically.</remarks>
[DebuggerDisplay("{Name,nq}: {Count} instances")]
public sealed partial class KstatModule : KstatDictionary<int, KstatInstance>
{
    internal KstatModule(TreeContext context, string name, NodeEntries<int, KstatInstance> entries)
        : base(context, entries)
    {
        Name = name;
    }

    /// <summary>Gets the module name (<c>ks_module</c>).</summary>
    public string Name { get; }

    /// <inheritdoc/>
    public override string ToString() => Name;

    private protected override string DescribeMissing(int key) => $"The kstat module '{Name}' has no instance {key}.";
}
