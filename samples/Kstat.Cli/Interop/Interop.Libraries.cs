/// <content>The native library the command calls: the C library, for what kstat(1) does through it.</content>
internal static partial class Interop
{
    internal static class Libraries
    {
        /// <summary>The C library (libc.so.6 on Linux, libc.so.1 on illumos), as the .NET runtime itself names it.</summary>
        internal const string Libc = "libc";
    }
}
