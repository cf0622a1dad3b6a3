namespace Kstat.Cli;

/// <summary>Opens stdout so that a reader that went away (<c>kstat -p 1 | head</c>) is noticed.</summary>
internal static class StandardOutput
{
    /// <summary>Opens stdout: file descriptor 1 written with <c>write(2)</c> (<see cref="DescriptorStream"/>), or the console stream on Windows.</summary>
    /// <remarks>
    /// A pipe whose reader has gone reports <c>EPIPE</c> as an <see cref="IOException"/>, on which the command ends
    /// quietly (the console stream would drop it, and an endless interval run would go on after <c>head</c> exits); a
    /// file is written at the descriptor's offset, which it shares with the shell (<c>(…; kstat; …) &gt; file</c>).
    /// </remarks>
    public static Stream Open() => OperatingSystem.IsWindows() ? Console.OpenStandardOutput() : new DescriptorStream(1);
}
