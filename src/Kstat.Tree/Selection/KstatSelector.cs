using System.Diagnostics;
using System.Globalization;

namespace Kstat.Tree;

/// <summary>
/// Chooses kstats and their statistics the way kstat(1) does: <c>module[:instance[:name[:statistic]]]</c>
/// with a <see cref="KstatPattern"/> in each field (a glob, or <c>/ERE/</c>), plus the class pattern of <c>-c</c>.
/// </summary>
/// <remarks>
/// <para>A kstat is selected when its module, instance (matched as decimal text, so <c>1*</c> selects 1, 10, 11…),
/// name and class all match; its statistics are then filtered with <see cref="MatchesStatistic"/>. Everything
/// <see cref="Matches"/> looks at is in the <see cref="KstatHeader"/>, so choosing kstats reads no data.</para>
/// <para>Immutable and thread safe.</para>
/// </remarks>
/// <example>
/// <code>
/// var selector = KstatSelector.Parse("cpu_stat:::/idle|user/");
/// foreach (var header in selector.Select(chain.Headers))
/// {
///     var reading = chain.Read(header);
///     foreach (var (statistic, value) in reading)
///     {
///         if (selector.MatchesStatistic(statistic)) { /* … */ }
///     }
/// }
/// </code>
/// </example>
[DebuggerDisplay("{ToString(),nq}")]
public sealed class KstatSelector
{
    private KstatSelector(KstatPattern module, KstatPattern instance, KstatPattern name, KstatPattern statistic, KstatPattern @class)
    {
        Module = module;
        Instance = instance;
        Name = name;
        Statistic = statistic;
        Class = @class;
    }

    /// <summary>Gets the selector that selects every kstat and every statistic (<c>*:*:*:*</c>, any class).</summary>
    public static KstatSelector All { get; } = new(KstatPattern.Any, KstatPattern.Any, KstatPattern.Any, KstatPattern.Any, KstatPattern.Any);

    /// <summary>Gets the pattern for the module (<c>ks_module</c>).</summary>
    public KstatPattern Module { get; }

    /// <summary>Gets the pattern for the instance, matched against its decimal text.</summary>
    public KstatPattern Instance { get; }

    /// <summary>Gets the pattern for the name (<c>ks_name</c>).</summary>
    public KstatPattern Name { get; }

    /// <summary>Gets the pattern for statistic names.</summary>
    public KstatPattern Statistic { get; }

    /// <summary>Gets the pattern for the class (<c>ks_class</c>), kstat(1)'s <c>-c</c>.</summary>
    public KstatPattern Class { get; }

    /// <summary>
    /// Parses an operand of kstat(1), <c>module[:instance[:name[:statistic]]]</c>: the text is split at every
    /// <c>:</c>, a missing or empty field means <c>*</c>.
    /// </summary>
    /// <param name="selector">The selector, for example <c>cpu_stat:0</c>, <c>::/^sd[0-9]+$/</c> or <c>unix:0:system_pages:freemem</c>.</param>
    /// <returns>The selector, with the class pattern <c>*</c>.</returns>
    /// <remarks>As in kstat(1), a regular expression cannot contain <c>:</c>, because the split comes first.</remarks>
    /// <exception cref="ArgumentNullException"><paramref name="selector"/> is null.</exception>
    /// <exception cref="FormatException">The selector has more than four fields, or a field is a regular expression that
    /// illumos regcomp rejects (the message gives regcomp's reason and the column in <paramref name="selector"/>).</exception>
    public static KstatSelector Parse(string selector)
    {
        ArgumentNullException.ThrowIfNull(selector);
        string[] fields = selector.Split(':');
        if (fields.Length > 4)
        {
            throw new FormatException(
                $"The selector '{selector}' has {fields.Length} fields (the fifth starts at column {Column(fields, 4)}); expected module[:instance[:name[:statistic]]].");
        }

        KstatPattern Field(int i) => i < fields.Length && fields[i].Length > 0 ? ParseField(selector, fields, i) : KstatPattern.Any;
        return new KstatSelector(Field(0), Field(1), Field(2), Field(3), KstatPattern.Any);
    }

