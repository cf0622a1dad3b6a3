namespace Kstat.Tree;

/// <summary>
/// The order kstat(1) prints the statistics of a schema in, worked out once per schema: a writer keeps one, so that a
/// dump sorts each shape of kstat once rather than every kstat (the order depends on the names alone).
/// </summary>
/// <remarks>Not thread safe, like the writers that keep it.</remarks>
internal sealed class StatisticOrders
{
    private readonly Dictionary<KstatSchema, int[]> _orders = [];
    private KstatStatistics.Entry[] _scratch = new KstatStatistics.Entry[32];

    /// <summary>Sorts the entries listed for a reading of this schema (see <see cref="KstatStatistics.List"/>).</summary>
    public void Sort(Span<KstatStatistics.Entry> entries, KstatSchema schema)
    {
        if (!_orders.TryGetValue(schema, out var order) || order.Length != entries.Length)
        {
            entries.Sort(KstatStatistics.InsertionOrder);
            order = new int[entries.Length];
            for (int i = 0; i < order.Length; i++)
            {
                order[i] = entries[i].Order;
            }

            _orders[schema] = order;
            return;
        }

        if (_scratch.Length < entries.Length)
        {
            _scratch = new KstatStatistics.Entry[entries.Length];
        }

        var listed = _scratch.AsSpan(0, entries.Length);
        entries.CopyTo(listed);
        for (int i = 0; i < order.Length; i++)
        {
            entries[i] = listed[order[i]];
        }
    }
}
