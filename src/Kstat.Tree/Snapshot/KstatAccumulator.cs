namespace Kstat.Tree;

/// <summary>One statistic as a capture printed it, with where it was printed (for errors).</summary>
/// <param name="Name">The statistic name.</param>
/// <param name="Text">The value as printed; for a JSON string, the unescaped text.</param>
/// <param name="Quoted">Whether the value was a JSON string (always text, whatever it looks like).</param>
/// <param name="Line">The 1-based line of the value.</param>
/// <param name="Column">The 1-based column of the value.</param>
internal readonly record struct RawStatistic(string Name, string Text, bool Quoted, int Line, int Column);

/// <summary>The lines of one kstat in one round of a capture, gathered before they are typed.</summary>
internal sealed class KstatAccumulator(string module, int instance, string name)
{
    public string Module { get; } = module;

    public int Instance { get; } = instance;

    public string Name { get; } = name;

    /// <summary>Gets or sets the class from the <c>class</c> line, the human header or the JSON member.</summary>
    public string? Class { get; set; }

    /// <summary>Gets or sets the type a JSON capture gives; <c>null</c> when it must be inferred.</summary>
    public KstatType? Type { get; set; }

    public RawStatistic? CrTime { get; private set; }

    public RawStatistic? SnapTime { get; private set; }

    /// <summary>Gets the statistics in the order printed, without the pseudo-statistics; a name may repeat (the last wins later).</summary>
    public List<RawStatistic> Statistics { get; } = [];

    /// <summary>Adds a printed statistic: <c>class</c>, <c>crtime</c> and <c>snaptime</c> go to the header; empty names are skipped as kstat(1) skips them.</summary>
    public void Add(RawStatistic statistic)
    {
        switch (statistic.Name)
        {
            case "":
                break;
            case "class":
                Class = statistic.Text;
                break;
            case "crtime":
                CrTime = statistic;
                break;
            case "snaptime":
                SnapTime = statistic;
                break;
            default:
                Statistics.Add(statistic);
                break;
        }
    }
}
