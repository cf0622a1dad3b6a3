using System.Runtime.InteropServices;

namespace Kstat.Native;

/// <summary>Owns a libkstat handle (<c>kstat_ctl_t*</c>); releasing it calls <c>kstat_close</c>, which frees the chain.</summary>
internal sealed class SafeKstatControlHandle : SafeHandle
{
    /// <summary>Initializes an invalid handle; the marshaller fills it from <c>kstat_open</c>.</summary>
    public SafeKstatControlHandle()
        : base(IntPtr.Zero, ownsHandle: true)
    {
    }

    /// <inheritdoc/>
    public override bool IsInvalid => handle == IntPtr.Zero;

    /// <summary>Gets the <c>kstat_ctl_t*</c>; only valid while the caller holds the chain's lock and the handle is open.</summary>
    internal unsafe Interop.Kstat.kstat_ctl_t* Control => (Interop.Kstat.kstat_ctl_t*)handle;

    /// <inheritdoc/>
    protected override bool ReleaseHandle() => Interop.Kstat.kstat_close(handle) == 0;
}
