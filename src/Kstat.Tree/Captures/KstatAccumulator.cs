namespace Kstat.Tree;

/// <summary>
/// The kstat a capture reader is reading: its header fields as the capture shows them and its statistics. The
/// builder has one and resets it for each kstat; what a kstat becomes is kept in a <see cref="CaptureEntry"/>.
/// </summary>
internal sealed class KstatAccumulator(CaptureBuilder builder)
{
    private readonly List<RawStatistic> _statistics = [];

    public KstatId Id { get; private set; }

    public string Module => Id.Module;

    public int Instance => Id.Instance;

    public string Name => Id.Name;

    /// <summary>Gets or sets the class from the <c>class</c> line, the human header or the JSON member.</summary>
    public string? Class { get; set; }

    /// <summary>Gets or sets the type a JSON capture gives; <c>null</c> when it must be inferred.</summary>
    public KstatType? Type { get; set; }

    public CaptureTime? CrTime { get; private set; }

    public CaptureTime? SnapTime { get; private set; }

    /// <summary>Gets the statistics in the order printed, without the pseudo-statistics; a name may repeat (the last wins later).</summary>
    public List<RawStatistic> Statistics => _statistics;

    /// <summary>Starts a kstat.</summary>
    public void Reset(KstatId id)
    {
        Id = id;
        _statistics.Clear();
        Class = null;
        Type = null;
        CrTime = null;
        SnapTime = null;
    }

    /// <summary>Starts a kstat again with what an earlier part of the round printed.</summary>
    public void Resume(KstatId id, CaptureEntry entry)
    {
        Id = id;
        _statistics.Clear();

        // What completion made of it gives back what it needs: a class and a crtime of "" and 0 count as absent.
        var header = entry.Header;
        Class = header.Class;
        Type = entry.TypeGiven ? header.Type : null;
        CrTime = new CaptureTime(header.CrTime, null, "crtime", 0, 0);
        SnapTime = entry.Reading is { } r ? new CaptureTime(r.SnapTime, null, "snaptime", 0, 0) : null;
        if (entry.Kept is { } kept)
        {
            _statistics.AddRange(kept);
        }
        else if (entry.Reading is { } reading)
        {
            var names = reading.Schema.Names;
            for (int i = 0; i < names.Length; i++)
            {
                _statistics.Add(new RawStatistic(names[i], CaptureValues.Renarrow(reading.Values[i]), Quoted: false));
            }
        }
    }

    /// <summary>Adds a statistic printed as text (<c>kstat -p</c>, the human format, an unquoted JSON value).</summary>
    /// <param name="name">The statistic name, interned.</param>
    /// <param name="text">The value as printed.</param>
    /// <param name="line">The 1-based line of the value.</param>
    /// <param name="column">The 1-based column of the value.</param>
    public void Add(string name, ReadOnlySpan<char> text, int line, int column) => Add(name, text, line, column, null);

    /// <summary>Adds a statistic printed as text, with the text value it most likely has (the kstat before had it on this line).</summary>
    /// <param name="name">The statistic name, interned.</param>
    /// <param name="text">The value as printed.</param>
    /// <param name="line">The 1-based line of the value.</param>
    /// <param name="column">The 1-based column of the value.</param>
    /// <param name="likely">An interned text value to take when the text is the same, or <c>null</c>.</param>
    /// <returns>The interned string when the value is text, else <c>null</c>.</returns>
    public string? Add(string name, ReadOnlySpan<char> text, int line, int column, string? likely)
    {
        switch (name)
        {
            case "":
                return null; // kstat(1) skips empty names
            case "class":
                Class = builder.Intern(text);
                return null;
            case "crtime":
                CrTime = CaptureTime.Parse(name, text, line, column);
                return null;
            case "snaptime":
                SnapTime = CaptureTime.Parse(name, text, line, column);
                return null;
        }

        if (CaptureValues.TryInferInteger(text, out var integer))
        {
            _statistics.Add(new RawStatistic(name, integer, Quoted: false));
            return null;
        }

        // Text values repeat (a CPU's brand, a state): one string each, as for names.
        string shared = likely is not null && text.SequenceEqual(likely) ? likely : builder.Intern(text);
        _statistics.Add(new RawStatistic(name, KstatValue.FromString(shared), Quoted: false));
        return shared;
    }

    /// <summary>Adds a JSON string value: always text, whatever it looks like.</summary>
    /// <param name="name">The statistic name, interned.</param>
    /// <param name="text">The unescaped string.</param>
    /// <param name="line">The 1-based line of the value.</param>
    /// <param name="column">The 1-based column of the value.</param>
    public void AddQuoted(string name, ReadOnlySpan<char> text, int line, int column)
    {
        if (name is "" or "class" or "crtime" or "snaptime")
        {
            Add(name, text, line, column);
            return;
        }

        _statistics.Add(new RawStatistic(name, KstatValue.FromString(builder.Intern(text)), Quoted: true));
    }
}
