using Kstat.Tree.Tests.Support;
using System.Diagnostics;
using Kstat.Native;
using Kstat.Reliability.Tests.Support;
using Kstat.Tree;
using Xunit.Abstractions;

namespace Kstat.Reliability.Tests.BadInput;

/// <summary>
/// ProcfsChain over copies of the fixture trees with one file damaged at a time: building, reading and updating give
/// values, a <see cref="KstatFormatException"/> naming the file, line and column, or entries in
/// <see cref="KstatUpdate.ReadErrors"/> with such an exception; never another exception, never a hang.
/// </summary>
public sealed class ProcfsMutationTests(ITestOutputHelper output) : IDisposable
{
    private readonly string _scratch = Path.Combine(Path.GetTempPath(), "kstat-reliability-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public void Damaged_proc_and_sys_files_give_values_or_positioned_format_errors()
    {
        var machines = new[] { "live-2cpu", "hotplug-3cpu" }.Select(Copy).ToList();
        int total = Scale.Of(3_000);
        int seed = Scale.Seed ?? Environment.TickCount;
        var stats = new MutationStats();
        int readErrors = 0;
        bool finished = Watchdog.Run(
            () =>
            {
                var random = new Random(seed);
                var trees = machines.Select(m => new KstatTree(new ProcfsChain(m.Proc, m.Sys))).ToList();
                try
                {
                    for (int i = 0; i < total; i++)
                    {
                        int which = i % machines.Count;
                        var machine = machines[which];
                        var (path, original) = machine.Files[random.Next(machine.Files.Count)];
                        byte[] damaged = Mutator.Mutate(original, random, allowHuge: random.Next(20) == 0);
                        stats.Current = (i, path);
                        var clock = Stopwatch.StartNew();
                        string? outcome;
                        File.WriteAllBytes(path, damaged);
                        try
                        {
                            // Even steps: a chain built over the damaged file. Odd steps: a long-lived tree that meets it in Update().
                            outcome = (i & 1) == 0 ? Fresh(machine) : Updated(trees[which], ref readErrors);
                        }
                        finally
                        {
                            File.WriteAllBytes(path, original);
                        }

                        outcome ??= (i & 1) == 0 ? null : Updated(trees[which], ref readErrors);
                        stats.Record(clock.Elapsed, outcome, $"mutation {i} of seed {seed} ({Path.GetRelativePath(_scratch, path)})");
                    }
                }
                finally
                {
                    trees.ForEach(t => t.Dispose());
                }
            },
            TimeSpan.FromMinutes(5));

        Assert.True(finished, $"a procfs read did not finish: mutation {stats.Current.Index} of seed {seed} ({stats.Current.Name})");
        output.WriteLine($"seed {seed}: {total} mutations of {machines.Sum(m => m.Files.Count)} procfs/sysfs files in {stats.Elapsed.TotalSeconds:F1} s; " +
                         $"{stats.Refused} reads refused with a positioned KstatFormatException, {readErrors} read errors reported by Update; slowest {stats.Slowest.TotalMilliseconds:F0} ms");
        Assert.True(stats.Failures.Count == 0, string.Join("\n", stats.Failures.Take(10)));
        Assert.True(stats.Refused > 0 && readErrors > 0, "the damage never surfaced");
    }

    public void Dispose()
    {
        if (Directory.Exists(_scratch))
        {
            Directory.Delete(_scratch, recursive: true);
        }
    }

    /// <summary>Builds a chain and a tree over the damaged tree and reads every leaf.</summary>
    private static string? Fresh(Machine machine)
    {
        try
        {
            using var tree = new KstatTree(new ProcfsChain(machine.Proc, machine.Sys));
            return ReadAll(tree);
        }
        catch (Exception e)
        {
            return Judge(e, null);
        }
    }

    /// <summary>Updates a long-lived tree (its read leaves are re-read from the damaged file), then reads every leaf.</summary>
    private static string? Updated(KstatTree tree, ref int readErrors)
    {
        try
        {
            var update = tree.Update();
            foreach (var error in update.ReadErrors)
            {
                readErrors++;
                if (Judge(error.Exception, error.Key) is { } problem && problem != MutationStats.Refusal)
                {
                    return "in ReadErrors: " + problem;
                }
            }

            return ReadAll(tree);
        }
        catch (Exception e)
        {
            return Judge(e, null);
        }
    }

    private static string? ReadAll(KstatTree tree)
    {
        string? outcome = null;
        foreach (var leaf in tree.Leaves())
        {
            try
            {
                foreach (var pair in leaf)
                {
                    _ = pair.Value.ToString();
                }
            }
            catch (Exception e)
            {
                string judged = Judge(e, leaf.Key);
                if (judged != MutationStats.Refusal)
                {
                    return judged;
                }

                outcome = judged;
            }
        }

        return outcome;
    }

    /// <summary>Returns <see cref="MutationStats.Refusal"/> for a documented failure, else a description of the problem.</summary>
    private static string Judge(Exception e, string? key) => e switch
    {
        KstatFormatException f when f.SourceName is { Length: > 0 } && f.Line >= 1 && f.Column >= 1 && f.Problem.Length > 0 => MutationStats.Refusal,
        KstatFormatException f => $"KstatFormatException without a position: {f.Message}",
        KstatNotFoundException nf when key is not null && nf.Key == key => MutationStats.Refusal, // a device that the damaged index no longer lists
        _ => e.ToString(),
    };

    private Machine Copy(string fixture)
    {
        string from = Path.Combine(Paths.ProcfsFixtures, fixture);
        string to = Path.Combine(_scratch, fixture);
        var files = new List<(string, byte[])>();
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            string target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
            if (!file.EndsWith(".md", StringComparison.Ordinal))
            {
                files.Add((target, File.ReadAllBytes(file)));
            }
        }

        return new Machine(Path.Combine(to, "proc"), Path.Combine(to, "sys"), files);
    }

    private sealed record Machine(string Proc, string Sys, List<(string Path, byte[] Original)> Files);
}