    /// <summary>
    /// Creates a selector from separate patterns, as kstat(1)'s <c>-m</c>, <c>-i</c>, <c>-n</c>, <c>-s</c> and
    /// <c>-c</c> options give them; a null pattern means <c>*</c>, an empty one matches only empty text.
    /// </summary>
    /// <param name="module">The module pattern.</param>
    /// <param name="instance">The instance pattern.</param>
    /// <param name="name">The name pattern.</param>
    /// <param name="statistic">The statistic pattern.</param>
    /// <param name="class">The class pattern.</param>
    /// <returns>The selector.</returns>
    /// <exception cref="FormatException">A pattern is a malformed regular expression.</exception>
    public static KstatSelector Create(string? module = null, string? instance = null, string? name = null, string? statistic = null, string? @class = null) =>
        new(Optional(module), Optional(instance), Optional(name), Optional(statistic), Optional(@class));

    /// <summary>Returns a copy of this selector that also requires the class to match <paramref name="class"/> (kstat(1)'s <c>-c</c>).</summary>
    /// <param name="class">The class pattern; null means <c>*</c>.</param>
    /// <returns>The new selector.</returns>
    /// <exception cref="FormatException">The pattern is a malformed regular expression.</exception>
    public KstatSelector WithClass(string? @class) => new(Module, Instance, Name, Statistic, Optional(@class));

    /// <summary>Tells whether a kstat is selected: its module, instance, name and class all match.</summary>
    /// <param name="header">The kstat's header; no data is read.</param>
    /// <returns><see langword="true"/> when it is selected.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="header"/> is null.</exception>
    public bool Matches(KstatHeader header)
    {
        ArgumentNullException.ThrowIfNull(header);
        return Module.IsMatch(header.Module)
            && Name.IsMatch(header.Name)
            && (Instance.MatchesAll || Instance.IsMatch(header.Instance.ToString(CultureInfo.InvariantCulture)))
            && Class.IsMatch(header.Class);
    }

    /// <summary>Tells whether a statistic of a selected kstat is selected.</summary>
    /// <param name="statistic">The statistic name (including kstat(1)'s pseudo-statistics <c>class</c>, <c>crtime</c>, <c>snaptime</c>).</param>
    /// <returns><see langword="true"/> when it is selected.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="statistic"/> is null.</exception>
    public bool MatchesStatistic(string statistic) => Statistic.IsMatch(statistic);

    /// <summary>Selects kstats from headers, in the order kstat(1) prints them (<see cref="KstatOrder"/>).</summary>
    /// <param name="headers">The headers in chain order, for example <see cref="IKstatChain.Headers"/>.</param>
    /// <returns>The selected headers, sorted; nothing is read.</returns>
    /// <remarks>
    /// kstat(1) sorts by inserting each kstat of the chain before the first one already listed that is not smaller,
    /// so kstats that compare equal (module and name equal but for case, at the same instance) come out with the
    /// later one in <paramref name="headers"/> first; so do they here.
    /// </remarks>
    /// <exception cref="ArgumentNullException"><paramref name="headers"/> is null.</exception>
    public IReadOnlyList<KstatHeader> Select(IEnumerable<KstatHeader> headers)
    {
        ArgumentNullException.ThrowIfNull(headers);
        var selected = new List<(KstatHeader Header, int Position)>();
        int position = 0;
        foreach (var header in headers)
        {
            if (Matches(header))
            {
                selected.Add((header, position));
            }

            position++;
        }

        selected.Sort(static (x, y) =>
        {
            int c = KstatOrder.CompareKeys(x.Header, y.Header);
            return c != 0 ? c : y.Position.CompareTo(x.Position);
        });
        return selected.ConvertAll(static s => s.Header);
    }

    /// <summary>Formats the selector as kstat(1) takes it, <c>module:instance:name:statistic</c>, followed by <c> class=…</c> when a class pattern is set.</summary>
    /// <returns>The text.</returns>
    public override string ToString()
    {
        string fields = string.Join(':', Module.Text, Instance.Text, Name.Text, Statistic.Text);
        return Class.MatchesAll ? fields : $"{fields} class={Class.Text}";
    }

    /// <summary>The 1-based column where field <paramref name="index"/> starts.</summary>
    private static int Column(string[] fields, int index) => 1 + fields.Take(index).Sum(f => f.Length + 1);

    private static KstatPattern Optional(string? pattern) => pattern is null ? KstatPattern.Any : KstatPattern.Parse(pattern);

    private static KstatPattern ParseField(string selector, string[] fields, int index)
    {
        try
        {
            return KstatPattern.Parse(fields[index]);
        }
        catch (PatternSyntaxException e)
        {
            // regcomp's reason first, as kstat(1) prints it, then where it is in the whole selector.
            throw new FormatException($"{e.Problem}: '{selector}' at column {Column(fields, index) + e.Index}", e);
        }
    }
}
