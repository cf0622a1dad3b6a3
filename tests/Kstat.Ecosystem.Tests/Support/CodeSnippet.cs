namespace Kstat.Ecosystem.Tests.Support;

/// <summary>C# statements taken from a document, with where they came from so compiler errors point back there.</summary>
/// <param name="Source">The document's path.</param>
/// <param name="Line">The 1-based line of the first statement in the document.</param>
/// <param name="Code">The statements.</param>
/// <param name="Usings">Namespaces the document brings into scope.</param>
public sealed record CodeSnippet(string Source, int Line, string Code, IReadOnlyList<string> Usings)
{
    /// <summary>Gets a value indicating whether the snippet opens its own tree <c>ks</c>; otherwise the harness hands it one.</summary>
    public bool DeclaresTree => System.Text.RegularExpressions.Regex.IsMatch(Code, @"\b(var|KstatTree)\s+ks\b");

    public override string ToString() => $"{System.IO.Path.GetFileName(Source)}:{Line}";
}
