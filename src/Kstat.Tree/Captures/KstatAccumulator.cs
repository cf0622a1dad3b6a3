using System.Runtime.InteropServices;

namespace Kstat.Tree;

/// <summary>
/// The kstat a capture reader is reading: its header fields as the capture shows them and its statistics, each typed
/// by its text alone. The builder has one and resets it for each kstat; what a kstat becomes is kept in a
/// <see cref="CompletedKstat"/>.
/// </summary>
internal sealed class KstatAccumulator(CaptureStrings strings)
{
    private readonly List<RawStatistic> _statistics = [];

    public KstatId Id { get; private set; }

    /// <summary>Gets or sets the class from the <c>class</c> line, the human header or the JSON member.</summary>
    public string? Class { get; set; }

    /// <summary>Gets or sets the type a JSON capture gives; <c>null</c> when it must be inferred.</summary>
    public KstatType? Type { get; set; }

    public CaptureTime? CrTime { get; private set; }

    public CaptureTime? SnapTime { get; private set; }

    /// <summary>Gets the statistics in the order printed, without the pseudo-statistics; a name may repeat until <see cref="Deduplicate"/>.</summary>
    public ReadOnlySpan<RawStatistic> Statistics => CollectionsMarshal.AsSpan(_statistics);

    public void Reset(KstatId id)
    {
        Id = id;
        _statistics.Clear();
        Class = null;
        Type = null;
        CrTime = null;
        SnapTime = null;
    }

    /// <summary>Starts a kstat again with what an earlier part of the round made of it.</summary>
    public void Resume(KstatId id, CompletedKstat earlier)
    {
        Reset(id);

        // A class and a crtime of "" and 0 are what completion made of absent ones: the same again.
        Class = earlier.Class;
        Type = earlier.GivenType;
        CrTime = new CaptureTime(earlier.CrTime, null, "crtime", 0, 0);
        if (earlier.Reading is not { } reading)
        {
            return; // printed without data: nothing more to take up
        }

        SnapTime = new CaptureTime(reading.SnapTime, null, "snaptime", 0, 0);
        if (earlier.Kept is { } kept)
        {
            _statistics.AddRange(kept);
            return;
        }

        var names = reading.Schema.Names;
        for (int i = 0; i < names.Length; i++)
        {
            _statistics.Add(new RawStatistic(names[i], CaptureValues.Renarrow(reading.Values[i]), Quoted: false));
        }
    }

    /// <summary>Adds a statistic, typed by its text: a canonical integer is a number, anything else (and a JSON string, whatever it looks like) text.</summary>
    /// <param name="name">The statistic name.</param>
    /// <param name="text">The value as printed, or a JSON string unescaped.</param>
    /// <param name="line">The 1-based line of the value.</param>
    /// <param name="column">The 1-based column of the value.</param>
    /// <param name="quoted">Whether the value was a JSON string.</param>
    public void Add(ReadOnlySpan<char> name, ReadOnlySpan<char> text, int line, int column, bool quoted = false)
    {
        switch (name)
        {
            case "":
                return; // kstat(1) skips empty names
            case "class":
                Class = strings.Intern(text);
                return;
            case "crtime":
                CrTime = CaptureTime.Parse("crtime", text, line, column);
                return;
            case "snaptime":
                SnapTime = CaptureTime.Parse("snaptime", text, line, column);
                return;
        }

        var value = !quoted && CaptureValues.TryInferInteger(text, out var integer) ? integer : KstatValue.FromString(strings.Intern(text));
        _statistics.Add(new RawStatistic(strings.Intern(name), value, quoted));
    }

    /// <summary>Leaves each name once: its last value, at its first position.</summary>
    public void Deduplicate()
    {
        var first = new Dictionary<string, int>(_statistics.Count, StringComparer.Ordinal);
        int count = 0;
        for (int i = 0; i < _statistics.Count; i++)
        {
            var statistic = _statistics[i];
            if (first.TryGetValue(statistic.Name, out int at))
            {
                _statistics[at] = statistic;
            }
            else
            {
                first.Add(statistic.Name, count);
                _statistics[count++] = statistic;
            }
        }

        _statistics.RemoveRange(count, _statistics.Count - count);
    }
}
