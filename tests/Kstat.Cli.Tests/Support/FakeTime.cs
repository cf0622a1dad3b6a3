namespace Kstat.Cli.Tests.Support;

/// <summary>A clock that moves only when told to; the injected sleep advances it.</summary>
public sealed class FakeTime : TimeProvider
{
    private DateTimeOffset _now;
    private long _ticks;

    public FakeTime(DateTimeOffset start)
    {
        _now = start;
    }

    public List<TimeSpan> Sleeps { get; } = [];

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override DateTimeOffset GetUtcNow() => _now;

    public override long GetTimestamp() => _ticks;

    public void Advance(TimeSpan by)
    {
        _now += by;
        _ticks += by.Ticks;
    }

    /// <summary>Gets or sets what happens while the next sleep runs (once), as another thread would act meanwhile.</summary>
    public Action? DuringNextSleep { get; set; }

    /// <summary>The sleep to inject: records the pause and lets that much time pass.</summary>
    public void Sleep(TimeSpan pause)
    {
        Sleeps.Add(pause);
        var during = DuringNextSleep;
        DuringNextSleep = null;
        during?.Invoke();
        Advance(pause);
    }
}
