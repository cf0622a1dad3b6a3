using System.Collections.Immutable;

namespace Kstat.Tree;

/// <summary>One round of a capture: its chain headers and the reading of each kstat (<c>null</c> when kstat(1) could not read it).</summary>
internal sealed class SnapshotRound(ImmutableArray<KstatHeader> headers, Dictionary<long, KstatReading?> readings, string? timestamp, long chainId)
{
    public ImmutableArray<KstatHeader> Headers { get; } = headers;

    /// <summary>Gets the readings by <see cref="KstatHeader.Kid"/> (never changed once the round is made, so reads need no lock).</summary>
    public Dictionary<long, KstatReading?> Readings { get; } = readings;

    /// <summary>Gets the <c>-T u</c> or <c>-T d</c> line printed before the round, or <c>null</c>.</summary>
    public string? Timestamp { get; } = timestamp;

    public long ChainId { get; } = chainId;
}
