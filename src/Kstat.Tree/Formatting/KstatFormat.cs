namespace Kstat.Tree;

/// <summary>Prints a tree, or some of its leaves, as illumos kstat(1) does: <c>-p</c>, <c>-j</c> or the human format.</summary>
/// <remarks>
/// Kstats are printed in kstat(1)'s order (module and name case-insensitively, instance numerically; see
/// <see cref="KstatOrder"/>). Printing reads every leaf not read yet; a leaf whose kstat is gone
/// (<see cref="KstatNotFoundException"/>) is printed as kstat(1) prints a failed read: <c>crtime</c> (and
/// <c>class</c>) only. For options (<c>-C</c>, <c>-l</c>, <c>-j -p</c>, a statistic filter, several rounds) use
/// <see cref="KstatParseableWriter"/>, <see cref="KstatJsonWriter"/> and <see cref="KstatHumanWriter"/> over
/// <see cref="Records(IEnumerable{KstatLeaf})"/>.
/// </remarks>
public static class KstatFormat
{
    /// <summary>Prints every kstat of a tree as <c>kstat -p</c> does.</summary>
    /// <param name="writer">Where to write.</param>
    /// <param name="tree">The tree.</param>
    /// <returns>The number of kstats printed.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static int WriteParseable(TextWriter writer, KstatTree tree) => WriteParseable(writer, Leaves(tree));

    /// <summary>Prints kstats as <c>kstat -p</c> does.</summary>
    /// <param name="writer">Where to write.</param>
    /// <param name="leaves">The kstats, in any order.</param>
    /// <returns>The number of kstats printed.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static int WriteParseable(TextWriter writer, IEnumerable<KstatLeaf> leaves)
    {
        var output = new KstatParseableWriter(writer);
        return Records(leaves).Count(record => output.Write(record) > 0);
    }

    /// <summary>Prints every kstat of a tree as <c>kstat -j</c> does (one round).</summary>
    /// <param name="writer">Where to write.</param>
    /// <param name="tree">The tree.</param>
    /// <returns>The number of kstats printed.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static int WriteJson(TextWriter writer, KstatTree tree) => WriteJson(writer, Leaves(tree));

    /// <summary>Prints kstats as <c>kstat -j</c> does (one round).</summary>
    /// <param name="writer">Where to write.</param>
    /// <param name="leaves">The kstats, in any order.</param>
    /// <returns>The number of kstats printed.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static int WriteJson(TextWriter writer, IEnumerable<KstatLeaf> leaves)
    {
        var output = new KstatJsonWriter(writer);
        var records = Records(leaves);
        output.BeginRound();
        int count = records.Count(record => output.Write(record) > 0);
        output.EndRound();
        return count;
    }

    /// <summary>Prints every kstat of a tree in kstat(1)'s default (human) format.</summary>
    /// <param name="writer">Where to write.</param>
    /// <param name="tree">The tree.</param>
    /// <returns>The number of kstats printed.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static int WriteHuman(TextWriter writer, KstatTree tree) => WriteHuman(writer, Leaves(tree));

    /// <summary>Prints kstats in kstat(1)'s default (human) format.</summary>
    /// <param name="writer">Where to write.</param>
    /// <param name="leaves">The kstats, in any order.</param>
    /// <returns>The number of kstats printed.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static int WriteHuman(TextWriter writer, IEnumerable<KstatLeaf> leaves)
    {
        var output = new KstatHumanWriter(writer);
        return Records(leaves).Count(record => output.Write(record) > 0);
    }

    /// <summary>Reads leaves into records in kstat(1)'s order, for the writers.</summary>
    /// <param name="leaves">The kstats, in any order.</param>
    /// <returns>One record per leaf; a leaf whose kstat is gone gives a record with no reading.</returns>
    /// <remarks>Reads every leaf not read yet, all before the first record is returned.</remarks>
    /// <exception cref="ArgumentNullException"><paramref name="leaves"/> is null.</exception>
    public static IReadOnlyList<KstatRecord> Records(IEnumerable<KstatLeaf> leaves)
    {
        ArgumentNullException.ThrowIfNull(leaves);
        var records = new List<KstatRecord>();
        foreach (var leaf in leaves)
        {
            KstatRecord record;
            try
            {
                // One state of the leaf: the header of the kstat the values were read from.
                var state = leaf.ReadState();
                record = new KstatRecord(state.Header, state.Reading);
            }
            catch (KstatNotFoundException)
            {
                record = new KstatRecord(leaf.Header, null);
            }

            records.Add(record);
        }

        records.Sort((x, y) => KstatOrder.Compare(x.Header, y.Header));
        return records;
    }

    private static IEnumerable<KstatLeaf> Leaves(KstatTree tree)
    {
        ArgumentNullException.ThrowIfNull(tree);
        return tree.Leaves();
    }
}
