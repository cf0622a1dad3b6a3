using System.Globalization;

namespace Kstat.Tree;

/// <summary>
/// The objects the <c>ToDump()</c> methods hand to LINQPad: plain rows whose public properties LINQPad renders as
/// tables, with <see cref="Lazy{T}"/> (which LINQPad shows as a link evaluated on click) wherever showing more would read.
/// </summary>
/// <remarks>Building a row never reads a kstat; only evaluating a <see cref="Lazy{T}"/> of an unread leaf does.</remarks>
internal static class KstatDump
{
    /// <summary>A module as one row of the tree's table; its instances come on click.</summary>
    internal sealed record ModuleRow(string Module, int Instances, int Kstats, Lazy<object> Contents);

    /// <summary>An instance as one row of a module's table, with its kstats (headers only, nothing read).</summary>
    internal sealed record InstanceRow(int Instance, IReadOnlyList<LeafRow> Kstats);

    /// <summary>A kstat as one row: its header, and its statistics if read, or a link that reads them.</summary>
    internal sealed record LeafRow(string Name, string Class, KstatType Type, decimal CrTime, string State, object Statistics);

    /// <summary>A leaf on its own: the header fields, then the statistics or a link that reads them.</summary>
    internal sealed record LeafView(string Key, string Class, KstatType Type, decimal CrTime, decimal? SnapTime, string State, object Statistics);

    internal static IReadOnlyList<ModuleRow> Tree(KstatTree tree) =>
        tree.Values
            .OrderBy(m => m.Name, KstatOrder.Names)
            .Select(m => new ModuleRow(m.Name, m.Count, m.Values.Sum(i => i.Count), new Lazy<object>(() => Module(m))))
            .ToList();

    internal static IReadOnlyList<InstanceRow> Module(KstatModule module) =>
        module.Values.OrderBy(i => i.Instance).Select(i => new InstanceRow(i.Instance, Instance(i))).ToList();

    internal static IReadOnlyList<LeafRow> Instance(KstatInstance instance) =>
        instance.Values
            .OrderBy(l => l.Name, KstatOrder.Names)
            .Select(l => (Leaf: l, State: State(l)))
            .Select(s => new LeafRow(s.Leaf.Name, s.State.Header.Class, s.State.Header.Type, Seconds(s.State.Header.CrTime), StateOf(s.State), Statistics(s.Leaf, s.State)))
            .ToList();

    internal static LeafView Leaf(KstatLeaf leaf)
    {
        // One state of the leaf: the header shown is the one the values were read from.
        var state = State(leaf);
        var header = state.Header;
        return new LeafView(leaf.Key, header.Class, header.Type, Seconds(header.CrTime), state.Reading is { } reading ? Seconds(reading.SnapTime) : null,
            StateOf(state), Statistics(leaf, state));
    }

    private static LeafState State(KstatLeaf leaf)
    {
        _ = leaf.Header; // throws once the tree is disposed
        return leaf.StateNow;
    }

    /// <summary>The statistics held, or, for an unread leaf, a link that reads it when clicked.</summary>
    private static object Statistics(KstatLeaf leaf, LeafState state) =>
        state.Reading is { } reading ? Values(reading) : new Lazy<object>(() => Values(leaf.GetReading()));

    /// <summary>Name → value in the order read, as plain .NET values LINQPad aligns and formats (times in seconds).</summary>
    internal static IReadOnlyDictionary<string, object> Values(KstatReading reading)
    {
        var values = new Dictionary<string, object>(reading.Count, StringComparer.Ordinal);
        foreach (var (name, value) in reading)
        {
            values[name] = Plain(value);
        }

        return values;
    }

    internal static object Plain(KstatValue value) => value.Kind switch
    {
        KstatValueKind.Int32 or KstatValueKind.Int64 => value.ToInt64(),
        KstatValueKind.UInt32 or KstatValueKind.UInt64 => value.ToUInt64(),
        KstatValueKind.Double => value.ToDouble(),
        KstatValueKind.HrTime => value.ToDecimal(), // exact seconds
        _ => value.ToString(),
    };

    // Exact: nanoseconds / 10^9 as a decimal keeps every digit a double would round.
    private static decimal Seconds(long nanoseconds) => nanoseconds / 1_000_000_000m;

    private static string StateOf(LeafState state) => (state.IsValid, state.Reading is not null) switch
    {
        (true, true) => "read",
        (true, false) => "unread",
        (false, true) => "removed (values kept)",
        (false, false) => "removed",
    };
}
