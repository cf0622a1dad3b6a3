namespace Kstat.Ecosystem.Tests.Support;

/// <summary>Finds the fenced code blocks of one language in a Markdown document.</summary>
public static class MarkdownCode
{
    /// <summary>Returns each <c>```language</c> block with the line its code starts on.</summary>
    /// <exception cref="FormatException">A block is not closed.</exception>
    public static IReadOnlyList<CodeSnippet> Blocks(string path, string text, string language, IReadOnlyList<string> usings)
    {
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var blocks = new List<CodeSnippet>();
        for (int i = 0; i < lines.Length; i++)
        {
            if (lines[i].Trim() != "```" + language)
            {
                continue;
            }

            int close = Array.FindIndex(lines, i + 1, l => l.Trim() == "```");
            if (close < 0)
            {
                throw new FormatException($"{path}:{i + 1}: the ```{language} block is never closed.");
            }

            blocks.Add(new CodeSnippet(path, i + 2, string.Join('\n', lines[(i + 1)..close]), usings));
            i = close;
        }

        return blocks;
    }
}
