using System.Runtime.InteropServices;

namespace Kstat.Cli.Output;

/// <summary>
/// A write-only stream over a file descriptor (stdout, stderr) through <c>write(2)</c>, failing the way kstat(1)'s
/// stdio does: a reader that went away (<c>EPIPE</c>) kills the process with SIGPIPE, a descriptor that is not open
/// (<c>EBADF</c>: <c>kstat &gt;&amp;-</c>) swallows the output.
/// </summary>
/// <remarks>
/// <para>Other failures (<c>ENOSPC</c>, <c>EIO</c>) throw an <see cref="IOException"/> whose <see cref="Exception.HResult"/>
/// is the errno, unless the stream was made to ignore them (stderr: there is nowhere left to report them).</para>
/// <para>Writing with <c>write(2)</c> rather than a <see cref="FileStream"/> keeps the descriptor's shared offset, as
/// a shell's <c>(…; kstat; …) &gt; file</c> needs, and sees the errno itself.</para>
/// </remarks>
internal sealed class DescriptorStream(int descriptor, bool ignoreErrors) : Stream
{
    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    /// <summary>Tells whether a descriptor is open (<c>dup</c> fails with <c>EBADF</c> when it is not).</summary>
    public static bool IsOpen(int descriptor)
    {
        int copy = Interop.Libc.dup(descriptor);
        if (copy < 0)
        {
            return Marshal.GetLastPInvokeError() != Interop.Libc.EBADF;
        }

        Interop.Libc.close(copy);
        return true;
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override unsafe void Write(ReadOnlySpan<byte> buffer)
    {
        fixed (byte* start = buffer)
        {
            byte* p = start;
            nuint left = (nuint)buffer.Length;
            while (left > 0)
            {
                nint written = Interop.Libc.write(descriptor, p, left);
                if (written >= 0)
                {
                    p += written;
                    left -= (nuint)written;
                    continue;
                }

                int errno = Marshal.GetLastPInvokeError();
                switch (errno)
                {
                    case Interop.Libc.EINTR:
                        continue;
                    case Interop.Libc.EPIPE:
                        Signals.DieOfBrokenPipe();
                        return;
                    case Interop.Libc.EBADF:
                        return; // closed: the output goes nowhere, as with stdio
                    default:
                        if (ignoreErrors)
                        {
                            return;
                        }

                        throw new IOException(Marshal.GetPInvokeErrorMessage(errno), errno);
                }
            }
        }
    }

    public override void Flush()
    {
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();
}
