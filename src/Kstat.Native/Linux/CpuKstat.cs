using Kstat.Tree;

namespace Kstat.Native;

/// <summary>What the per-CPU tick kstats share: the CPU's <c>/proc/stat</c> line and its <c>/proc/interrupts</c> column.</summary>
internal abstract class CpuKstat(string module, int cpu, string name, KstatType type)
    : ProcfsKstat(module, cpu, name, "misc", type)
{
    public int Cpu { get; } = cpu;

    /// <summary>Reads the CPU's ticks (required) and interrupt counts (only when <c>/proc/interrupts</c> is readable).</summary>
    protected (CpuTicks Ticks, (ulong Total, ulong? CrossCalls)? Interrupts, long SnapTime) ReadCpu(ProcfsContext context)
    {
        var (ticks, snap) = ReadPart(context, ProcStat.FileName, (path, text) => ProcStat.ReadCpu(path, text, Cpu), $"line for CPU {Cpu} (it is off-line)");
        string interruptsPath = context.Files.Proc(ProcInterrupts.FileName);
        string? interrupts = context.Files.ReadOptional(interruptsPath);
        var counts = interrupts is null ? null : ProcInterrupts.ReadCpu(interruptsPath, interrupts, Cpu);
        return (ticks, counts, snap);
    }
}
