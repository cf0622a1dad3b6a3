namespace Kstat.Cli;

/// <summary>Sleeps for any pause kstat(1) can ask for: intervals go up to 2^31 - 1 seconds, 68 years.</summary>
internal static class Sleeper
{
    /// <summary>The longest single sleep .NET takes (<see cref="Thread.Sleep(TimeSpan)"/>: <see cref="int.MaxValue"/> ms, 24.8 days).</summary>
    internal static readonly TimeSpan LongestStep = TimeSpan.FromMilliseconds(int.MaxValue);

    /// <summary>Sleeps for <paramref name="pause"/>.</summary>
    public static void Sleep(TimeSpan pause) => Sleep(pause, Thread.Sleep);

    /// <summary>Sleeps for <paramref name="pause"/> in steps that <paramref name="sleep"/> accepts.</summary>
    internal static void Sleep(TimeSpan pause, Action<TimeSpan> sleep)
    {
        while (pause > TimeSpan.Zero)
        {
            var step = pause < LongestStep ? pause : LongestStep;
            sleep(step);
            pause -= step;
        }
    }
}
