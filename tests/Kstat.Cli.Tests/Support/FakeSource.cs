using Kstat.Cli.Sources;
using Kstat.Tree;

namespace Kstat.Cli.Tests.Support;

/// <summary>A source over a <see cref="FakeChain"/>: live (updates forever) or a capture (ends after its last round).</summary>
public sealed class FakeSource(FakeChain chain, bool isCapture) : IKstatSource
{
    public IKstatChain Chain => chain;

    public bool IsCapture => isCapture;

    public int Updates { get; private set; }

    public Func<int, DateTimeOffset?> Times { get; init; } = _ => null;

    public DateTimeOffset? RoundTime => Times(chain.Round);

    public bool NextRound()
    {
        if (isCapture && chain.IsLastRound)
        {
            return false;
        }

        Updates++;
        chain.Update();
        return true;
    }

    public void Dispose() => chain.Dispose();
}
