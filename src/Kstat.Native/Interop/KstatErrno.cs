using System.Diagnostics.CodeAnalysis;
using System.Runtime.InteropServices;
using Kstat.Tree;

namespace Kstat.Native;

/// <summary>The one place that reads the errno of a failed libkstat call and turns it into an exception.</summary>
internal static class KstatErrno
{
    /// <summary>Gets the errno the last libkstat call on this thread set.</summary>
    internal static int Last() => Marshal.GetLastPInvokeError();

    /// <summary>
    /// Maps an errno to the library's exception: <c>ENXIO</c> → <see cref="KstatNotFoundException"/>,
    /// <c>EACCES</c>/<c>EPERM</c> → <see cref="UnauthorizedAccessException"/>, anything else → <see cref="KstatException"/>
    /// with <see cref="KstatException.Errno"/>.
    /// </summary>
    /// <param name="errno">The errno the call set.</param>
    /// <param name="call">The libkstat function that failed, for the message.</param>
    /// <param name="key">The kstat's <c>"module:instance:name"</c>, or null for a call on the whole chain.</param>
    internal static Exception ToException(int errno, string call, string? key)
    {
        string where = key is null ? call : $"{call} of '{key}'";
        string message = $"{where} failed: {Marshal.GetPInvokeErrorMessage(errno)} (errno {errno}).";
        return errno switch
        {
            Interop.Kstat.ENXIO => new KstatNotFoundException(message, key ?? string.Empty, errno),
            Interop.Kstat.EACCES or Interop.Kstat.EPERM => new UnauthorizedAccessException(message),
            _ => new KstatException(message, errno),
        };
    }

    [DoesNotReturn]
    internal static void Throw(int errno, string call, string? key) => throw ToException(errno, call, key);
}
