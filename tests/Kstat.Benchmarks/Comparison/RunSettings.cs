namespace Kstat.Benchmarks.Comparison;

/// <summary>What one comparison run does: which cases, how long, and where its inputs and outputs are.</summary>
/// <param name="Quick">A short run (few iterations, a smaller parse capture) that finishes in minutes on 2 cores.</param>
/// <param name="Cases">The cases to run, in table order.</param>
/// <param name="NativeFolder">The native build: the double, the generator, the C baselines.</param>
/// <param name="CapturesFolder">The real captures the parse capture is built from.</param>
/// <param name="PerlScript">The Perl parse baseline.</param>
/// <param name="ArtifactsFolder">Where BenchmarkDotNet writes its logs.</param>
/// <param name="CpuClock">Measure the CPU time of the working thread (the default) instead of wall-clock time.</param>
/// <param name="KstatNative">The kstat command published with Native AOT, for the start-up case.</param>
/// <param name="KstatTool">The kstat command as the .NET tool runs it (JIT), for the start-up case.</param>
internal sealed record RunSettings(
    bool Quick,
    IReadOnlyList<string> Cases,
    string NativeFolder,
    string CapturesFolder,
    string PerlScript,
    string ArtifactsFolder,
    bool CpuClock,
    string? KstatNative = null,
    string? KstatTool = null)
{
    /// <summary>Gets the clock argument the baselines take: <c>cpu</c> or <c>wall</c>.</summary>
    public string ClockName => CpuClock ? "cpu" : "wall";

    public static readonly string[] AllCases = ["monitor", "dump", "open", "lookup", "parse", "startup"];

    /// <summary>Gets the size of the parse capture: 100 MB, or 20 MB in a quick run.</summary>
    public long ParseBytes => Quick ? 20_000_000 : 100_000_000;

    /// <summary>Gets how many batches and operations per batch the C baseline of a case runs, to match the C# job's length.</summary>
    public (int Batches, int Operations) BaselineRepetitions(string benchCase) => (benchCase, Quick) switch
    {
        ("monitor", true) => (5, 2000),
        ("monitor", false) => (15, 5000),
        ("dump", true) => (3, 2),
        ("dump", false) => (10, 3),
        ("open", true) => (5, 10),
        ("open", false) => (15, 20),
        _ => throw new ArgumentOutOfRangeException(nameof(benchCase), benchCase, "No C baseline for this case."),
    };

    /// <summary>Gets how many interleaved pairs of whole processes the start-up case counts.</summary>
    public int StartupPairs => Quick ? 20 : 60;

    /// <summary>Gets how many times the Perl script loads the parse capture.</summary>
    public int PerlRepetitions => Quick ? 1 : 3;
}
