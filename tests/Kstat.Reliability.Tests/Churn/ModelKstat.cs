using Kstat.Reliability.Tests.Support;
using Kstat.Tree;

namespace Kstat.Reliability.Tests.Churn;

/// <summary>What the model knows of one kstat in the kernel: its kid, crtime and statistics.</summary>
public sealed class ModelKstat(long kid, long crTime)
{
    public long Kid { get; set; } = kid;

    public long CrTime { get; set; } = crTime;

    public List<(string Name, StatKind Kind, ulong Bits)> Stats { get; } = [];

    public List<KeyValuePair<string, KstatValue>> Decode() =>
        Stats.Select(s => new KeyValuePair<string, KstatValue>(s.Name, MemoryKernel.Decode(s.Kind, s.Bits))).ToList();
}
