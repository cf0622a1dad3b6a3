namespace Kstat.Native;

/// <summary>What every kstat reader needs: the files, the clock for <c>snaptime</c>, and the page size.</summary>
internal sealed class ProcfsContext(ProcfsFileSystem files, Func<long> clock, int pageSize)
{
    /// <summary>USER_HZ: the unit of the tick counts in <c>/proc/stat</c> and <c>/proc/uptime</c>-derived ticks; 100 on every Linux architecture .NET runs on.</summary>
    public const long UserHz = 100;

    /// <summary>Nanoseconds per USER_HZ tick.</summary>
    public const long NanosPerTick = 1_000_000_000 / UserHz;

    public ProcfsFileSystem Files { get; } = files;

    public int PageSize { get; } = pageSize;

    /// <summary>Gets the monotonic time now, in nanoseconds (CLOCK_MONOTONIC, the Linux twin of <c>gethrtime()</c>).</summary>
    public long Now() => clock();
}
