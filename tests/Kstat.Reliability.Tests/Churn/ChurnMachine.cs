using Kstat.Reliability.Tests.Support;
using Kstat.Tree;

namespace Kstat.Reliability.Tests.Churn;

/// <summary>
/// Applies churn steps to a kernel and a tree over it, and to a plain model of what the tree must show;
/// after every step <see cref="Verify"/> compares the two. A mismatch throws <see cref="ChurnMismatchException"/>.
/// </summary>
public sealed partial class ChurnMachine : IDisposable
{
    private const int MaxStats = 12;
    private const int MaxDetached = 16;

    private readonly IChurnKernel _kernel;
    private readonly KstatTree _tree;
    private readonly Dictionary<int, ModelKstat> _kernelModel = [];
    private readonly Dictionary<int, ModelLeaf> _treeModel = [];
    private readonly List<ModelLeaf> _detached = [];
    private (long Kid, int Errno, int Count) _readFault;
    private (int Errno, int Count) _updateFault;
    private long _clock = 5_000;

    public ChurnMachine(IChurnKernel kernel)
    {
        _kernel = kernel;
        kernel.Reset();
        _tree = new KstatTree(kernel.Open());
    }

    /// <summary>Counts of what the steps did, for the report.</summary>
    public Dictionary<string, long> Counters { get; } = [];

    public void Dispose() => _tree.Dispose();

    public void Step(ChurnOp op)
    {
        _kernelModel.TryGetValue(op.Slot, out var kstat);
        switch (op.Kind)
        {
            case ChurnOpKind.Add when kstat is null:
                Add(op);
                break;
            case ChurnOpKind.Remove when kstat is not null:
                _kernel.Remove(kstat.Kid);
                _kernelModel.Remove(op.Slot);
                break;
            case ChurnOpKind.Recreate when kstat is not null:
                kstat.CrTime = _clock += 1000;
                kstat.Kid = _kernel.Recreate(kstat.Kid, kstat.CrTime);
                break;
            case ChurnOpKind.Set when kstat is not null && kstat.Stats.Count > 0:
                SetStat(kstat, op.Arg % kstat.Stats.Count, op.Value);
                break;
            case ChurnOpKind.Grow when kstat is not null && kstat.Stats.Count < MaxStats:
                AddStat(kstat, (StatKind)(1 + (op.Arg % 4)), op.Value);
                break;
            case ChurnOpKind.FailRead:
                FailRead(op, kstat);
                break;
            case ChurnOpKind.FailUpdate:
                _updateFault = ((op.Arg & 1) == 0 ? Errno.EIO : Errno.EAGAIN, 1 + ((op.Arg >> 1) % 3));
                _kernel.FailUpdate(_updateFault.Errno, _updateFault.Count);
                break;
            case ChurnOpKind.Read:
                Read(op);
                break;
            case ChurnOpKind.Update:
                Update();
                break;
            default:
                Count("skipped");
                return;
        }

        Count(op.Kind.ToString());
    }

    private void Count(string what) => Counters[what] = Counters.GetValueOrDefault(what) + 1;

    private void Add(ChurnOp op)
    {
        var (module, instance, name) = ChurnOp.Keys[op.Slot];
        var kstat = new ModelKstat(0, _clock += 1000);
        kstat.Kid = _kernel.Add(module, instance, name, kstat.CrTime);
        _kernelModel.Add(op.Slot, kstat);
        int stats = 1 + (op.Arg % 4);
        for (int i = 0; i < stats; i++)
        {
            AddStat(kstat, (StatKind)(1 + ((op.Arg >> 2) + i) % 4), op.Value * (ulong)(i + 1));
        }
    }

    private void AddStat(ModelKstat kstat, StatKind kind, ulong bits)
    {
        string name = "s" + kstat.Stats.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
        _kernel.AddStat(kstat.Kid, name, kind);
        kstat.Stats.Add((name, kind, 0));
        SetStat(kstat, kstat.Stats.Count - 1, bits);
    }

    private void SetStat(ModelKstat kstat, int index, ulong bits)
    {
        var (name, kind, _) = kstat.Stats[index];
        _kernel.SetStat(kstat.Kid, name, bits);
        kstat.Stats[index] = (name, kind, kind is StatKind.Int32 or StatKind.UInt32 ? (uint)bits : bits);
    }

    private void FailRead(ChurnOp op, ModelKstat? kstat)
    {
        // Aim at the kstat in the kernel, or at the stale kid the tree still holds for the key.
        long? kid = kstat?.Kid ?? (_treeModel.TryGetValue(op.Slot, out var leaf) ? leaf.Kid : null);
        if (kid is null)
        {
            return;
        }

        int errno = (op.Arg & 1) == 0 ? Errno.ENXIO : Errno.EAGAIN;
        int count = 1 + ((op.Arg >> 1) % 3);
        _kernel.FailRead(kid.Value, errno, count);
        _readFault = (kid.Value, errno, count);
    }

    /// <summary>
    /// Consumes the pending read fault as a read of <paramref name="kid"/> does: the chain retries <c>EAGAIN</c>
    /// <see cref="IChurnKernel.EagainRetries"/> times. Returns the errno the read fails with, or 0.
    /// </summary>
    private int TakeReadFault(long kid)
    {
        for (int attempt = 0; _readFault.Count > 0 && _readFault.Kid == kid; attempt++)
        {
            _readFault.Count--;
            if (_readFault.Errno != Errno.EAGAIN || attempt >= _kernel.EagainRetries)
            {
                return _readFault.Errno;
            }
        }

        return 0;
    }

    /// <summary>Consumes the pending update fault as a chain update does (with its <c>EAGAIN</c> retries); returns the errno or 0.</summary>
    private int TakeUpdateFault()
    {
        for (int attempt = 0; _updateFault.Count > 0; attempt++)
        {
            _updateFault.Count--;
            if (_updateFault.Errno != Errno.EAGAIN || attempt >= _kernel.EagainRetries)
            {
                return _updateFault.Errno;
            }
        }

        return 0;
    }

    private ModelKstat? KernelKstat(long kid) => _kernelModel.Values.FirstOrDefault(k => k.Kid == kid);
}
