using System.Reflection;
using System.Runtime.InteropServices;

namespace Kstat.Native;

/// <summary>
/// Finds libkstat for the binding: <c>libkstat.so.1</c> from the system's default search path, or the file
/// the environment variable <c>KSTAT_LIBRARY</c> names (tests point it at the C test double).
/// </summary>
/// <remarks>The variable is read once, when the first libkstat function is bound; later changes have no effect.</remarks>
internal static class KstatLibrary
{
    /// <summary>The environment variable that overrides the library path.</summary>
    internal const string EnvironmentVariable = "KSTAT_LIBRARY";

    private static readonly Lock s_lock = new();
    private static bool s_registered;

    /// <summary>Registers the resolver for this assembly once; safe to call from any thread.</summary>
    internal static void EnsureResolver()
    {
        lock (s_lock)
        {
            if (!s_registered)
            {
                NativeLibrary.SetDllImportResolver(typeof(KstatLibrary).Assembly, Resolve);
                s_registered = true;
            }
        }
    }

    /// <summary>Loads libkstat from <paramref name="path"/> (<c>KSTAT_LIBRARY</c>) or, when it is null or empty, by its soname.</summary>
    /// <param name="path">The file to load, or null for the system's <c>libkstat.so.1</c>.</param>
    /// <returns>The library handle.</returns>
    /// <exception cref="DllNotFoundException">The library is missing or cannot be loaded; the message says which file and how to choose another.</exception>
    internal static IntPtr Load(string? path)
    {
        if (string.IsNullOrEmpty(path))
        {
            if (NativeLibrary.TryLoad(Interop.Libraries.Kstat, typeof(KstatLibrary).Assembly, null, out IntPtr system))
            {
                return system;
            }

            throw new DllNotFoundException(
                $"libkstat ({Interop.Libraries.Kstat}) could not be loaded: it exists on illumos and Solaris only. " +
                $"Set {EnvironmentVariable} to the path of a libkstat to use another file.");
        }

        if (!File.Exists(path))
        {
            throw new DllNotFoundException(
                $"{EnvironmentVariable} names '{path}', which does not exist. Set it to the path of a libkstat, or unset it to use the system's {Interop.Libraries.Kstat}.");
        }

        try
        {
            return NativeLibrary.Load(path);
        }
        catch (Exception e) when (e is DllNotFoundException or BadImageFormatException)
        {
            throw new DllNotFoundException($"{EnvironmentVariable} names '{path}', which could not be loaded as libkstat: {e.Message}", e);
        }
    }

    private static IntPtr Resolve(string libraryName, Assembly assembly, DllImportSearchPath? searchPath) =>
        libraryName == Interop.Libraries.Kstat ? Load(Environment.GetEnvironmentVariable(EnvironmentVariable)) : IntPtr.Zero;
}
