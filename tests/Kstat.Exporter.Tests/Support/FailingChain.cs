using Kstat.Tree;

namespace Kstat.Exporter.Tests.Support;

/// <summary>A chain whose reads of chosen kstats fail as a kernel's EIO would, over another chain for everything else.</summary>
internal sealed class FailingChain(IKstatChain inner) : IKstatChain
{
    public HashSet<string> FailReads { get; } = new(StringComparer.Ordinal);

    public long ChainId => inner.ChainId;

    public IReadOnlyList<KstatHeader> Headers => inner.Headers;

    public bool Update() => inner.Update();

    public KstatReading Read(KstatHeader header) =>
        FailReads.Contains(header.Key) ? throw new KstatException($"kstat_read of '{header.Key}' failed: I/O error", 5) : inner.Read(header);

    public void Dispose() => inner.Dispose();
}
