using Kstat.Tree;

namespace Kstat.Native;

/// <summary>
/// <c>cpu_stat:N:cpu_statN</c>: the raw cpu_stat shape scripts read (<c>idle user kernel wait</c> ticks), from the
/// CPU's line of <c>/proc/stat</c>, plus <c>intr</c> and <c>xcalls</c> from <c>/proc/interrupts</c> when it is readable.
/// </summary>
/// <remarks>Values are <see cref="KstatValueKind.UInt32"/>, wrapped to 32 bits like the <c>uint_t</c> fields of cpu_sysinfo.</remarks>
internal sealed class CpuStatKstat(int cpu)
    : CpuKstat("cpu_stat", cpu, "cpu_stat" + cpu.ToString(System.Globalization.CultureInfo.InvariantCulture), KstatType.Raw)
{
    public override KstatReading Read(ProcfsContext context)
    {
        var (ticks, interrupts, snap) = ReadCpu(context);
        var values = new List<KeyValuePair<string, KstatValue>>
        {
            new("idle", (uint)ticks.Idle),
            new("user", (uint)ticks.IllumosUser),
            new("kernel", (uint)ticks.IllumosKernel),
            new("wait", (uint)ticks.IllumosWait),
        };
        if (interrupts is { } i)
        {
            values.Add(new("intr", (uint)i.Total));
            if (i.CrossCalls is { } calls)
            {
                values.Add(new("xcalls", (uint)calls));
            }
        }

        return new KstatReading(snap, values);
    }
}
