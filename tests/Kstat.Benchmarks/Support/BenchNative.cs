using System.Runtime.InteropServices;

namespace Kstat.Benchmarks.Support;

/// <summary>
/// The native side of the benchmarks, built by <c>./run</c> into one folder: the libkstat test double
/// (<c>libkstat.so.1</c>), the chain generator the C baselines share (<c>libkstatbench.so</c>) and the baselines
/// (<c>kstat-baselines</c>).
/// </summary>
/// <remarks>
/// The folder comes from <c>KSTAT_BENCH_NATIVE</c>; <c>KSTAT_LIBRARY</c> must name the double in it before the
/// first <c>LibKstatChain</c> is made (the runner sets both). The generator links the double by soname with
/// an <c>$ORIGIN</c> run path, so the loader maps the very same file the binding loads: one kernel state.
/// </remarks>
internal static unsafe class BenchNative
{
    public const string FolderVariable = "KSTAT_BENCH_NATIVE";

    /// <summary>The monitor chain: cpu:0..199:sys, 16 UINT64 statistics each (tests/native/baselines/kb_chain.h).</summary>
    public const int MonitorKstats = 200;

    public const int MonitorStats = 16;

    /// <summary>The dump and open chain: 20,000 NAMED kstats of 10 statistics.</summary>
    public const int DumpKstats = 20_000;

    public const int DumpStats = 10;

    private static readonly Lazy<Exports> s_exports = new(Load);

    /// <summary>Gets the folder with the native build.</summary>
    public static string Folder =>
        Environment.GetEnvironmentVariable(FolderVariable) is { Length: > 0 } folder
            ? folder
            : throw new InvalidOperationException($"{FolderVariable} is not set; run the benchmarks through tests/Kstat.Benchmarks/run.");

    /// <summary>Resets the double's kernel to the monitor chain.</summary>
    public static void BuildMonitorChain() => Check(s_exports.Value.BuildMonitor(MonitorKstats), "kb_build_monitor");

    /// <summary>Resets the double's kernel to the dump chain.</summary>
    public static void BuildDumpChain() => Check(s_exports.Value.BuildDump(DumpKstats, DumpStats), "kb_build_dump");

    private static void Check(int result, string function)
    {
        if (result < 0)
        {
            throw new InvalidOperationException($"{function} failed ({result}).");
        }
    }

    private static Exports Load()
    {
        string folder = Folder;
        string double_ = Path.Combine(folder, "libkstat.so.1");
        if (!string.Equals(Environment.GetEnvironmentVariable("KSTAT_LIBRARY"), double_, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"KSTAT_LIBRARY must be {double_}, the double the generator drives.");
        }

        var handle = NativeLibrary.Load(Path.Combine(folder, "libkstatbench.so"));
        return new Exports(
            (delegate* unmanaged<int, int>)NativeLibrary.GetExport(handle, "kb_build_monitor"),
            (delegate* unmanaged<int, int, int>)NativeLibrary.GetExport(handle, "kb_build_dump"));
    }

    private sealed class Exports(delegate* unmanaged<int, int> buildMonitor, delegate* unmanaged<int, int, int> buildDump)
    {
        private readonly delegate* unmanaged<int, int> _buildMonitor = buildMonitor;
        private readonly delegate* unmanaged<int, int, int> _buildDump = buildDump;

        public int BuildMonitor(int kstats) => _buildMonitor(kstats);

        public int BuildDump(int kstats, int stats) => _buildDump(kstats, stats);
    }
}
