namespace Kstat.Tree;

/// <content>LINQPad support: <c>module.Dump()</c> shows its instances and their kstats' headers.</content>
public sealed partial class KstatModule
{
    /// <summary>Gives LINQPad what <c>Dump()</c> shows: the instances in numeric order, each with its kstats' headers.</summary>
    /// <returns>A list of rows.</returns>
    /// <remarks>Reads no kstat: an unread kstat shows its class and crtime, and its statistics on click.</remarks>
    /// <exception cref="ObjectDisposedException">The tree is disposed.</exception>
    public object ToDump() => KstatDump.Module(this);
}
