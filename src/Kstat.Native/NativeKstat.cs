using Kstat.Tree;

namespace Kstat.Native;

/// <summary>Opens the kstats of the running machine: libkstat on illumos and Solaris, <c>/proc</c> on Linux.</summary>
public static class NativeKstat
{
    /// <summary>Opens a tree over the running machine's kstats.</summary>
    /// <returns>A tree the caller disposes.</returns>
    /// <exception cref="PlatformNotSupportedException">The operating system has no kstat source.</exception>
    public static KstatTree Open() =>
        OperatingSystem.IsLinux() ? new KstatTree(new ProcfsChain()) : throw new PlatformNotSupportedException(
            $"No kstat source for {System.Runtime.InteropServices.RuntimeInformation.OSDescription} yet; load a capture with KstatTree.Load(path) instead.");
}
