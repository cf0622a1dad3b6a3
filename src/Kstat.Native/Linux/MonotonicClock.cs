using System.Diagnostics;

namespace Kstat.Native;

/// <summary>A monotonic nanosecond clock like illumos <c>gethrtime()</c>; on Linux <see cref="Stopwatch"/> reads CLOCK_MONOTONIC.</summary>
internal static class MonotonicClock
{
    public static long Now()
    {
        long ticks = Stopwatch.GetTimestamp();
        return Stopwatch.Frequency == 1_000_000_000 ? ticks : (long)((Int128)ticks * 1_000_000_000 / Stopwatch.Frequency);
    }
}
