using Kstat.Ecosystem.Tests.Support;

namespace Kstat.Ecosystem.Tests.Porting;

/// <summary>samples/PORTING.md: its C# compiles, and every Perl idiom it promises has its C# twin.</summary>
[Collection(SlowTests.Name)]
public sealed class PortingGuideTests
{
    private static readonly string GuidePath = Repository.PathOf("samples", "PORTING.md");
    private static readonly string Guide = File.ReadAllText(GuidePath);

    private static IReadOnlyList<CodeSnippet> CSharp => MarkdownCode.Blocks(GuidePath, Guide, "csharp", ["System.Collections.Immutable"]);

    [Theory]
    [InlineData("new()", "NativeKstat.Open()")]
    [InlineData("strip_strings", "StripStrings")]
    [InlineData("keys %", ".Keys")]
    [InlineData("each %", "foreach (var (stat, value) in leaf)")]
    [InlineData("exists $ks", "TryGetLeaf")]
    [InlineData("$a <=> $b", ".Order()")]
    [InlineData("if ($ks->update())", "ks.Update().Changed")]
    [InlineData("my ($added, $deleted) = $ks->update();", "var (added, removed) = ks.Update();")]
    [InlineData("\\$ks->{cpu_stat}{0}{cpu_stat0}{syscall}", "GetReading()")]
    [InlineData("%$leaf = ()", "Reset()")]
    [InlineData("dangles", "KstatNotFoundException")]
    [InlineData("IsValid", "KstatNotFoundException")]
    [InlineData("== 2)", "misc[\"ncpus\"] == 2")]
    [InlineData("eq \"on-line\"", "== \"on-line\"")]
    [InlineData("defined $x ? $x : 0", "GetUInt64OrDefault(")]
    [InlineData("printf(\"%-10s %8.2f", ",8:F2}")]
    [InlineData("$now{syscall} - $prev{syscall}", "TryGetDifference(")]
    [InlineData("since boot", "KstatDelta.FromZero(")]
    [InlineData("wraps at its width", "CounterRate(")]
    [InlineData("several rounds", "EndOfCapture")]
    [InlineData("name may hold colons", "AddedHeaders")]
    public void Each_Perl_idiom_has_its_CSharp_twin(string perl, string csharp)
    {
        Assert.Contains(perl, Guide, StringComparison.Ordinal);
        Assert.Contains(CSharp, s => s.Code.Contains(csharp, StringComparison.Ordinal));
    }

    [Fact]
    public void Code_blocks_are_found_with_the_line_their_code_starts_on()
    {
        var blocks = MarkdownCode.Blocks("g.md", "text\n```csharp\nvar a = 1;\n```\n```perl\nmy $a;\n```\n```csharp\nvar b = 2;\n```\n", "csharp", []);

        Assert.Equal([(3, "var a = 1;"), (9, "var b = 2;")], blocks.Select(b => (b.Line, b.Code)));
    }

    [Fact]
    public void An_unclosed_block_is_reported_with_its_line()
    {
        var e = Assert.Throws<FormatException>(() => MarkdownCode.Blocks("g.md", "a\n```csharp\nvar a = 1;\n", "csharp", []));

        Assert.Contains("g.md:2", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Category", "Slow")]
    public void Every_CSharp_block_compiles()
    {
        Assert.True(CSharp.Count >= 15, $"expected the guide's C# blocks, found {CSharp.Count}");

        SnippetCompiler.Build("porting", CSharp);
    }
}
