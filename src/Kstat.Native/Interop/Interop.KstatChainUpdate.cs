using Kstat.Native;
using System.Runtime.InteropServices;

/// <content>Bringing a handle's chain up to date.</content>
internal static partial class Interop
{
    internal static partial class Kstat
    {
        /// <summary><c>kid_t kstat_chain_update(kstat_ctl_t *kc)</c>: 0 when unchanged, the new KCID, or -1 and errno.</summary>
        [LibraryImport(Libraries.Kstat, SetLastError = true)]
        internal static partial int kstat_chain_update(SafeKstatControlHandle kc);
    }
}
