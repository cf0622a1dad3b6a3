using Kstat.Tree;

namespace Kstat.Cli.Sources;

/// <summary>Where the kstats come from, round after round: the running machine or a capture.</summary>
internal interface IKstatSource : IDisposable
{
    /// <summary>Gets the chain to select from and read; its headers are the current round's.</summary>
    IKstatChain Chain { get; }

    /// <summary>Gets a value indicating whether rounds follow a capture (no sleeping between them) rather than the clock.</summary>
    bool IsCapture { get; }

    /// <summary>Gets the time of the current round when the source knows it (a capture's <c>-T</c> line), or <c>null</c> to use the clock.</summary>
    DateTimeOffset? RoundTime { get; }

    /// <summary>Moves to the next round: a live chain is brought up to date (<c>kstat_chain_update</c>), a capture steps to its next round.</summary>
    /// <returns><see langword="false"/> when a capture has no more rounds.</returns>
    /// <exception cref="KstatException">The chain could not be updated (a capture: its next round is malformed).</exception>
    bool NextRound();
}
