using Kstat.Tree;

namespace Kstat.Reliability.Tests.Churn;

/// <content>The comparison of the whole tree, and of the leaves it detached, with the model.</content>
public sealed partial class ChurnMachine
{
    private static readonly Dictionary<string, int> SlotOfKey = ChurnOp.Keys
        .Select((_, i) => (ChurnOp.HeaderOf(i).Key, Slot: i))
        .ToDictionary(p => p.Key, p => p.Slot, StringComparer.Ordinal);

    /// <summary>Compares every node of the tree and every detached leaf with the model, without reading anything.</summary>
    public void Verify()
    {
        int leaves = 0;
        foreach (var (moduleName, module) in _tree)
        {
            Expect(module.Count > 0 && module.Name == moduleName, $"module '{moduleName}' is empty or misnamed");
            foreach (var (number, instance) in module)
            {
                Expect(instance.Count > 0 && instance.Instance == number && instance.Module == moduleName, $"instance {moduleName}:{number} is empty or misnamed");
                foreach (var (name, leaf) in instance)
                {
                    leaves++;
                    Expect(SlotOfKey.TryGetValue(leaf.Key, out int slot) && leaf.Name == name, $"unexpected leaf '{leaf.Key}'");
                    Expect(_treeModel.TryGetValue(slot, out var model), $"the tree holds '{leaf.Key}', the model does not");
                    Expect(model!.Object is null || ReferenceEquals(model.Object, leaf), $"{leaf.Key}: leaf object replaced");
                    Expect(leaf.Header.Kid == model.Kid && leaf.CrTime == model.CrTime, $"{leaf.Key}: bound to kid {leaf.Header.Kid} crtime {leaf.CrTime}, expected {model.Kid}/{model.CrTime}");
                    Expect(leaf.IsValid, $"{leaf.Key}: not valid while in the tree");
                    ExpectValues(leaf, model);
                }
            }
        }

        Expect(leaves == _treeModel.Count, $"the tree holds {leaves} leaves, the model {_treeModel.Count}");
        Expect(_kernel.PoisonedUses == 0, $"{_kernel.PoisonedUses} calls handed the kernel a kstat_t it had freed");
        foreach (var model in _detached)
        {
            Expect(!model.Object!.IsValid, $"{model.Key}: a removed leaf is still valid");
            ExpectValues(model.Object, model);
        }
    }

    private static void ExpectValues(KstatLeaf leaf, ModelLeaf model)
    {
        var reading = leaf.Reading;
        Expect((reading is not null) == (model.Values is not null), $"{leaf.Key}: IsRead {reading is not null}, expected {model.Values is not null}");
        if (reading is null)
        {
            return;
        }

        var values = model.Values!;
        Expect(reading.Count == values.Count, $"{leaf.Key}: {reading.Count} statistics, expected {values.Count}");
        for (int i = 0; i < values.Count; i++)
        {
            Expect(reading.Schema.Names[i] == values[i].Key && reading.Values[i] == values[i].Value,
                $"{leaf.Key}: {reading.Schema.Names[i]} = {reading.Values[i]}, expected {values[i].Key} = {values[i].Value}");
        }

        Expect(reading.SnapTime >= model.SnapTime, $"{leaf.Key}: snaptime went back from {model.SnapTime} to {reading.SnapTime}");
        model.SnapTime = reading.SnapTime;
    }
}
