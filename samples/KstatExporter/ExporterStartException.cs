namespace Kstat.Samples;

/// <summary>Why the exporter cannot start, in one line, with the exit status the command ends with.</summary>
internal sealed class ExporterStartException(int exitCode, string message, Exception? inner = null) : Exception(message, inner)
{
    public int ExitCode { get; } = exitCode;
}
