namespace Kstat.Tree;

/// <summary>
/// A kstat of a capture, from the first round that prints it on: what the rounds before made of it, and what the
/// round being read has made of its lines so far.
/// </summary>
/// <param name="id">Its <c>module:instance:name</c>.</param>
internal sealed class CaptureKstat(KstatId id)
{
    public KstatId Id { get; } = id;

    /// <summary>Gets or sets its header when the last round with it closed (its kid, crtime, type and class), or <c>null</c> before that.</summary>
    public KstatHeader? Header { get; set; }

    /// <summary>Gets or sets whether a round with data (or a JSON type) fixed <see cref="Header"/>'s type; until then each round infers it again.</summary>
    public bool TypeSettled { get; set; }

    /// <summary>Gets or sets the index of the last round that printed it.</summary>
    public int Round { get; set; } = -1;

    /// <summary>Gets or sets what that round made of its lines (the round being read: its lines so far).</summary>
    public CompletedKstat Completed { get; set; }

    /// <summary>Gets its header from the rounds before when it is still the same kstat (the same crtime), else <c>null</c> (new, or re-created).</summary>
    public KstatHeader? EarlierHeader(long crTime) => Header is { } header && header.CrTime == crTime ? header : null;
}
