namespace Kstat.Tree;

/// <summary>A malformed regular expression: what is wrong (<c>regerror</c>'s words) and where.</summary>
/// <remarks>Internal: callers see a <see cref="FormatException"/>; the parts let a selector name the column in its own text.</remarks>
internal sealed class PatternSyntaxException : FormatException
{
    public PatternSyntaxException()
    {
        Problem = string.Empty;
        Pattern = string.Empty;
    }

    public PatternSyntaxException(string message)
        : base(message)
    {
        Problem = message;
        Pattern = string.Empty;
    }

    public PatternSyntaxException(string message, Exception innerException)
        : base(message, innerException)
    {
        Problem = message;
        Pattern = string.Empty;
    }

    /// <param name="error">What is wrong.</param>
    /// <param name="pattern">The pattern as written, slashes included.</param>
    /// <param name="index">The 0-based index in <paramref name="pattern"/> where it went wrong.</param>
    public PatternSyntaxException(RegexError error, string pattern, int index)
        : base($"{error.Text()}: '{pattern}' at column {index + 1}")
    {
        Problem = error.Text();
        Pattern = pattern;
        Index = index;
    }

    /// <summary>Gets <c>regerror</c>'s text for the problem.</summary>
    public string Problem { get; }

    /// <summary>Gets the pattern as written.</summary>
    public string Pattern { get; }

    /// <summary>Gets the 0-based index in <see cref="Pattern"/> where it went wrong.</summary>
    public int Index { get; }
}
