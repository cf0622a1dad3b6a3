namespace Kstat.Tree.Tests.Support;

/// <summary>
/// A point where a test parks one thread: the thread calls <see cref="Pass"/> and waits there until the test calls
/// <see cref="Open"/>; the test knows the thread got there through <see cref="WaitReached"/>. No sleeps: the schedule
/// is the test's. The timeout only keeps a broken test from hanging the suite.
/// </summary>
public sealed class Gate(string name) : IDisposable
{
    private static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(30);
    private readonly ManualResetEventSlim _reached = new();
    private readonly ManualResetEventSlim _opened = new();

    public bool IsReached => _reached.IsSet;

    /// <summary>Called by the parked thread: signals it is here and waits to be let through.</summary>
    public void Pass()
    {
        _reached.Set();
        if (!_opened.Wait(HangGuard))
        {
            throw new TimeoutException($"The gate '{name}' was never opened.");
        }
    }

    /// <summary>Called by the test: waits until a thread is parked at the gate.</summary>
    public void WaitReached()
    {
        if (!_reached.Wait(HangGuard))
        {
            throw new TimeoutException($"No thread reached the gate '{name}'.");
        }
    }

    /// <summary>Lets the parked thread (and any later one) through.</summary>
    public void Open() => _opened.Set();

    public void Dispose()
    {
        _opened.Set(); // never leave a thread parked behind a failed assertion
        _reached.Dispose();
        _opened.Dispose();
    }
}
