using System.Reflection;
using System.Runtime.InteropServices;

namespace Kstat.Reliability.Tests.Support;

/// <summary>
/// The control API of the C test double of libkstat (tests/native), which this project's build compiles and copies
/// next to the assembly. Touching the class points <c>KSTAT_LIBRARY</c> at that file, so <c>LibKstatChain</c> binds
/// the double; every function is process-wide state.
/// </summary>
internal static partial class LibKstatDouble
{
    internal const string Library = "libkstat.so.1";

    static LibKstatDouble()
    {
        Path = System.IO.Path.Combine(AppContext.BaseDirectory, Library);
        IsBuilt = File.Exists(Path);
        if (IsBuilt)
        {
            Environment.SetEnvironmentVariable("KSTAT_LIBRARY", Path);
            NativeLibrary.SetDllImportResolver(typeof(LibKstatDouble).Assembly, Resolve);
        }
    }

    internal static string Path { get; }

    /// <summary>Gets a value indicating whether the build produced the double (it needs a C compiler on Linux).</summary>
    internal static bool IsBuilt { get; }

    [LibraryImport(Library)] internal static partial void kd_reset();
    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int kd_add(string module, int instance, string name, string @class, int type, long crtime);
    [LibraryImport(Library)] internal static partial int kd_remove(int kid);
    [LibraryImport(Library)] internal static partial int kd_recreate(int kid, long crtime);
    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int kd_named_add(int kid, string name, int dataType);
    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int kd_named_set(int kid, string name, ulong bits);
    [LibraryImport(Library)] internal static partial int kd_stamp(int kid, ulong generation);
    [LibraryImport(Library)] internal static partial void kd_fail_read(int kid, int errno, int count);
    [LibraryImport(Library)] internal static partial void kd_fail_update(int errno, int count);
    [LibraryImport(Library)] internal static partial void kd_fail_chain_alloc(int after, int errno);
    [LibraryImport(Library)] internal static partial nint kd_poisoned_uses();
    [LibraryImport(Library)] internal static partial nint kd_open_handles();
    [LibraryImport(Library)] internal static partial nint kd_live_allocations();
    [LibraryImport(Library)] internal static partial nint kd_reads();

    private static IntPtr Resolve(string libraryName, Assembly assembly, DllImportSearchPath? searchPath) =>
        libraryName == Library ? NativeLibrary.Load(Path) : IntPtr.Zero;
}
