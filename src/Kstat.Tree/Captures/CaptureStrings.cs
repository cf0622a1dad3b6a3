namespace Kstat.Tree;

/// <summary>
/// One shared string for each distinct text of a capture: modules, names, classes, statistic names and text values
/// repeat in every kstat of a kind, and a kstat's id and a schema compare their names by reference.
/// </summary>
internal sealed class CaptureStrings
{
    private readonly Dictionary<string, string> _strings = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _bySpan;

    public CaptureStrings() => _bySpan = _strings.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Returns the shared string with these characters, making it the first time (a text seen before costs no allocation).</summary>
    public string Intern(ReadOnlySpan<char> text)
    {
        if (_bySpan.TryGetValue(text, out var shared))
        {
            return shared;
        }

        string made = text.ToString();
        _strings.Add(made, made);
        return made;
    }
}
