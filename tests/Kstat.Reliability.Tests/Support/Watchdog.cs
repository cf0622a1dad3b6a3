namespace Kstat.Reliability.Tests.Support;

/// <summary>Runs work on its own background thread and gives up waiting after a limit, so a hang fails a test instead of holding it.</summary>
public static class Watchdog
{
    /// <returns><see langword="true"/> when the work finished in time; an exception it threw is rethrown.</returns>
    public static bool Run(Action work, TimeSpan limit)
    {
        Exception? failure = null;
        var thread = new Thread(() =>
        {
            try
            {
                work();
            }
            catch (Exception e)
            {
                failure = e;
            }
        })
        { IsBackground = true };
        thread.Start();
        if (!thread.Join(limit))
        {
            return false;
        }

        return failure is null ? true : throw new InvalidOperationException("the watched work failed", failure);
    }
}
