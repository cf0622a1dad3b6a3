namespace Kstat.Tree;

/// <summary>A leaf whose re-read failed during <see cref="KstatTree.Update"/>; the leaf keeps the values it held.</summary>
/// <param name="Header">The header of the kstat whose read failed.</param>
/// <param name="Exception">Why the read failed.</param>
public sealed record KstatReadError(KstatHeader Header, Exception Exception)
{
    /// <summary>Gets the kstat's key, <c>"module:instance:name"</c>.</summary>
    public string Key => Header.Key;
}
