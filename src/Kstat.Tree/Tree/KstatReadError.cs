namespace Kstat.Tree;

/// <summary>A leaf whose re-read failed during <see cref="KstatTree.Update"/>; the leaf keeps the values it held.</summary>
/// <param name="Key">The kstat's <c>"module:instance:name"</c>.</param>
/// <param name="Exception">Why the read failed.</param>
public sealed record KstatReadError(string Key, Exception Exception);
