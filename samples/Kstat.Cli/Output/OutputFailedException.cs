namespace Kstat.Cli.Output;

/// <summary>stdout could not be written (a full disk, an I/O error); the command stops with one line on stderr.</summary>
/// <remarks>A reader that went away is not one of these: that ends the process by SIGPIPE, as it ends kstat(1).</remarks>
internal sealed class OutputFailedException : Exception
{
    public OutputFailedException()
        : base("The standard output could not be written.")
    {
    }

    public OutputFailedException(Exception innerException)
        : base(innerException.Message, innerException)
    {
    }

    public OutputFailedException(string message)
        : base(message)
    {
    }

    public OutputFailedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
