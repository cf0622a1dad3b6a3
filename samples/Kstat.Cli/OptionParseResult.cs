namespace Kstat.Cli;

/// <summary>What parsing a command line gave: options to run with, or text for stderr and an exit status.</summary>
internal sealed record OptionParseResult
{
    private OptionParseResult(KstatOptions? options, string errorText, int exitCode)
    {
        Options = options;
        ErrorText = errorText;
        ExitCode = exitCode;
    }

    /// <summary>Gets the options, or <c>null</c> when the command must stop with <see cref="ErrorText"/> and <see cref="ExitCode"/>.</summary>
    public KstatOptions? Options { get; }

    /// <summary>Gets the text for stderr (messages, then the usage), exactly as illumos kstat(1) prints it.</summary>
    public string ErrorText { get; }

    /// <summary>Gets the exit status when <see cref="Options"/> is null: 0 after <c>-h</c>, 2 after a usage error.</summary>
    public int ExitCode { get; }

    public static OptionParseResult Run(KstatOptions options) => new(options, string.Empty, ExitCodes.Matched);

    public static OptionParseResult Stop(string errorText, int exitCode) => new(null, errorText, exitCode);
}
