using Kstat.Tree;

namespace Kstat.Reliability.Tests.Support;

/// <summary>
/// A scriptable "kernel" behind a chain: the C test double through its control API, or an in-memory twin
/// with the same semantics (kid order, chain ids, one pending read fault and one pending update fault).
/// </summary>
public interface IChurnKernel : IDisposable
{
    string Name { get; }

    /// <summary>Gets how often the chain retries a call that failed with <c>EAGAIN</c> before it throws.</summary>
    int EagainRetries { get; }

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

    /// <summary>The next <paramref name="count"/> reads of <paramref name="kid"/> fail with <paramref name="errno"/>.</summary>
    void FailRead(long kid, int errno, int count);

    /// <summary>The next <paramref name="count"/> chain updates fail with <paramref name="errno"/>.</summary>
    void FailUpdate(int errno, int count);

    /// <summary>Open chain handles (the double counts <c>kstat_open</c> minus <c>kstat_close</c>).</summary>
    long OpenHandles { get; }

    /// <summary>Memory the kernel handed to chains and not yet freed (allocations).</summary>
    long LiveAllocations { get; }
}
