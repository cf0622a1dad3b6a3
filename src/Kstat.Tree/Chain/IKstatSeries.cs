namespace Kstat.Tree;

/// <summary>
/// A chain that replays a recorded series of rounds (a capture), which can run out: each <see cref="IKstatChain.Update"/>
/// steps to the next round, and on the last one there is none left.
/// </summary>
/// <remarks><see cref="KstatTree.Update"/> reports the end in <see cref="KstatUpdate.EndOfCapture"/>; a live chain never ends.</remarks>
internal interface IKstatSeries
{
    /// <summary>Gets a value indicating whether the chain shows the last round of its series.</summary>
    bool IsLastRound { get; }
}
