using Kstat.Tree;

namespace Kstat.Cli.Sources;

/// <summary>The running machine's kstats, through the chain of <c>NativeKstat.Open()</c> (libkstat on illumos, /proc on Linux).</summary>
/// <remarks>
/// The command works on the chain, below the tree: like kstat(1) it re-reads every selected kstat each round and
/// shows a failed read as a kstat without data, where the tree would keep the last good values.
/// </remarks>
internal sealed class LiveSource(KstatTree tree) : IKstatSource
{
    public IKstatChain Chain => tree.Chain;

    public bool IsCapture => false;

    public DateTimeOffset? RoundTime => null;

    public bool NextRound()
    {
        Chain.Update();
        return true;
    }

    public void Dispose() => tree.Dispose();
}
