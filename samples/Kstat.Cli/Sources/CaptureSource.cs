using Kstat.Tree;

namespace Kstat.Cli.Sources;

/// <summary>A kstat(1) capture (<c>-p</c>, <c>-j</c> or the default format) through <see cref="SnapshotChain"/>; a capture of several rounds is replayed round by round.</summary>
internal sealed class CaptureSource(SnapshotChain chain) : IKstatSource
{
    public IKstatChain Chain => chain;

    public bool IsCapture => true;

    public DateTimeOffset? RoundTime => chain.TimestampTime;

    /// <exception cref="KstatFormatException">The capture is malformed (the message names file:line:column).</exception>
    /// <exception cref="IOException">The capture cannot be read.</exception>
    public static CaptureSource Load(string path) => new(SnapshotChain.Load(path));

    public bool NextRound()
    {
        if (chain.IsLastRound)
        {
            return false;
        }

        chain.Update();
        return true;
    }

    public void Dispose() => chain.Dispose();
}
