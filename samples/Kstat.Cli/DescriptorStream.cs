using System.Runtime.InteropServices;

namespace Kstat.Cli;

/// <summary>A write-only stream straight onto a file descriptor with <c>write(2)</c>, as kstat(1) writes its stdout.</summary>
/// <remarks>
/// <para>It writes at the descriptor's own offset, which a file shares with the shell (<c>(…; kstat; …) &gt; file</c>,
/// <c>&gt;&gt; file</c>), and a failed write is an <see cref="IOException"/> with the system's message (<c>EPIPE</c>
/// when the reader of a pipe has gone, <c>EBADF</c> when stdout is closed). <see cref="FileStream"/> writes a file at
/// an offset of its own, and the console stream drops <c>EPIPE</c> and sets up the terminal on its first write,
/// which cost every run of the command ~4% of its time.</para>
/// <para>Unbuffered: the <see cref="StreamWriter"/> over it buffers.</para>
/// </remarks>
internal sealed partial class DescriptorStream(int descriptor) : Stream
{
    private const int EINTR = 4; // the same on Linux and illumos

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        while (!buffer.IsEmpty)
        {
            nint written = WriteSystem(descriptor, in MemoryMarshal.GetReference(buffer), (nuint)buffer.Length);
            if (written < 0)
            {
                int errno = Marshal.GetLastPInvokeError();
                if (errno == EINTR)
                {
                    continue;
                }

                throw new IOException(Marshal.GetPInvokeErrorMessage(errno), errno);
            }

            buffer = buffer[(int)written..];
        }
    }

    public override void Flush()
    {
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    [LibraryImport("libc", EntryPoint = "write", SetLastError = true)]
    private static partial nint WriteSystem(int fd, in byte buffer, nuint count);
}
