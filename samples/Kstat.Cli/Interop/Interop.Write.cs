using System.Runtime.InteropServices;

/// <content>Writing to a file descriptor, and telling whether one is open.</content>
internal static partial class Interop
{
    internal static partial class Libc
    {
        /// <summary><c>ssize_t write(int fd, const void *buf, size_t nbyte)</c>: -1 and errno on failure.</summary>
        [LibraryImport(Libraries.Libc, SetLastError = true)]
        internal static unsafe partial nint write(int fd, byte* buf, nuint nbyte);

        /// <summary><c>int dup(int fd)</c>: -1 and <c>EBADF</c> when <paramref name="fd"/> is not open.</summary>
        [LibraryImport(Libraries.Libc, SetLastError = true)]
        internal static partial int dup(int fd);

        /// <summary><c>int close(int fd)</c>.</summary>
        [LibraryImport(Libraries.Libc, SetLastError = true)]
        internal static partial int close(int fd);
    }
}
