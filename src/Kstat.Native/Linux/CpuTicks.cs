namespace Kstat.Native;

/// <summary>One CPU's line of <c>/proc/stat</c>, in USER_HZ ticks, and its illumos twins.</summary>
internal sealed record CpuTicks(ulong User, ulong Nice, ulong System, ulong Idle, ulong IoWait, ulong Irq, ulong SoftIrq)
{
    /// <summary>Gets illumos <c>user</c>: user + nice (guest time is already inside both).</summary>
    public ulong IllumosUser => User + Nice;

    /// <summary>Gets illumos <c>kernel</c>: system + irq + softirq (illumos counts interrupt time as kernel time).</summary>
    public ulong IllumosKernel => System + Irq + SoftIrq;

    /// <summary>Gets illumos <c>wait</c>: iowait.</summary>
    public ulong IllumosWait => IoWait;

    /// <summary>Gets the interrupt part of <see cref="IllumosKernel"/>: irq + softirq.</summary>
    public ulong Interrupt => Irq + SoftIrq;
}
