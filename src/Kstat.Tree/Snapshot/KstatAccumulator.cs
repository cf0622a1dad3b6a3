namespace Kstat.Tree;

/// <summary>
/// One kstat of the round in progress: its header fields as the capture shows them, its statistics while it is
/// the kstat being read, and what <see cref="CaptureBuilder"/> made of them once it moved on.
/// </summary>
internal sealed class KstatAccumulator(KstatId id, CaptureBuilder builder)
{
    public KstatId Id { get; } = id;

    public string Module => Id.Module;

    public int Instance => Id.Instance;

    public string Name => Id.Name;

    /// <summary>Gets or sets the class from the <c>class</c> line, the human header or the JSON member.</summary>
    public string? Class { get; set; }

    /// <summary>Gets or sets the type a JSON capture gives; <c>null</c> when it must be inferred.</summary>
    public KstatType? Type { get; set; }

    public CaptureTime? CrTime { get; private set; }

    public CaptureTime? SnapTime { get; private set; }

    /// <summary>Gets or sets the list the statistics go to while this is the kstat being read (the builder's), else <c>null</c>.</summary>
    public List<RawStatistic>? Statistics { get; set; }

    /// <summary>Gets or sets the header made when the kstat was completed; <c>null</c> while it is being read.</summary>
    public KstatHeader? Header { get; set; }

    /// <summary>Gets or sets the reading made when the kstat was completed (<c>null</c>: no data printed).</summary>
    public KstatReading? Reading { get; set; }

    /// <summary>Gets or sets the statistics as printed, kept only when the reading's values cannot give them back (for a kstat printed again later in the round).</summary>
    public RawStatistic[]? Kept { get; set; }

    /// <summary>Gets or sets what the builder knew of this kstat before it completed it in this round.</summary>
    public CaptureIdentity? PreviousIdentity { get; set; }

    /// <summary>Gets or sets the id given to this kstat as a new one in this round, so that completing it again keeps it.</summary>
    public long? FreshKid { get; set; }

    /// <summary>Adds a statistic printed as text (<c>kstat -p</c>, the human format, an unquoted JSON value).</summary>
    /// <param name="name">The statistic name, interned.</param>
    /// <param name="text">The value as printed.</param>
    /// <param name="line">The 1-based line of the value.</param>
    /// <param name="column">The 1-based column of the value.</param>
    public void Add(string name, ReadOnlySpan<char> text, int line, int column)
    {
        switch (name)
        {
            case "":
                break; // kstat(1) skips empty names
            case "class":
                Class = builder.Intern(text);
                break;
            case "crtime":
                CrTime = CaptureTime.Parse(name, text, line, column);
                break;
            case "snaptime":
                SnapTime = CaptureTime.Parse(name, text, line, column);
                break;
            default:
                Statistics!.Add(new RawStatistic(name, CaptureValues.Infer(text), Quoted: false));
                break;
        }
    }

    /// <summary>Adds a JSON string value: always text, whatever it looks like.</summary>
    /// <param name="name">The statistic name, interned.</param>
    /// <param name="text">The unescaped string.</param>
    /// <param name="line">The 1-based line of the value.</param>
    /// <param name="column">The 1-based column of the value.</param>
    public void AddQuoted(string name, string text, int line, int column)
    {
        if (name is "" or "class" or "crtime" or "snaptime")
        {
            Add(name, text, line, column);
            return;
        }

        Statistics!.Add(new RawStatistic(name, KstatValue.FromString(text), Quoted: true));
    }
}
