using Kstat.Tree;

namespace Kstat.Native;

/// <summary>
/// <c>cpu:N:sys</c>: <c>cpu_ticks_*</c> (USER_HZ ticks) and <c>cpu_nsec_*</c> (ticks × 10,000,000 ns) from the CPU's
/// <c>/proc/stat</c> line, with <c>intr</c> and <c>xcalls</c> from <c>/proc/interrupts</c> when readable; all UInt64.
/// </summary>
/// <remarks>
/// As on illumos, <c>cpu_nsec_intr</c> (irq + softirq) is part of <c>cpu_nsec_kernel</c>. <c>cpu_nsec_wait</c> has no
/// illumos twin (illumos stopped accounting wait time); it is given so the four states add up.
/// </remarks>
internal sealed class CpuSysKstat(int cpu) : CpuKstat("cpu", cpu, "sys", KstatType.Named)
{
    public override KstatReading Read(ProcfsContext context)
    {
        var (t, interrupts, snap) = ReadCpu(context);
        const ulong ns = ProcfsContext.NanosPerTick;
        var values = new List<KeyValuePair<string, KstatValue>>
        {
            new("cpu_ticks_idle", t.Idle),
            new("cpu_ticks_kernel", t.IllumosKernel),
            new("cpu_ticks_user", t.IllumosUser),
            new("cpu_ticks_wait", t.IllumosWait),
            new("cpu_nsec_idle", t.Idle * ns),
            new("cpu_nsec_intr", t.Interrupt * ns),
            new("cpu_nsec_kernel", t.IllumosKernel * ns),
            new("cpu_nsec_user", t.IllumosUser * ns),
            new("cpu_nsec_wait", t.IllumosWait * ns),
        };
        if (interrupts is { } i)
        {
            values.Add(new("intr", i.Total));
            if (i.CrossCalls is { } calls)
            {
                values.Add(new("xcalls", calls));
            }
        }

        return new KstatReading(snap, values);
    }
}
