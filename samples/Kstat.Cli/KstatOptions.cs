using Kstat.Tree;

namespace Kstat.Cli;

/// <summary>A parsed kstat(1) command line.</summary>
internal sealed record KstatOptions
{
    /// <summary>Gets a value indicating whether parseable lines are printed (<c>-p</c>, also set by <c>-C</c> and <c>-l</c>).</summary>
    public bool Parseable { get; init; }

    /// <summary>Gets a value indicating whether the value follows a colon instead of a TAB (<c>-C</c>).</summary>
    public bool Colon { get; init; }

    /// <summary>Gets a value indicating whether only the names are listed (<c>-l</c>).</summary>
    public bool NamesOnly { get; init; }

    /// <summary>Gets a value indicating whether JSON is printed (<c>-j</c>).</summary>
    public bool Json { get; init; }

    /// <summary>Gets a value indicating whether nothing is printed and only the exit status tells (<c>-q</c>).</summary>
    public bool Quiet { get; init; }

    /// <summary>Gets the timestamp printed at the start of each round (<c>-T</c>).</summary>
    public TimestampFormat Timestamp { get; init; }

    /// <summary>Gets the selectors, in command-line order, each already carrying the <c>-c</c> class pattern.</summary>
    public IReadOnlyList<KstatSelector> Selectors { get; init; } = [KstatSelector.All];

    /// <summary>Gets the interval in seconds, or 0 to print once.</summary>
    public int Interval { get; init; }

    /// <summary>Gets the number of rounds, or <c>null</c> for as many as there are (forever on a live machine).</summary>
    public int? Count { get; init; } = 1;

    /// <summary>Gets the capture to read instead of the running machine (<c>--file</c>), or <c>null</c>.</summary>
    public string? CapturePath { get; init; }
}
