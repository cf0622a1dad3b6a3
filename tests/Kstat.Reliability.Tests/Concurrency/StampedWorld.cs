using System.Globalization;
using Kstat.Reliability.Tests.Support;

namespace Kstat.Reliability.Tests.Concurrency;

/// <summary>
/// A set of named kstats whose integer statistics all carry one generation number; <see cref="Churn"/> restamps,
/// re-creates, removes and adds kstats, always with a generation higher than any before.
/// </summary>
public sealed class StampedWorld
{
    private readonly IChurnKernel _kernel;
    private readonly int _statsPerKstat;
    private readonly List<(string Module, int Instance, string Name, long Kid)> _kstats = [];
    private readonly Queue<(string Module, int Instance, string Name)> _removed = new();
    private long _generation;
    private long _clock = 1_000;

    public StampedWorld(IChurnKernel kernel, int kstats, int statsPerKstat)
    {
        _kernel = kernel;
        _statsPerKstat = statsPerKstat;
        for (int i = 0; i < kstats; i++)
        {
            Add($"mod{i % 4}", i / 4, "k" + i.ToString(CultureInfo.InvariantCulture));
        }
    }

    /// <summary>One round: restamp a few kstats; now and then re-create, remove or bring back one.</summary>
    public void Churn(Random random)
    {
        for (int i = 0; i < 4; i++)
        {
            var k = _kstats[random.Next(_kstats.Count)];
            _kernel.Stamp(k.Kid, (ulong)++_generation);
        }

        switch (random.Next(8))
        {
            case 0:
                int at = random.Next(_kstats.Count);
                var r = _kstats[at];
                _kstats[at] = r with { Kid = _kernel.Recreate(r.Kid, _clock += 1000) };
                break;
            case 1 when _kstats.Count > 4:
                int gone = random.Next(_kstats.Count);
                _kernel.Remove(_kstats[gone].Kid);
                _removed.Enqueue((_kstats[gone].Module, _kstats[gone].Instance, _kstats[gone].Name));
                _kstats.RemoveAt(gone);
                break;
            case 2 when _removed.Count > 0:
                var back = _removed.Dequeue();
                Add(back.Module, back.Instance, back.Name);
                break;
        }
    }

    private void Add(string module, int instance, string name)
    {
        long kid = _kernel.Add(module, instance, name, _clock += 1000);
        for (int s = 0; s < _statsPerKstat; s++)
        {
            _kernel.AddStat(kid, "s" + s.ToString(CultureInfo.InvariantCulture), (StatKind)(1 + (s % 4)));
        }

        _kernel.Stamp(kid, (ulong)++_generation);
        _kstats.Add((module, instance, name, kid));
    }
}
