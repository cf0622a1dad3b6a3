using Kstat.Tree;

namespace Kstat.Native;

/// <summary>Reads what the per-CPU tick kstats share: the CPU's <c>/proc/stat</c> line and its <c>/proc/interrupts</c> column.</summary>
internal static class CpuSources
{
    public static (CpuTicks Ticks, (ulong Total, ulong? CrossCalls)? Interrupts, long SnapTime) Read(ProcfsContext context, int cpu, string key)
    {
        var files = context.Files;
        string statPath = files.Proc(ProcStat.FileName);
        string stat = files.ReadRequired(statPath, key);
        long snap = context.Now();
        var ticks = ProcStat.ReadCpu(statPath, stat, cpu)
            ?? throw new KstatNotFoundException(key, $"The kstat '{key}' no longer exists: CPU {cpu} has no line in {statPath} (off-line).");
        string interruptsPath = files.Proc(ProcInterrupts.FileName);
        string? interrupts = files.ReadOptional(interruptsPath);
        var counts = interrupts is null ? null : ProcInterrupts.ReadCpu(interruptsPath, interrupts, cpu);
        return (ticks, counts, snap);
    }
}
