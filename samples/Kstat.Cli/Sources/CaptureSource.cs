using Kstat.Tree;

namespace Kstat.Cli.Sources;

/// <summary>A kstat(1) capture (<c>-p</c>, <c>-j</c> or the human format); a capture of several rounds is replayed round by round.</summary>
internal sealed class CaptureSource : IKstatSource
{
    private CaptureSource(IKstatChain chain) => Chain = chain;

    public IKstatChain Chain { get; }

    public bool IsCapture => true;

    public DateTimeOffset? RoundTime => null;

    public static CaptureSource Load(string path) =>
        throw new NotSupportedException($"Reading captures ({path}) needs SnapshotChain, which has not landed yet.");

    public bool NextRound() => false;

    public void Dispose() => Chain.Dispose();
}
