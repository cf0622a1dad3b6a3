using System.Runtime.InteropServices;

/// <content>Signal dispositions: what it takes to die of SIGPIPE in a runtime that ignores it.</content>
internal static partial class Interop
{
    internal static partial class Libc
    {
        /// <summary><c>void (*signal(int sig, void (*disp)(int)))(int)</c>.</summary>
        [LibraryImport(Libraries.Libc, SetLastError = true)]
        internal static partial nint signal(int sig, nint disp);

        /// <summary><c>int raise(int sig)</c>: sends the signal to the calling thread.</summary>
        [LibraryImport(Libraries.Libc, SetLastError = true)]
        internal static partial int raise(int sig);
    }
}
