using Kstat.Native;
using Kstat.Tree;

namespace Kstat.Reliability.Tests.Support;

/// <summary>The C test double of libkstat as a churn kernel: chains are real <see cref="LibKstatChain"/>s over it.</summary>
public sealed class DoubleKernel : IChurnKernel
{
    public DoubleKernel()
    {
        if (!LibKstatDouble.IsBuilt)
        {
            throw new InvalidOperationException($"The libkstat test double was not built: {LibKstatDouble.Path} is missing (the build compiles tests/native with gcc).");
        }
    }

    public string Name => "libkstat double";

    public long OpenHandles => LibKstatDouble.kd_open_handles();

    public long LiveAllocations => LibKstatDouble.kd_live_allocations();

    public long Reads => LibKstatDouble.kd_reads();

    public long PoisonedUses => LibKstatDouble.kd_poisoned_uses();

    public void Reset() => LibKstatDouble.kd_reset();

    public IKstatChain Open() => new LibKstatChain();

    public long Add(string moduleName, int instance, string name, long crTime) =>
        Check(LibKstatDouble.kd_add(moduleName, instance, name, "misc", (int)KstatType.Named, crTime), "kd_add");

    public void Remove(long kid) => Check(LibKstatDouble.kd_remove((int)kid), "kd_remove");

    public long Recreate(long kid, long crTime) => Check(LibKstatDouble.kd_recreate((int)kid, crTime), "kd_recreate");

    public void AddStat(long kid, string name, StatKind kind) => Check(LibKstatDouble.kd_named_add((int)kid, name, (int)kind), "kd_named_add");

    public void SetStat(long kid, string name, ulong bits) => Check(LibKstatDouble.kd_named_set((int)kid, name, bits), "kd_named_set");

    public void Stamp(long kid, ulong generation) => Check(LibKstatDouble.kd_stamp((int)kid, generation), "kd_stamp");

    public void FailRead(long kid, int errno, int count) => LibKstatDouble.kd_fail_read((int)kid, errno, count);

    public void FailUpdate(int errno, int count) => LibKstatDouble.kd_fail_update(errno, count);

    public void FailChainAlloc(int after, int errno) => LibKstatDouble.kd_fail_chain_alloc(after, errno);

    public void Dispose() => LibKstatDouble.kd_reset();

    private static int Check(int result, string call) =>
        result >= 0 ? result : throw new InvalidOperationException($"{call} failed in the libkstat test double");
}
