namespace Kstat.Tree;

/// <content>LINQPad support: <c>leaf.Dump()</c> shows the header, and the statistics without forcing a read.</content>
public sealed partial class KstatLeaf
{
    /// <summary>Gives LINQPad what <c>Dump()</c> shows: key, class, type, crtime, and the statistics held.</summary>
    /// <returns>One object; times in seconds.</returns>
    /// <remarks>
    /// Does not read: an unread leaf shows its header and a link that reads it when clicked (LINQPad evaluates a
    /// <see cref="Lazy{T}"/> on demand). A leaf that was read shows its values as held.
    /// </remarks>
    /// <exception cref="ObjectDisposedException">The tree is disposed.</exception>
    public object ToDump() => KstatDump.Leaf(this);
}
