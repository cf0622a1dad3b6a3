using System.Runtime.InteropServices;

/// <content>Reading one kstat.</content>
internal static partial class Interop
{
    internal static partial class Kstat
    {
        /// <summary><c>kid_t kstat_read(kstat_ctl_t *kc, kstat_t *ksp, void *buf)</c>: the KCID, or -1 and errno.</summary>
        /// <remarks>
        /// Takes the raw <c>kstat_ctl_t*</c>, not the SafeHandle: the chain holds one reference on its handle for a whole
        /// batch of reads (and its lock keeps <c>kstat_close</c> out), instead of the marshaller's reference per call.
        /// </remarks>
        [LibraryImport(Libraries.Kstat, SetLastError = true)]
        internal static unsafe partial int kstat_read(kstat_ctl_t* kc, kstat_t* ksp, void* buf);
    }
}
