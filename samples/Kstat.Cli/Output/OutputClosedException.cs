namespace Kstat.Cli.Output;

/// <summary>stdout was closed by its reader; the command ends quietly.</summary>
internal sealed class OutputClosedException : Exception
{
    public OutputClosedException()
        : base("The standard output was closed.")
    {
    }

    public OutputClosedException(Exception innerException)
        : base("The standard output was closed.", innerException)
    {
    }

    public OutputClosedException(string message)
        : base(message)
    {
    }

    public OutputClosedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
