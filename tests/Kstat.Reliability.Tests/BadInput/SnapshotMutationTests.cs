using Kstat.Tree.Tests.Support;
using System.Diagnostics;
using System.Text;
using Kstat.Reliability.Tests.Support;
using Kstat.Tree;
using Xunit.Abstractions;

namespace Kstat.Reliability.Tests.BadInput;

/// <summary>
/// Every snapshot parser (<c>kstat -p</c>, <c>-j</c>, the human format) fed seeded damage to the real captures and to
/// their renderings in the other formats: a chain, or a <see cref="KstatFormatException"/> naming the source, line
/// and column; never another exception, never a hang.
/// </summary>
public class SnapshotMutationTests(ITestOutputHelper output)
{
    [Fact]
    public void Damaged_captures_in_every_format_give_a_chain_or_a_positioned_format_exception()
    {
        var sources = Sources();
        int total = Scale.Of(97_000);
        int seed = Scale.Seed ?? Environment.TickCount;
        var stats = new MutationStats();
        string file = Path.Combine(Path.GetTempPath(), "kstat-reliability-" + Guid.NewGuid().ToString("N") + ".txt");
        int loaded = 0;
        bool finished = Watchdog.Run(
            () =>
        {
            var random = new Random(seed);
            for (int i = 0; i < total; i++)
            {
                var (name, format, bytes) = sources[i % sources.Count];
                byte[] damaged = Mutator.Mutate(bytes, random);
                var asFormat = i % 3 == 0 ? SnapshotFormat.Auto : format;
                stats.Current = (i, name);
                var clock = Stopwatch.StartNew();
                string? failure;
                if (i % 40 == 39)
                {
                    // Now and then through a file: Load streams it with its own decoder, which reports bad bytes by position.
                    File.WriteAllBytes(file, damaged);
                    failure = ParseAndUse(file, () => new KstatTree(SnapshotChain.Load(file, asFormat)));
                    loaded++;
                }
                else
                {
                    var encoding = new UTF8Encoding(false, throwOnInvalidBytes: (i & 1) == 0);
                    failure = ParseAndUse(name, () => new KstatTree(SnapshotChain.Read(new StreamReader(new MemoryStream(damaged), encoding), asFormat, name)));
                }

                stats.Record(clock.Elapsed, failure, $"mutation {i} of seed {seed} ({name}, {format})");
            }
        },
            TimeSpan.FromMinutes(5)); // a parser that loops forever would hold the test: fail it instead, naming the input
        File.Delete(file);
        Assert.True(finished, $"a parse did not finish: mutation {stats.Current.Index} of seed {seed} ({stats.Current.Name})");
        output.WriteLine($"seed {seed}: {total} mutations of {sources.Count} sources in {stats.Elapsed.TotalSeconds:F1} s; " +
                         $"{stats.Refused} refused with a positioned KstatFormatException, {total - stats.Refused} parsed, {loaded} through files; slowest {stats.Slowest.TotalMilliseconds:F0} ms");
        Assert.True(stats.Failures.Count == 0, string.Join("\n", stats.Failures.Take(10)));
        Assert.InRange(stats.Refused, 1, total - 1); // the damage is real, and not everything is refused
    }

    /// <summary>Parses, builds a tree, reads every leaf, steps through the rounds and writes it out; returns what went wrong, or null.</summary>
    private static string? ParseAndUse(string name, Func<KstatTree> open)
    {
        try
        {
            using var tree = open();
            var sink = new StringWriter();
            while (true)
            {
                foreach (var leaf in tree.Leaves())
                {
                    try
                    {
                        _ = leaf.Count;
                    }
                    catch (KstatNotFoundException e) when (e.Key == leaf.Key)
                    {
                        // Documented: kstat(1) printed only the crtime of this kstat (its read had failed).
                    }
                }

                KstatFormat.WriteParseable(sink, tree);
                KstatFormat.WriteJson(sink, tree);
                KstatFormat.WriteHuman(sink, tree);
                if (((SnapshotChain)tree.Chain).IsLastRound)
                {
                    return null;
                }

                var update = tree.Update();
                foreach (var error in update.ReadErrors)
                {
                    if (error.Exception is not KstatNotFoundException notFound || notFound.Key != error.Key)
                    {
                        return $"a re-read failed with an undocumented exception: {error.Exception}";
                    }
                }
            }
        }
        catch (KstatFormatException e)
        {
            return e.SourceName == name && e.Line >= 1 && e.Column >= 1 && e.Problem.Length > 0
                ? MutationStats.Refusal
                : $"KstatFormatException without a position: {e.Message}";
        }
        catch (Exception e)
        {
            return e.ToString();
        }
    }

    /// <summary>Each capture as captured, and rendered as <c>-p</c>, <c>-j</c> and the human format by the writers.</summary>
    private static List<(string Name, SnapshotFormat Format, byte[] Bytes)> Sources()
    {
        var sources = new List<(string, SnapshotFormat, byte[])>();
        foreach (var path in Directory.EnumerateFiles(Paths.Captures, "*.txt").Order(StringComparer.Ordinal))
        {
            string name = Path.GetFileName(path);
            using var chain = SnapshotChain.Load(path);
            sources.Add((name, chain.Format, File.ReadAllBytes(path)));
            using var tree = KstatTree.Load(path);
            foreach (var format in new[] { SnapshotFormat.Parseable, SnapshotFormat.Json, SnapshotFormat.Human })
            {
                var text = new StringWriter();
                _ = format switch
                {
                    SnapshotFormat.Parseable => KstatFormat.WriteParseable(text, tree),
                    SnapshotFormat.Json => KstatFormat.WriteJson(text, tree),
                    _ => KstatFormat.WriteHuman(text, tree),
                };
                sources.Add(($"{name} as {format}", format, Encoding.UTF8.GetBytes(text.ToString())));
            }
        }

        Assert.True(sources.Count >= 40, $"only {sources.Count} sources");
        return sources;
    }
}
