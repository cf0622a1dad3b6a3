namespace Kstat.Tree;

/// <content>LINQPad support: <c>ks.Dump()</c> shows the modules, each expanding on click.</content>
public sealed partial class KstatTree
{
    /// <summary>Gives LINQPad what <c>Dump()</c> shows: one row per module (instances and kstats counted), its contents on click.</summary>
    /// <returns>A list of rows in kstat(1) order.</returns>
    /// <remarks>LINQPad calls a <c>ToDump()</c> method by convention; no LINQPad package is needed. Reads no kstat.</remarks>
    /// <exception cref="ObjectDisposedException">The tree is disposed.</exception>
    public object ToDump() => KstatDump.Tree(this);
}
