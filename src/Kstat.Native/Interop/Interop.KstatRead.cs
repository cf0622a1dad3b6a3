using Kstat.Native;
using System.Runtime.InteropServices;

/// <content>Reading one kstat.</content>
internal static partial class Interop
{
    internal static partial class Kstat
    {
        /// <summary><c>kid_t kstat_read(kstat_ctl_t *kc, kstat_t *ksp, void *buf)</c>: the KCID, or -1 and errno.</summary>
        [LibraryImport(Libraries.Kstat, SetLastError = true)]
        internal static unsafe partial int kstat_read(SafeKstatControlHandle kc, kstat_t* ksp, void* buf);
    }
}
