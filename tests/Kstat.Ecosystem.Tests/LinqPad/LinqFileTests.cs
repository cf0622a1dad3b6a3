using Kstat.Ecosystem.Tests.Support;

namespace Kstat.Ecosystem.Tests.LinqPad;

/// <summary>The LINQPad queries under samples/linqpad: well-formed files whose C# compiles against the library.</summary>
[Collection(SlowTests.Name)]
public sealed class LinqFileTests
{
    private static readonly string Folder = Repository.PathOf("samples", "linqpad");

    private static readonly string[] Names =
        [.. Directory.EnumerateFiles(Folder, "*.linq").Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal)];

    public static TheoryData<string> Files => [.. Names];

    [Fact]
    public void The_three_queries_are_there()
    {
        Assert.Equal(["explore-capture.linq", "explore-live.linq", "perl-manpage-example.linq"], Names);
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void A_query_is_a_statements_query_that_references_only_the_Kstat_packages(string file)
    {
        var query = LinqFile.Parse(file, File.ReadAllText(Path.Combine(Folder, file)));

        Assert.Equal("Statements", query.Kind);
        Assert.NotEmpty(query.NuGetReferences);
        Assert.All(query.NuGetReferences, package => Assert.Contains(package, new[] { "Kstat.Tree", "Kstat.Native" }));
        Assert.Contains("Kstat.Tree", query.Code.Usings);
    }

    [Fact]
    public void The_code_starts_after_the_header_and_keeps_its_line_numbers()
    {
        var query = LinqFile.Parse("q.linq", "<Query Kind=\"Statements\">\n  <Namespace>Kstat.Tree</Namespace>\n</Query>\n\n\nvar x = 1;\nx.Dump();\n");

        Assert.Equal(6, query.Code.Line);
        Assert.StartsWith("var x = 1;\nx.Dump();", query.Code.Code, StringComparison.Ordinal);
        Assert.Equal(["Kstat.Tree"], query.Code.Usings);
    }

    [Fact]
    public void A_file_without_a_LINQPad_header_is_rejected_with_its_name()
    {
        var e = Assert.Throws<FormatException>(() => LinqFile.Parse("plain.linq", "var x = 1;\n"));

        Assert.Contains("plain.linq:1", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Category", "Slow")]
    public void Every_query_compiles_and_the_capture_query_runs_to_the_end()
    {
        var queries = Names.Select(name => Path.Combine(Folder, name)).Select(path => LinqFile.Parse(path, File.ReadAllText(path))).ToList();
        int captureQuery = Array.IndexOf(Names, "explore-capture.linq");

        // The live queries compile only: they watch the machine for seconds. The capture query runs, as LINQPad would.
        string printed = SnippetCompiler.Build("linq", queries.Select(q => q.Code).ToList(), captureQuery);

        var dumps = printed.Split('\n', StringSplitOptions.TrimEntries).Where(l => l.StartsWith("Dump: ", StringComparison.Ordinal)).ToList();
        Assert.Equal(5, dumps.Count);
        Assert.Equal("Dump: busiest CPUs (fractions of ticks since boot) (5 rows)", dumps[^1]);
    }
}
