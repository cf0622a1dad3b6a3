namespace Kstat.Tree;

/// <summary>
/// What a leaf shows at one moment: the header it is bound to, the reading taken from that header (or none) and
/// whether the kstat is still in the chain. Immutable; a leaf replaces its state with one reference swap.
/// </summary>
/// <remarks>
/// Every lookup, enumeration, sample and writer takes a leaf's state once and uses only it, so a header and a reading
/// seen together always belong to one incarnation of the kstat. Each change makes a new object, so a compare-and-swap
/// against the state a thread saw succeeds only if nothing happened to the leaf in between (no ABA).
/// </remarks>
internal sealed class LeafState(KstatHeader header, KstatReading? reading, bool isValid = true)
{
    /// <summary>Gets the header the leaf is bound to.</summary>
    public KstatHeader Header { get; } = header;

    /// <summary>Gets the reading taken from <see cref="Header"/>, or <c>null</c> when the leaf holds none.</summary>
    public KstatReading? Reading { get; } = reading;

    /// <summary>Gets a value indicating whether the kstat is still in the chain.</summary>
    public bool IsValid { get; } = isValid;

    /// <summary>Tells whether two headers describe the same incarnation of a kstat (same kid, same creation time).</summary>
    public static bool SameIncarnation(KstatHeader a, KstatHeader b) => a.Kid == b.Kid && a.CrTime == b.CrTime;
}
