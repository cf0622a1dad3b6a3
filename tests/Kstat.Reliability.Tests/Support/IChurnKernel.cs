using Kstat.Tree;

namespace Kstat.Reliability.Tests.Support;

/// <summary>
/// A scriptable "kernel" behind a chain: the C test double through its control API, or an in-memory twin
/// with the same semantics (kid order, chain ids, one pending read fault, one pending update fault and one
/// pending allocation fault of the chain update, each passed on as libkstat passes it on).
/// </summary>
public interface IChurnKernel : IDisposable
{
    string Name { get; }

    /// <summary>Forgets every kstat and fault; chains opened before must be disposed.</summary>
    void Reset();

    /// <summary>Opens a chain over the kernel (<c>kstat_open</c>).</summary>
    IKstatChain Open();

    long Add(string moduleName, int instance, string name, long crTime);

    void Remove(long kid);

    long Recreate(long kid, long crTime);

    void AddStat(long kid, string name, StatKind kind);

    void SetStat(long kid, string name, ulong bits);

    /// <summary>Writes one generation number into every integer statistic of the kstat.</summary>
    void Stamp(long kid, ulong generation);

    /// <summary>
    /// The kernel answers the next <paramref name="count"/> reads of <paramref name="kid"/> with <paramref name="errno"/>:
    /// <c>EAGAIN</c> is retried inside the read, as libkstat does (all of them, in the next read), any other errno fails
    /// one read.
    /// </summary>
    void FailRead(long kid, int errno, int count);

    /// <summary>
    /// The next <paramref name="count"/> chain updates that find the chain changed fail with <paramref name="errno"/>
    /// before changing anything (<c>EAGAIN</c> retried inside, as for reads); an unchanged chain consumes nothing.
    /// </summary>
    void FailUpdate(int errno, int count);

    /// <summary>
    /// libkstat's partial failure: after <paramref name="after"/> more new kstats are allocated by chain updates, the
    /// next allocation fails with <paramref name="errno"/>, once. That update has already dropped the deleted kstats,
    /// keeps the new ones allocated so far, and does not move its chain id.
    /// </summary>
    void FailChainAlloc(int after, int errno);

    /// <summary>Calls that handed the kernel a kstat it had freed (the double counts them; the twin has no pointers).</summary>
    long PoisonedUses { get; }

    /// <summary>Open chain handles (the double counts <c>kstat_open</c> minus <c>kstat_close</c>).</summary>
    long OpenHandles { get; }

    /// <summary>Memory the kernel handed to chains and not yet freed (allocations).</summary>
    long LiveAllocations { get; }
}
