using System.Globalization;
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
                // As LINQPad does: use the object's ToDump() if it has one, and enumerate what is shown (running a query).
                public static T Dump<T>(this T value, string? description = null)
                {
                    object? shown = value?.GetType().GetMethod("ToDump", System.Type.EmptyTypes)?.Invoke(value, null) ?? value;
                    int rows = 0;
                    if (shown is System.Collections.IEnumerable items and not string)
                    {
                        foreach (object? item in items)
                        {
                            rows++;
                        }
                    }

                    System.Console.WriteLine($"Dump: {description} ({rows} rows)");
                    return value;
                }
            }

            public static class Util
            {
                public static string CurrentQueryPath { get; set; } = "";
            }
        }
        """;

    /// <summary>
    /// Builds the snippets, or fails the test with the compiler's errors; then runs those listed in <paramref name="run"/>
    /// (by index; each must open its own tree) and returns what they printed.
    /// </summary>
    public static string Build(string purpose, IReadOnlyList<CodeSnippet> snippets, params int[] run)
    {
        using var scratch = new ScratchDirectory(purpose);
        string libraries = AppContext.BaseDirectory;
        scratch.Write("Snippets.csproj", $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <OutputType>Exe</OutputType>
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
        scratch.Write("Program.cs", Runner(snippets));
        for (int i = 0; i < snippets.Count; i++)
        {
            scratch.Write($"Snippet{i}.cs", Wrap(snippets[i], $"Snippet{i}"));
        }

        var (exitCode, output) = DotNet.Run(scratch.Path, "build", "-nologo", "-clp:NoSummary", "-v:q", "-o", "out");
        Assert.True(exitCode == 0, $"The code of {string.Join(", ", snippets.Select(s => s.ToString()).Distinct())} does not compile:\n{output}");
        if (run.Length == 0)
        {
            return output;
        }

        var (runExit, printed) = DotNet.Run(scratch.Path, [Path.Combine("out", "Snippets.dll"), .. run.Select(i => i.ToString(CultureInfo.InvariantCulture))]);
        Assert.True(runExit == 0, $"Running {string.Join(", ", run.Select(i => snippets[i].ToString()))} failed:\n{printed}");
        return printed;
    }

    /// <summary>A Main that runs the snippets named by index on the command line, with LINQPad's query path set to each one's file.</summary>
    private static string Runner(IReadOnlyList<CodeSnippet> snippets)
    {
        var code = new StringBuilder("internal static class Program\n{\n    private static void Main(string[] args)\n    {\n        foreach (string arg in args)\n        {\n            switch (arg)\n            {\n");
        for (int i = 0; i < snippets.Count; i++)
        {
            if (snippets[i].DeclaresTree)
            {
                code.Append(CultureInfo.InvariantCulture, $"                case \"{i}\": LINQPad.Util.CurrentQueryPath = @\"{snippets[i].Source}\"; Snippets.Snippet{i}.Run(); break;\n");
            }
        }

        return code.Append("            }\n        }\n    }\n}\n").ToString();
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
