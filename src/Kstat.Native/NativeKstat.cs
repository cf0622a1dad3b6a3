using System.Runtime.InteropServices;
using Kstat.Tree;

namespace Kstat.Native;

/// <summary>Opens the kstats of the running machine: libkstat on illumos and Solaris, <c>/proc</c> on Linux.</summary>
public static class NativeKstat
{
    /// <summary>Opens a tree over the running machine's kstats.</summary>
    /// <returns>A tree the caller disposes.</returns>
    /// <remarks>On illumos and Solaris the tree reads <c>libkstat.so.1</c> through <see cref="LibKstatChain"/> (the environment
    /// variable <c>KSTAT_LIBRARY</c> may name another file); on Linux it reads <c>/proc</c> through <see cref="ProcfsChain"/>.
    /// Nothing is read until a statistic is touched.</remarks>
    /// <exception cref="PlatformNotSupportedException">The operating system has no kstat source.</exception>
    /// <exception cref="DllNotFoundException">libkstat cannot be loaded.</exception>
    /// <exception cref="KstatException"><c>kstat_open</c> failed.</exception>
    public static KstatTree Open()
    {
        if (IsIllumosOrSolaris())
        {
            return new KstatTree(new LibKstatChain());
        }

        if (OperatingSystem.IsLinux())
        {
            return new KstatTree(new ProcfsChain());
        }

        throw new PlatformNotSupportedException(
            $"No kstat source for {RuntimeInformation.OSDescription}: kstats exist on illumos and Solaris (and Linux through /proc); load a capture with KstatTree.Load(path) instead.");
    }

    /// <summary>Tells whether the process runs on illumos or Solaris, where libkstat exists.</summary>
    internal static bool IsIllumosOrSolaris() =>
        OperatingSystem.IsOSPlatform("illumos") || OperatingSystem.IsOSPlatform("solaris") ||
        RuntimeInformation.OSDescription.Contains("SunOS", StringComparison.OrdinalIgnoreCase);
}
