using System.Runtime.InteropServices;
using Perfolizer.Horology;

namespace Kstat.Benchmarks.Support;

/// <summary>
/// A BenchmarkDotNet clock that reads the calling thread's CPU time (<c>CLOCK_THREAD_CPUTIME_ID</c>), user and
/// system, in nanoseconds: the time the work itself took, whatever else the machine runs.
/// </summary>
/// <remarks>
/// On a machine shared with parallel builds, wall-clock times swing with the load while CPU time does not. The
/// baselines use the same clock (the C programs read the same POSIX clock; Perl reads its process CPU time), so
/// the ratios compare like with like. A blocking workstation GC runs on the allocating thread, so collections
/// are counted; only background JIT work on other threads is not, and the warm-up iterations absorb it.
/// </remarks>
internal sealed partial class ThreadCpuClock : IClock
{
    private const int ClockThreadCpuTimeId = 3; // CLOCK_THREAD_CPUTIME_ID on Linux

    public static readonly ThreadCpuClock Instance = new();

    public string Title => "Thread CPU time";

    public bool IsAvailable => OperatingSystem.IsLinux();

    public Frequency Frequency => Frequency.GHz;

    public long GetTimestamp()
    {
        if (clock_gettime(ClockThreadCpuTimeId, out var now) != 0)
        {
            throw new InvalidOperationException("clock_gettime(CLOCK_THREAD_CPUTIME_ID) failed.");
        }

        return (now.Seconds * 1_000_000_000L) + now.Nanoseconds;
    }

    [LibraryImport("libc", EntryPoint = "clock_gettime")]
    private static partial int clock_gettime(int clockId, out Timespec time);

    [StructLayout(LayoutKind.Sequential)]
    private struct Timespec
    {
        public long Seconds;
        public long Nanoseconds;
    }
}
