/// <content>The errno and signal numbers the command reacts to; the same on Linux, illumos and macOS.</content>
internal static partial class Interop
{
    internal static partial class Libc
    {
        internal const int EINTR = 4;
        internal const int EBADF = 9;
        internal const int EPIPE = 32;

        internal const int SIGPIPE = 13;

        /// <summary><c>SIG_DFL</c>: the default action of a signal.</summary>
        internal const nint SIG_DFL = 0;
    }
}
