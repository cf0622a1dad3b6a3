using System.Reflection;
using Kstat.Tree;
using System.Runtime.InteropServices;

namespace Kstat.Native.Tests.Support;

/// <summary>
/// The control API of the C test double of libkstat (tests/native), which the test build compiles and copies next
/// to this assembly. Loading this class points <c>KSTAT_LIBRARY</c> at that file, so LibKstatChain binds the double.
/// </summary>
internal static unsafe partial class KstatDouble
{
    internal const string Library = "libkstat.so.1";

    static KstatDouble()
    {
        Path = System.IO.Path.Combine(AppContext.BaseDirectory, Library);
        if (!File.Exists(Path))
        {
            throw new FileNotFoundException($"The libkstat test double was not built: {Path} is missing (the test build compiles tests/native with gcc).", Path);
        }

        Environment.SetEnvironmentVariable("KSTAT_LIBRARY", Path);
        NativeLibrary.SetDllImportResolver(typeof(KstatDouble).Assembly, Resolve);
    }

    internal static string Path { get; }

    /// <summary>Makes sure the static constructor ran (it sets KSTAT_LIBRARY).</summary>
    internal static void Touch()
    {
    }

    [LibraryImport(Library)] internal static partial void kd_reset();
    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int kd_add(string module, int instance, string name, string @class, int type, long crtime);
    [LibraryImport(Library, SetLastError = true)] internal static partial int kd_remove(int kid);
    [LibraryImport(Library, SetLastError = true)] internal static partial int kd_recreate(int kid, long crtime);
    [LibraryImport(Library, SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int kd_named_add(int kid, string name, int dataType);
    [LibraryImport(Library, SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int kd_named_append(int kid, string name, int dataType);
    [LibraryImport(Library, SetLastError = true)] internal static partial int kd_named_set_at(int kid, int index, ulong bits);
    [LibraryImport(Library, SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int kd_named_set(int kid, string name, ulong bits);
    [LibraryImport(Library, SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int kd_named_set_char(int kid, string name, byte[] bytes, int len);
    [LibraryImport(Library, SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int kd_named_set_string(int kid, string name, string? text);
    [LibraryImport(Library, SetLastError = true)] internal static partial int kd_set_data(int kid, void* bytes, nuint size, uint ndata);
    [LibraryImport(Library, SetLastError = true)] internal static partial int kd_set_flags(int kid, int flags);
    [LibraryImport(Library, SetLastError = true)] internal static partial int kd_stamp(int kid, ulong generation);
    [LibraryImport(Library, SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int kd_raw_shape(int kid, string layout);
    [LibraryImport(Library, SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int kd_raw_set(int kid, string field, ulong value, string? text);
    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial IntPtr kd_raw_field(string layout, int index, out int offset, out int size, out int kind);
    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)] internal static partial nint kd_raw_size(string layout);
    [LibraryImport(Library)] internal static partial void kd_fail_open(int errno, int count);
    [LibraryImport(Library)] internal static partial void kd_fail_read(int kid, int errno, int count);
    [LibraryImport(Library)] internal static partial void kd_fail_update(int errno, int count);
    [LibraryImport(Library)] internal static partial void kd_fail_chain_alloc(int after, int errno);
    [LibraryImport(Library)] internal static partial void kd_set_hrtime(long now);
    [LibraryImport(Library)] internal static partial nint kd_open_handles();
    [LibraryImport(Library)] internal static partial nint kd_live_allocations();
    [LibraryImport(Library)] internal static partial nint kd_reads();
    [LibraryImport(Library)] internal static partial nint kd_eagain_retries();
    [LibraryImport(Library)] internal static partial nint kd_poisoned_uses();
    [LibraryImport(Library)] internal static partial int kd_chain_id();
    [LibraryImport(Library, SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int kd_load_capture(string path);
    [LibraryImport(Library)] internal static partial IntPtr kd_last_error();

    internal static string LastError => Marshal.PtrToStringUTF8(kd_last_error()) ?? string.Empty;

    /// <summary>Adds a kstat and fails the test when the double refuses.</summary>
    internal static int Add(string module, int instance, string name, KstatType type, string @class = "misc", long crtime = 1_000)
    {
        int kid = kd_add(module, instance, name, @class, (int)type, crtime);
        Assert.True(kid > 0, $"kd_add {module}:{instance}:{name}");
        return kid;
    }

    /// <summary>Adds a NAMED kstat with one UINT64 statistic <c>value</c>.</summary>
    internal static int AddNamed(string module, int instance, string name, ulong value)
    {
        int kid = Add(module, instance, name, KstatType.Named);
        Named(kid, "value", global::Interop.Kstat.KSTAT_DATA_UINT64, value);
        return kid;
    }

    /// <summary>Adds a named statistic with a numeric value given as its bits.</summary>
    internal static void Named(int kid, string name, byte dataType, ulong bits)
    {
        Assert.True(kd_named_add(kid, name, dataType) >= 0, $"kd_named_add {name}");
        Assert.Equal(0, kd_named_set(kid, name, bits));
    }

    /// <summary>Replaces the data of a non-NAMED kstat with a struct.</summary>
    internal static void SetData<T>(int kid, T value, uint ndata = 1)
        where T : unmanaged
    {
        Assert.Equal(0, kd_set_data(kid, &value, (nuint)sizeof(T), ndata));
    }

    /// <summary>Replaces the data of a non-NAMED kstat with bytes.</summary>
    internal static void SetData(int kid, byte[] bytes, uint ndata = 1)
    {
        fixed (byte* p = bytes)
        {
            Assert.Equal(0, kd_set_data(kid, p, (nuint)bytes.Length, ndata));
        }
    }

    /// <summary>Lists the fields of a raw layout as the C compiler laid them out (offsetof in tests/native).</summary>
    internal static List<(string Name, int Offset, int Size, char Kind)> RawFields(string layout)
    {
        var fields = new List<(string, int, int, char)>();
        for (int i = 0; ; i++)
        {
            IntPtr name = kd_raw_field(layout, i, out int offset, out int size, out int kind);
            if (name == IntPtr.Zero)
            {
                return fields;
            }

            fields.Add((Marshal.PtrToStringUTF8(name)!, offset, size, (char)kind));
        }
    }

    private static IntPtr Resolve(string libraryName, Assembly assembly, DllImportSearchPath? searchPath) =>
        libraryName == Library ? NativeLibrary.Load(Path) : IntPtr.Zero;
}
