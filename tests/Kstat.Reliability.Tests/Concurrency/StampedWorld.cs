using System.Globalization;
using Kstat.Reliability.Tests.Support;

namespace Kstat.Reliability.Tests.Concurrency;

/// <summary>
/// A set of named kstats whose integer statistics all carry one generation number; <see cref="Churn"/> restamps,
/// re-creates, removes and adds kstats, always with a generation higher than any before. The world knows which kids
/// are alive and, when asked to (<c>rememberGenerations</c>: a map that grows with every stamp, so not for long runs),
/// which kstat (by crtime) each generation was stamped into, so readers can check that what they saw belongs together
/// and that a <c>KstatNotFoundException</c> was about a kstat really gone.
/// </summary>
public sealed class StampedWorld
{
    private readonly IChurnKernel _kernel;
    private readonly int _statsPerKstat;
    private readonly List<(string Module, int Instance, string Name, long Kid, long CrTime)> _kstats = [];
    private readonly Queue<(string Module, int Instance, string Name)> _removed = new();
    private readonly System.Collections.Concurrent.ConcurrentDictionary<long, long>? _crtimeOfGeneration;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<long, bool> _alive = new();
    private long _generation;
    private long _clock = 1_000;

    public StampedWorld(IChurnKernel kernel, int kstats, int statsPerKstat, bool rememberGenerations = false)
    {
        _crtimeOfGeneration = rememberGenerations ? new() : null;
        _kernel = kernel;
        _statsPerKstat = statsPerKstat;
        for (int i = 0; i < kstats; i++)
        {
            Add($"mod{i % 4}", i / 4, "k" + i.ToString(CultureInfo.InvariantCulture));
        }
    }

    /// <summary>Gets the crtime of the kstat a generation was stamped into (a world made with <c>rememberGenerations</c>).</summary>
    public long CrTimeOf(long generation) =>
        (_crtimeOfGeneration ?? throw new InvalidOperationException("This world does not remember generations.")).TryGetValue(generation, out long crtime) ? crtime : -1;

    /// <summary>Tells whether a kid is alive in the kernel; a kid is marked dead before the kernel removes it, so a kid
    /// seen alive here was alive in the kernel a moment before too (kids never come back).</summary>
    public bool IsAlive(long kid) => _alive.ContainsKey(kid);

    /// <summary>One round: restamp a few kstats; now and then re-create, remove or bring back one.</summary>
    public void Churn(Random random)
    {
        for (int i = 0; i < 4; i++)
        {
            var k = _kstats[random.Next(_kstats.Count)];
            Stamp(k.Kid, k.CrTime);
        }

        switch (random.Next(8))
        {
            case 0:
                int at = random.Next(_kstats.Count);
                var r = _kstats[at];
                _alive.TryRemove(r.Kid, out _);
                long crtime = _clock += 1000;
                long kid = _kernel.Recreate(r.Kid, crtime);
                Stamp(kid, crtime); // the copied values of the old kstat are never seen: the chain has not walked it yet
                _alive[kid] = true;
                _kstats[at] = r with { Kid = kid, CrTime = crtime };
                break;
            case 1 when _kstats.Count > 4:
                int gone = random.Next(_kstats.Count);
                _alive.TryRemove(_kstats[gone].Kid, out _);
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
        long crtime = _clock += 1000;
        long kid = _kernel.Add(module, instance, name, crtime);
        for (int s = 0; s < _statsPerKstat; s++)
        {
            _kernel.AddStat(kid, "s" + s.ToString(CultureInfo.InvariantCulture), (StatKind)(1 + (s % 4)));
        }

        Stamp(kid, crtime);
        _alive[kid] = true;
        _kstats.Add((module, instance, name, kid, crtime));
    }

    private void Stamp(long kid, long crtime)
    {
        long generation = ++_generation;
        if (_crtimeOfGeneration is not null)
        {
            _crtimeOfGeneration[generation] = crtime; // before the kernel has it: a reader may see it at once
        }

        _kernel.Stamp(kid, (ulong)generation);
    }
}
