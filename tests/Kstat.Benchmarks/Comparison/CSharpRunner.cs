using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Engines;
using Perfolizer.Horology;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Loggers;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Kstat.Benchmarks.Support;

namespace Kstat.Benchmarks.Comparison;

/// <summary>One C# benchmark's result: the median time per operation and the managed bytes it allocated.</summary>
/// <param name="MedianNs">The median time of one operation, in nanoseconds.</param>
/// <param name="AllocatedBytes">The managed bytes allocated per operation.</param>
internal sealed record Measurement(double MedianNs, long AllocatedBytes);

/// <summary>Runs a BenchmarkDotNet class in this process, with a job sized for the run, and returns its results by method name.</summary>
internal static class CSharpRunner
{
    /// <summary>Runs every benchmark of <typeparamref name="T"/>.</summary>
    /// <typeparam name="T">The benchmark class.</typeparam>
    /// <param name="settings">The run settings.</param>
    /// <param name="slow">True for operations that take a good fraction of a second: one invocation per iteration.</param>
    /// <returns>The measurements, by benchmark method name.</returns>
    public static Dictionary<string, Measurement> Run<T>(RunSettings settings, bool slow)
    {
        var summary = BenchmarkRunner.Run<T>(Config(settings, slow, typeof(T).Name));
        var results = new Dictionary<string, Measurement>(StringComparer.Ordinal);
        foreach (var report in summary.Reports)
        {
            var method = report.BenchmarkCase.Descriptor.WorkloadMethod.Name;
            if (report.ResultStatistics is null)
            {
                throw new InvalidOperationException(
                    $"{typeof(T).Name}.{method} produced no result; see the log in {settings.ArtifactsFolder}.");
            }

            long allocated = report.GcStats.GetBytesAllocatedPerOperation(report.BenchmarkCase) ?? -1;
            results[method] = new Measurement(report.ResultStatistics.Median, allocated);
        }

        return results;
    }

    private static ManualConfig Config(RunSettings settings, bool slow, string name)
    {
        // In process: no generated project to build per benchmark (minutes on a shared 2-core machine), and the
        // double's kernel state lives in this process, where the generator put it.
        // No forced collection between iterations: with one invocation per iteration it would collect each operation's
        // garbage outside the measurement. Here every collection an operation causes lands in some measured operation,
        // as in a process that runs the work over and over.
        var job = Job.Default.WithToolchain(InProcessEmitToolchain.Instance).WithLaunchCount(1).WithGcServer(false).WithGcForce(false);
        if (settings.CpuClock)
        {
            job = job.WithClock(ThreadCpuClock.Instance);
        }

        job = (slow, settings.Quick) switch
        {
            // One invocation per iteration: the operation runs only a few dozen times, and tiered JIT with dynamic PGO
            // takes a dozen of them to settle (a dump's CPU time falls from ~165 ms to ~50 ms over its first ten runs),
            // so the warm-up is long enough to measure the steady state a long-running process sees.
            (true, true) => job.WithStrategy(RunStrategy.Monitoring).WithWarmupCount(15).WithIterationCount(7),
            (true, false) => job.WithStrategy(RunStrategy.Monitoring).WithWarmupCount(15).WithIterationCount(10),
            (false, true) => job.WithWarmupCount(2).WithIterationCount(5).WithIterationTime(TimeInterval.FromMilliseconds(100)),
            (false, false) => job.WithWarmupCount(4).WithIterationCount(15).WithIterationTime(TimeInterval.FromMilliseconds(250)),
        };

        Directory.CreateDirectory(settings.ArtifactsFolder);
        var log = new StreamLogger(Path.Combine(settings.ArtifactsFolder, $"{name}.log"));
        return ManualConfig.CreateEmpty()
            .AddJob(job.WithId(settings.Quick ? "quick" : "full"))
            .AddDiagnoser(MemoryDiagnoser.Default)
            .AddColumnProvider(DefaultColumnProviders.Instance)
            .AddLogger(log)
            .WithArtifactsPath(settings.ArtifactsFolder)
            .WithOptions(ConfigOptions.DisableLogFile | ConfigOptions.JoinSummary);
    }
}
