using Kstat.Reliability.Tests.Support;
using Kstat.Tree;

namespace Kstat.Reliability.Tests.Churn;

/// <content>The two steps that touch the tree: a read of one leaf and <see cref="KstatTree.Update"/>.</content>
public sealed partial class ChurnMachine
{
    private void Read(ChurnOp op)
    {
        int variant = op.Arg % 8;
        ModelLeaf? model;
        KstatLeaf? leaf;
        if (variant == 7 && _detached.Count > 0)
        {
            model = _detached[(op.Arg / 8) % _detached.Count];
            leaf = model.Object!;
        }
        else
        {
            var (module, instance, name) = ChurnOp.Keys[op.Slot];
            bool found = _tree.TryGetLeaf(module, instance, name, out leaf);
            _treeModel.TryGetValue(op.Slot, out model);
            Expect(found == (model is not null), $"TryGetLeaf({module}:{instance}:{name}) returned {found}");
            if (model is null)
            {
                return;
            }

            model.Object ??= leaf;
            Expect(ReferenceEquals(model.Object, leaf), $"{model.Key}: the tree handed out a different leaf object for the same key");
        }

        if (variant == 6)
        {
            // class and crtime come from the header: never a read, never an exception for a removed leaf.
            Expect(leaf!["crtime"] == KstatValue.HrTime(model.CrTime), $"{model.Key}: crtime");
            Expect((string)leaf["class"] == "misc", $"{model.Key}: class");
            return;
        }

        Type? expected = null;
        if (model.Values is null)
        {
            int errno = model.Valid ? TakeReadFault(model.Kid) : 0;
            if (!model.Valid || errno == Errno.ENXIO)
            {
                expected = typeof(KstatNotFoundException);
            }
            else if (errno != 0)
            {
                expected = typeof(KstatException);
            }
            else if (KernelKstat(model.Kid) is { } kstat)
            {
                model.Values = kstat.Decode();
            }
            else
            {
                expected = typeof(KstatNotFoundException); // removed or re-created in the kernel, the tree not updated yet
            }
        }

        Exception? actual = null;
        try
        {
            Access(leaf!, variant, model);
        }
        catch (KstatException e)
        {
            actual = e;
        }

        if (expected is null)
        {
            Expect(actual is null, $"{model.Key}: read threw {actual}");
            model.SnapTime = leaf!.SnapTime ?? -1;
        }
        else
        {
            Expect(actual?.GetType() == expected, $"{model.Key}: expected {expected.Name}, got {actual?.GetType().Name ?? "no exception"}");
            Expect(actual is not KstatNotFoundException nf || nf.Key == model.Key, $"{model.Key}: KstatNotFoundException names '{(actual as KstatNotFoundException)?.Key}'");
        }
    }

    private static void Access(KstatLeaf leaf, int variant, ModelLeaf model)
    {
        switch (variant)
        {
            case 0:
                Expect(leaf.Count == model.Values!.Count + 3, $"{model.Key}: Count {leaf.Count}");
                break;
            case 1:
                Expect(leaf["s0"] == model.Values![0].Value && leaf["s0"].Kind == model.Values![0].Value.Kind, $"{model.Key}: s0 = {leaf["s0"]}, expected {model.Values![0].Value}");
                break;
            case 2:
                Expect(leaf.TryGetValue("snaptime", out var snap) && snap.Kind == KstatValueKind.HrTime, $"{model.Key}: snaptime");
                break;
            case 3:
                var pairs = leaf.Where(p => p.Key is not ("class" or "crtime" or "snaptime")).ToList();
                // Kinds too: values of different kinds can be equal (UInt32 2 == Int64 2), and a kind is part of what was read.
                Expect(pairs.Select(p => (p.Key, p.Value.Kind, p.Value)).SequenceEqual(model.Values!.Select(p => (p.Key, p.Value.Kind, p.Value))), $"{model.Key}: enumeration differs");
                break;
            case 4:
                Expect(leaf.GetReading().Count == model.Values!.Count, $"{model.Key}: reading count");
                break;
            default:
                Expect(!leaf.ContainsKey("no_such_stat"), $"{model.Key}: ContainsKey of a missing statistic");
                break;
        }
    }

    private void Update()
    {
        if (TakeChainUpdate(out bool partial) is int errno and not 0)
        {
            var failure = Record.Exception(() => _tree.Update());
            Expect(failure is KstatException { Errno: var got } and not KstatNotFoundException && got == errno,
                $"a chain update failing with errno {errno} gave {failure?.GetType().Name ?? "no exception"} {(failure as KstatException)?.Errno}");
            Count(partial ? "UpdateFailedHalfWay" : "UpdateFailed");
            return;
        }

        var result = _tree.Update();
        var added = new List<ModelLeaf>();
        var removed = new List<ModelLeaf>();
        var replaced = new List<ModelLeaf>();
        foreach (var (slot, kstat) in _kernelModel)
        {
            if (!_treeModel.TryGetValue(slot, out var leaf))
            {
                leaf = new ModelLeaf(slot, kstat.Kid, kstat.CrTime);
                _treeModel.Add(slot, leaf);
                added.Add(leaf);
            }
            else if (leaf.Kid != kstat.Kid)
            {
                leaf.Kid = kstat.Kid;
                leaf.CrTime = kstat.CrTime;
                replaced.Add(leaf);
            }
        }

        foreach (var (slot, leaf) in _treeModel.Where(p => !_kernelModel.ContainsKey(p.Key)).ToList())
        {
            _treeModel.Remove(slot);
            leaf.Valid = false;
            removed.Add(leaf);
            if (leaf.Object is not null)
            {
                _detached.Add(leaf);
                if (_detached.Count > MaxDetached)
                {
                    _detached.RemoveAt(0);
                }
            }
        }

        var errors = new List<ModelLeaf>();
        foreach (var leaf in _treeModel.Values.Where(l => l.Values is not null))
        {
            if (TakeReadFault(leaf.Kid) != 0)
            {
                errors.Add(leaf);
                if (replaced.Contains(leaf))
                {
                    leaf.Values = null; // the values held were the old kstat's: the leaf is bound to the new one, unread
                }
            }
            else
            {
                leaf.Values = KernelKstat(leaf.Kid)!.Decode();
            }
        }

        ExpectKeys("Added", result.Added, added);
        ExpectKeys("Removed", result.Removed, removed);
        ExpectKeys("Replaced", result.Replaced, replaced);
        ExpectKeys("ReadErrors", [.. result.ReadErrors.Select(e => e.Key)], errors);
        Expect(result.Changed == (added.Count + removed.Count + replaced.Count > 0), "Changed");
        if (errors.Count > 0)
        {
            Count("ReadErrors");
        }
    }

    private static void ExpectKeys(string what, System.Collections.Immutable.ImmutableArray<string> actual, List<ModelLeaf> expected)
    {
        var keys = expected
            .Select(l => ChurnOp.HeaderOf(l.Slot) with { Kid = l.Kid }) // kstats equal but for case: the later (higher kid) first
            .Order(KstatOrder.Headers)
            .Select(h => h.Key)
            .ToList();
        Expect(actual.SequenceEqual(keys), $"{what}: got [{string.Join(", ", actual)}], expected [{string.Join(", ", keys)}]");
    }

    private static void Expect(bool condition, string message)
    {
        if (!condition)
        {
            throw new ChurnMismatchException(message);
        }
    }
}
