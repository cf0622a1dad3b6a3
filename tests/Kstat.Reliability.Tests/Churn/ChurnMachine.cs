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
    private (int Countdown, int Errno) _allocFault = (-1, 0);
    private bool _chainStale; // the kernel's chain id moved since the chain's last successful update
    private long _chainLastKid = 1; // the highest kid the chain holds a kstat_t for (the double's built-ins are 0 and 1)
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
                _chainStale = true;
                break;
            case ChurnOpKind.Recreate when kstat is not null:
                kstat.CrTime = _clock += 1000;
                kstat.Kid = _kernel.Recreate(kstat.Kid, kstat.CrTime);
                _chainStale = true;
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
            case ChurnOpKind.FailChainAlloc:
                _allocFault = ((op.Arg >> 1) % 3, (op.Arg & 1) == 0 ? Errno.ENOMEM : Errno.EAGAIN);
                _kernel.FailChainAlloc(_allocFault.Countdown, _allocFault.Errno);
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
        _chainStale = true;
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
    /// Consumes the pending read fault as a read of <paramref name="kid"/> does: the kernel's <c>EAGAIN</c> is retried
    /// inside the read until the fault is spent, any other errno fails the read. Returns that errno, or 0.
    /// </summary>
    private int TakeReadFault(long kid)
    {
        if (_readFault.Count == 0 || _readFault.Kid != kid)
        {
            return 0;
        }

        if (_readFault.Errno == Errno.EAGAIN)
        {
            _readFault.Count = 0;
            return 0;
        }

        _readFault.Count--;
        return _readFault.Errno;
    }

    /// <summary>
    /// Plays a chain update on the model of the chain: an unchanged chain does nothing; a changed one first consumes the
    /// pending update fault (as a read of the headers: <c>EAGAIN</c> retried, another errno fails), then allocates
    /// the new kstats in kid order, where the pending allocation fault may fail it half way. Returns the errno the update
    /// fails with, or 0; <paramref name="partial"/> tells a failure that had already freed the deleted kstats.
    /// </summary>
    private int TakeChainUpdate(out bool partial)
    {
        partial = false;
        if (!_chainStale)
        {
            return 0;
        }

        int errno = TakeReadFaultOf(ref _updateFault);
        if (errno != 0)
        {
            return errno;
        }

        foreach (long kid in _kernelModel.Values.Select(k => k.Kid).Where(k => k > _chainLastKid).Order())
        {
            if (_allocFault.Countdown == 0)
            {
                _allocFault.Countdown = -1;
                partial = true;
                return _allocFault.Errno;
            }

            if (_allocFault.Countdown > 0)
            {
                _allocFault.Countdown--;
            }

            _chainLastKid = kid;
        }

        _chainStale = false;
        return 0;
    }

    private static int TakeReadFaultOf(ref (int Errno, int Count) fault)
    {
        while (fault.Count > 0)
        {
            fault.Count--;
            if (fault.Errno != Errno.EAGAIN)
            {
                return fault.Errno;
            }
        }

        return 0;
    }

    private ModelKstat? KernelKstat(long kid) => _kernelModel.Values.FirstOrDefault(k => k.Kid == kid);
}
