using System.Globalization;
using Kstat.Tree;

namespace Kstat.Reliability.Tests.Churn;

/// <summary>
/// One step of a churn sequence. Steps are independent of the state they meet (a step that does not apply,
/// such as removing a kstat that is absent, does nothing), so any prefix or subsequence replays deterministically.
/// </summary>
/// <param name="Kind">What the step does.</param>
/// <param name="Slot">Which kstat of the key universe it concerns.</param>
/// <param name="Arg">A small argument: statistic index, errno choice, access variant.</param>
/// <param name="Value">A 64-bit value for the statistics.</param>
public readonly record struct ChurnOp(ChurnOpKind Kind, int Slot, int Arg, ulong Value)
{
    /// <summary>The key universe: a few modules (two differing only in case), negative and positive instances.</summary>
    public static IReadOnlyList<(string Module, int Instance, string Name)> Keys { get; } =
        (from module in new[] { "cpu", "Cpu", "zfs", "e1000g" }
         from instance in new[] { -1, 0, 1 }
         from name in new[] { "stat", "misc" }
         select (module, instance, name == "stat" ? module + "stat" + instance.ToString(CultureInfo.InvariantCulture) : name)).ToArray();

    /// <summary>The header of a slot's kstat (class, type, crtime and kid aside): its key and its place in kstat(1) order.</summary>
    public static KstatHeader HeaderOf(int slot) => new(Keys[slot].Module, Keys[slot].Instance, Keys[slot].Name, "", KstatType.Named, 0, 0);

    private static readonly (ChurnOpKind Kind, int Weight)[] Weights =
    [
        (ChurnOpKind.Read, 30), (ChurnOpKind.Update, 14), (ChurnOpKind.Set, 14), (ChurnOpKind.Add, 12),
        (ChurnOpKind.Remove, 7), (ChurnOpKind.Recreate, 6), (ChurnOpKind.Grow, 5), (ChurnOpKind.FailRead, 9),
        (ChurnOpKind.FailUpdate, 3), (ChurnOpKind.FailChainAlloc, 3),
    ];

    /// <summary>Generates a sequence from a seed.</summary>
    public static ChurnOp[] Generate(int seed, int count)
    {
        var random = new Random(seed);
        int total = Weights.Sum(w => w.Weight);
        var ops = new ChurnOp[count];
        for (int i = 0; i < count; i++)
        {
            int pick = random.Next(total);
            var kind = Weights[^1].Kind;
            foreach (var (k, w) in Weights)
            {
                if (pick < w)
                {
                    kind = k;
                    break;
                }

                pick -= w;
            }

            ops[i] = new ChurnOp(kind, random.Next(Keys.Count), random.Next(1 << 16), (ulong)random.NextInt64() ^ ((ulong)random.Next() << 63));
        }

        return ops;
    }

    public override string ToString()
    {
        var (module, instance, name) = Keys[Slot];
        return string.Create(CultureInfo.InvariantCulture, $"{Kind}({module}:{instance}:{name}, arg={Arg}, value=0x{Value:x})");
    }
}
