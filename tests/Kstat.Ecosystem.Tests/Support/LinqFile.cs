using System.Xml.Linq;

namespace Kstat.Ecosystem.Tests.Support;

/// <summary>A LINQPad query file: an XML header (<c>&lt;Query Kind="…"&gt;…&lt;/Query&gt;</c>), then the C# code.</summary>
public sealed class LinqFile
{
    private LinqFile(string path, XElement header, CodeSnippet code)
    {
        Path = path;
        Header = header;
        Code = code;
    }

    public string Path { get; }

    public XElement Header { get; }

    public string Kind => (string?)Header.Attribute("Kind") ?? "";

    public IEnumerable<string> NuGetReferences => Header.Elements("NuGetReference").Select(e => e.Value.Trim());

    public CodeSnippet Code { get; }

    /// <summary>Splits a .linq file into its header and code; the code keeps its line numbers in the file.</summary>
    /// <exception cref="FormatException">The file has no <c>&lt;Query&gt;</c> header.</exception>
    public static LinqFile Parse(string path, string text)
    {
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        int end = Array.FindIndex(lines, l => l.TrimEnd() == "</Query>");
        if (!lines[0].StartsWith("<Query ", StringComparison.Ordinal) || end < 0)
        {
            throw new FormatException($"{path}:1: expected a LINQPad header <Query Kind=\"...\"> ... </Query>.");
        }

        var header = XElement.Parse(string.Join('\n', lines[..(end + 1)]));
        int first = end + 1;
        while (first < lines.Length && lines[first].Trim().Length == 0)
        {
            first++;
        }

        var usings = header.Elements("Namespace").Select(e => e.Value.Trim()).ToList();
        return new LinqFile(path, header, new CodeSnippet(path, first + 1, string.Join('\n', lines[first..]), usings));
    }
}
