using Kstat.Native;
using System.Runtime.InteropServices;

/// <content>Opening and closing a libkstat handle.</content>
internal static partial class Interop
{
    internal static partial class Kstat
    {
        /// <summary><c>kstat_ctl_t *kstat_open(void)</c>: an invalid handle and errno on failure.</summary>
        [LibraryImport(Libraries.Kstat, SetLastError = true)]
        internal static partial SafeKstatControlHandle kstat_open();

        /// <summary><c>int kstat_close(kstat_ctl_t *kc)</c>: frees the chain and every <c>ks_data</c>.</summary>
        [LibraryImport(Libraries.Kstat, SetLastError = true)]
        internal static partial int kstat_close(IntPtr kc);
    }
}
