namespace Kstat.Cli.Output;

/// <summary>Chooses the output format the options ask for.</summary>
internal static class OutputFormats
{
    /// <summary>Creates the output: JSON (<c>-j</c>), parseable (<c>-p</c>, <c>-C</c>, <c>-l</c>), quiet (<c>-q</c>) or human.</summary>
    public static IKstatOutput Create(KstatOptions options, TextWriter writer) =>
        throw new NotSupportedException("The output formats need the snapshot writers, which have not landed yet.");
}
