using Kstat.Native;

namespace Kstat.Cli.Sources;

/// <summary>Opens the source the options name: <c>--file CAPTURE</c>, or the running machine.</summary>
internal static class KstatSources
{
    /// <summary>Opens the source.</summary>
    /// <exception cref="Kstat.Tree.KstatException">The kstats cannot be opened, or the capture is malformed.</exception>
    /// <exception cref="IOException">The capture cannot be read.</exception>
    /// <exception cref="PlatformNotSupportedException">This system has no kstats.</exception>
    public static IKstatSource Open(KstatOptions options) =>
        options.CapturePath is { } path ? CaptureSource.Load(path) : new LiveSource(NativeKstat.Open());
}
