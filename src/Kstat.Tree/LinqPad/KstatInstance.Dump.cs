namespace Kstat.Tree;

/// <content>LINQPad support: <c>instance.Dump()</c> shows its kstats' headers.</content>
public sealed partial class KstatInstance
{
    /// <summary>Gives LINQPad what <c>Dump()</c> shows: one row per kstat with its header, and its statistics if already read.</summary>
    /// <returns>A list of rows in kstat(1) order.</returns>
    /// <remarks>Reads no kstat: an unread kstat shows its class and crtime, and its statistics on click.</remarks>
    /// <exception cref="ObjectDisposedException">The tree is disposed.</exception>
    public object ToDump() => KstatDump.Instance(this);
}
