using System.Runtime.InteropServices;

namespace Kstat.Cli;

/// <summary>The signals kstat(1) reacts to: SIGPIPE ends it, SIGCONT resets its schedule.</summary>
internal static class Signals
{
    /// <summary>Ends the process by SIGPIPE, as the kernel ends kstat(1) when its reader has gone (the shell reports 141).</summary>
    /// <remarks>The .NET runtime ignores SIGPIPE, so a write to a broken pipe fails with <c>EPIPE</c> instead: the default action is restored and the signal raised.</remarks>
    public static void DieOfBrokenPipe()
    {
        Interop.Libc.signal(Interop.Libc.SIGPIPE, Interop.Libc.SIG_DFL);
        Interop.Libc.raise(Interop.Libc.SIGPIPE);
        Environment.Exit(128 + Interop.Libc.SIGPIPE); // only if the signal could not be delivered
    }

    /// <summary>Calls <paramref name="continued"/> on every SIGCONT until the registration is disposed; <c>null</c> where there are no POSIX signals.</summary>
    public static IDisposable? WatchContinue(Action continued)
    {
        if (OperatingSystem.IsWindows())
        {
            return null;
        }

        return PosixSignalRegistration.Create(PosixSignal.SIGCONT, _ => continued());
    }
}
