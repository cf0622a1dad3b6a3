using System.Text;

namespace Kstat.Ecosystem.Tests.Support;

/// <summary>
/// Compiles C# statements the way a user's project would: each snippet becomes the body of a method in a
/// generated class library that references the freshly built Kstat.Tree and Kstat.Native, built with
/// <c>dotnet build</c> (nullable on, warnings as errors). <c>#line</c> directives make every error point at the
/// document line it came from.
/// </summary>
public static class SnippetCompiler
{
    /// <summary>LINQPad's own API the .linq files may use, as stand-ins with the same shape.</summary>
    private const string LinqPadStandIns = """
        namespace LINQPad
        {
            public static class Extensions
            {
                public static T Dump<T>(this T value, string? description = null) => value;
            }

            public static class Util
            {
                public static string CurrentQueryPath => System.Environment.CurrentDirectory;
            }
        }
        """;

    /// <summary>Builds the snippets; returns the build output, or fails the test with the compiler's errors.</summary>
    public static string Build(string purpose, IReadOnlyList<CodeSnippet> snippets)
    {
        using var scratch = new ScratchDirectory(purpose);
        string libraries = AppContext.BaseDirectory;
        scratch.Write("Snippets.csproj", $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
                <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
                <GenerateDocumentationFile>false</GenerateDocumentationFile>
              </PropertyGroup>
              <ItemGroup>
                <Reference Include="Kstat.Tree" HintPath="{Path.Combine(libraries, "Kstat.Tree.dll")}" />
                <Reference Include="Kstat.Native" HintPath="{Path.Combine(libraries, "Kstat.Native.dll")}" />
              </ItemGroup>
            </Project>
            """);
        scratch.Write("LINQPad.cs", LinqPadStandIns);
        for (int i = 0; i < snippets.Count; i++)
        {
            scratch.Write($"Snippet{i}.cs", Wrap(snippets[i], $"Snippet{i}"));
        }

        var (exitCode, output) = DotNet.Run(scratch.Path, "build", "-nologo", "-clp:NoSummary", "-v:q");
        Assert.True(exitCode == 0, $"The code of {string.Join(", ", snippets.Select(s => s.ToString()).Distinct())} does not compile:\n{output}");
        return output;
    }

    /// <summary>One snippet as a class with one method; a snippet that opens no tree of its own is given one named <c>ks</c>.</summary>
    public static string Wrap(CodeSnippet snippet, string className)
    {
        var code = new StringBuilder();
        foreach (string ns in new[] { "Kstat.Tree", "Kstat.Native", "LINQPad" }.Concat(snippet.Usings).Distinct())
        {
            code.Append("using ").Append(ns).AppendLine(";");
        }

        code.AppendLine("namespace Snippets;")
            .AppendLine($"internal static class {className}")
            .AppendLine("{")
            .AppendLine(snippet.DeclaresTree ? "    public static void Run()" : "    public static void Run(KstatTree ks)")
            .AppendLine("    {")
            .AppendLine($"#line {snippet.Line} \"{snippet.Source}\"")
            .AppendLine(snippet.Code)
            .AppendLine("#line default")
            .AppendLine("    }")
            .AppendLine("}");
        return code.ToString();
    }
}
