using System.Collections.Frozen;
using System.Collections.Immutable;

namespace Kstat.Tree;

/// <summary>One round of a capture: its chain headers and the reading of each kstat (<c>null</c> when kstat(1) could not read it).</summary>
internal sealed class SnapshotRound(ImmutableArray<KstatHeader> headers, FrozenDictionary<long, KstatReading?> readings, string? timestamp, long chainId)
{
    public ImmutableArray<KstatHeader> Headers { get; } = headers;

    /// <summary>Gets the readings by <see cref="KstatHeader.Kid"/>.</summary>
    public FrozenDictionary<long, KstatReading?> Readings { get; } = readings;

    /// <summary>Gets the <c>-T u</c> or <c>-T d</c> line printed before the round, or <c>null</c>.</summary>
    public string? Timestamp { get; } = timestamp;

    public long ChainId { get; } = chainId;
}
