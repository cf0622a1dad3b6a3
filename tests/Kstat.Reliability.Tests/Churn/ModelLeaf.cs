using Kstat.Tree;

namespace Kstat.Reliability.Tests.Churn;

/// <summary>What the model expects of one leaf of the tree: the kstat it is bound to and the values it holds.</summary>
public sealed class ModelLeaf(int slot, long kid, long crTime)
{
    public int Slot { get; } = slot;

    public string Key { get; } = ChurnOp.HeaderOf(slot).Key;

    public long Kid { get; set; } = kid;

    public long CrTime { get; set; } = crTime;

    /// <summary>The values held (name, value in read order), or null while unread.</summary>
    public List<KeyValuePair<string, KstatValue>>? Values { get; set; }

    public long SnapTime { get; set; }

    public bool Valid { get; set; } = true;

    /// <summary>The leaf object the harness obtained from the tree, once it touched it; it must stay the same object.</summary>
    public KstatLeaf? Object { get; set; }
}
