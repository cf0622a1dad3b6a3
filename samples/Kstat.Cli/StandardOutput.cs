using Microsoft.Win32.SafeHandles;

namespace Kstat.Cli;

/// <summary>Opens stdout so that a reader that went away (<c>kstat -p 1 | head</c>) is noticed.</summary>
internal static class StandardOutput
{
    /// <summary>Opens stdout: file descriptor 1 as a plain stream when it is a pipe or a terminal, else the console stream.</summary>
    /// <remarks>
    /// The console stream silently drops writes that fail with <c>EPIPE</c>, so an endless interval run would go on
    /// after <c>head</c> exits. A <see cref="FileStream"/> over the descriptor reports the broken pipe as an
    /// <see cref="IOException"/>, on which the command ends quietly. Seekable outputs (a redirect to a file) keep the
    /// console stream: it writes at the descriptor's shared offset, as a shell's <c>(…; kstat; …) &gt; file</c> needs,
    /// and a file never breaks like a pipe.
    /// </remarks>
    public static Stream Open()
    {
        if (!OperatingSystem.IsWindows())
        {
            var stream = new FileStream(new SafeFileHandle(1, ownsHandle: false), FileAccess.Write, bufferSize: 0);
            if (!stream.CanSeek)
            {
                return stream;
            }

            stream.Dispose(); // does not close descriptor 1
        }

        return Console.OpenStandardOutput();
    }
}
