namespace Kstat.Tree;

/// <summary>
/// Text that should hold kstats (a kstat(1) capture, a <c>/proc</c> file) is malformed; the exception
/// says where (source, line, column) and what was expected there.
/// </summary>
public class KstatFormatException : KstatException
{
    /// <summary>Initializes a new instance.</summary>
    /// <param name="problem">What was found and what was expected, without the position.</param>
    /// <param name="sourceName">The file name or another name of the input; <c>null</c> when it has none.</param>
    /// <param name="line">The 1-based line number.</param>
    /// <param name="column">The 1-based column number.</param>
    public KstatFormatException(string problem, string? sourceName, int line, int column)
        : base($"{sourceName ?? "<input>"}:{line}:{column}: {problem}")
    {
        Problem = problem;
        SourceName = sourceName;
        Line = line;
        Column = column;
    }

    /// <summary>Initializes a new instance with no position.</summary>
    public KstatFormatException()
    {
        Problem = string.Empty;
    }

    /// <summary>Initializes a new instance with a message and no position.</summary>
    /// <param name="message">What is wrong.</param>
    public KstatFormatException(string message)
        : base(message)
    {
        Problem = message;
    }

    /// <summary>Initializes a new instance with a message, an inner exception and no position.</summary>
    /// <param name="message">What is wrong.</param>
    /// <param name="innerException">The cause.</param>
    public KstatFormatException(string message, Exception? innerException)
        : base(message, innerException)
    {
        Problem = message;
    }

    /// <summary>Gets what was found and what was expected, without the position.</summary>
    public string Problem { get; }

    /// <summary>Gets the file name or other name of the input, or <c>null</c>.</summary>
    public string? SourceName { get; }

    /// <summary>Gets the 1-based line number, or 0 when unknown.</summary>
    public int Line { get; }

    /// <summary>Gets the 1-based column number, or 0 when unknown.</summary>
    public int Column { get; }
}
