/// <content>The native libraries the binding loads.</content>
internal static partial class Interop
{
    internal static class Libraries
    {
        /// <summary>libkstat; <c>KstatLibrary</c> resolves it (the <c>KSTAT_LIBRARY</c> variable overrides it).</summary>
        internal const string Kstat = "libkstat.so.1";
    }
}
