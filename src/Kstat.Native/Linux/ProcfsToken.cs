namespace Kstat.Native;

/// <summary>A whitespace-separated field of a procfs line and its 1-based column (and, for key/value files, its line).</summary>
internal readonly record struct ProcfsToken(string Text, int Column)
{
    public ProcfsLine Line { get; init; }
}
