using System.Reflection;
using Kstat.Ecosystem.Tests.Support;

namespace Kstat.Ecosystem.Tests.Packaging;

/// <summary>
/// The public surface of each package is declared in its PublicAPI.Shipped.txt and PublicAPI.Unshipped.txt, and the
/// build holds the code to them (Microsoft.CodeAnalysis.PublicApiAnalyzers): a public member added or removed without
/// its line fails the build.
/// </summary>
[Collection(SlowTests.Name)]
public sealed class PublicApiTests
{
    public static TheoryData<string> Packages => ["Kstat.Tree", "Kstat.Native"];

    [Theory]
    [MemberData(nameof(Packages))]
    public void The_declared_surface_names_exactly_the_exported_types(string package)
    {
        var declared = Declared(package);
        var assembly = Assembly.LoadFrom(Path.Combine(AppContext.BaseDirectory, package + ".dll"));

        // A type's own line is its full name alone, as C# writes it (Name<T1, T2>, Outer.Nested); a member's line says "-> type".
        var declaredTypes = declared.Where(l => !l.Contains("->", StringComparison.Ordinal)).ToHashSet(StringComparer.Ordinal);
        var exported = assembly.GetExportedTypes().Select(CSharpName).ToHashSet(StringComparer.Ordinal);

        Assert.Equal(exported.Order(StringComparer.Ordinal), declaredTypes.Order(StringComparer.Ordinal));
        Assert.Equal("#nullable enable", File.ReadLines(FileOf(package, "Shipped")).First());
        Assert.Equal("#nullable enable", File.ReadLines(FileOf(package, "Unshipped")).First());
    }

    [Fact]
    public void Hooks_and_implementation_details_are_not_public()
    {
        var tree = Declared("Kstat.Tree");

        Assert.DoesNotContain(tree, l => l.StartsWith("Kstat.Tree.KstatKey", StringComparison.Ordinal));
        Assert.DoesNotContain(tree, l => l.Contains("KstatSchema.SequenceEqual", StringComparison.Ordinal));
        Assert.DoesNotContain(tree, l => l.Contains("KstatOrder.Compare(string", StringComparison.Ordinal));
        Assert.DoesNotContain(tree, l => l.Contains("FormatSeconds", StringComparison.Ordinal));
        Assert.DoesNotContain(tree, l => l.Contains("ReadErrorDetails", StringComparison.Ordinal));
    }

    [Fact]
    [Trait("Category", "Slow")]
    public void A_public_member_missing_from_the_files_or_a_line_without_its_member_fails_the_build()
    {
        using var scratch = new ScratchDirectory("publicapi");
        foreach (string file in new[] { "Directory.Build.props", "Directory.Packages.props", ".editorconfig", Path.Combine("src", "Package.props") })
        {
            scratch.Write(file, File.ReadAllText(Repository.PathOf(file)));
        }

        string source = Repository.PathOf("src", "Kstat.Tree");
        foreach (string file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories)
                     .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                              && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)))
        {
            scratch.Write(Path.Combine("src", "Kstat.Tree", Path.GetRelativePath(source, file)), File.ReadAllText(file));
        }

        scratch.Write(Path.Combine("src", "Kstat.Tree", "Surprise.cs"), """
            namespace Kstat.Tree;

            /// <summary>Not in the PublicAPI files.</summary>
            public static class Surprise
            {
                /// <summary>Gets one.</summary>
                public static int One => 1;
            }
            """);
        File.AppendAllText(Path.Combine(scratch.Path, "src", "Kstat.Tree", "PublicAPI.Unshipped.txt"), "Kstat.Tree.KstatTree.Vanished() -> void\n");

        var (exitCode, output) = DotNet.Run(scratch.Path, "build", Path.Combine("src", "Kstat.Tree", "Kstat.Tree.csproj"), "-nologo", "-v:q");

        Assert.NotEqual(0, exitCode);
        Assert.Contains("RS0016: Symbol 'Kstat.Tree.Surprise'", output, StringComparison.Ordinal);
        Assert.Contains("RS0017: Symbol 'Kstat.Tree.KstatTree.Vanished() -> void'", output, StringComparison.Ordinal);
    }

    private static string FileOf(string package, string which) => Repository.PathOf("src", package, $"PublicAPI.{which}.txt");

    private static List<string> Declared(string package) =>
        [.. new[] { "Shipped", "Unshipped" }.SelectMany(w => File.ReadLines(FileOf(package, w))).Where(l => l.Length > 0 && !l.StartsWith('#'))];

    private static string CSharpName(Type type)
    {
        int tick = type.Name.IndexOf('`', StringComparison.Ordinal); // a nested type of a generic one has its parent's parameters, not its own
        string name = tick < 0 ? type.Name : $"{type.Name[..tick]}<{string.Join(", ", type.GetGenericArguments().Select(a => a.Name))}>";
        return type.IsNested ? $"{CSharpName(type.DeclaringType!)}.{name}" : $"{type.Namespace}.{name}";
    }
}
