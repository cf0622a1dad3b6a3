namespace Kstat.Tree;

/// <content>Refreshing the tree once per collection, and what the last refresh did.</content>
public sealed partial class KstatMeter
{
    private readonly Lock _lock = new();

    // The instruments observed since the last refresh: seeing one of them again means a new collection began.
    private readonly HashSet<object> _observedSinceRefresh = [];
    private long _generation;
    private int _refreshes;

    /// <summary>Gets how many times a collection refreshed the tree.</summary>
    public int Refreshes => Volatile.Read(ref _refreshes);

    /// <summary>Gets what the last refresh's <see cref="KstatTree.Update"/> reported, or <c>null</c> before the first.</summary>
    public KstatUpdate? LastUpdate { get; private set; }

    /// <summary>Gets why the last refresh failed, or <c>null</c> when it succeeded; the instruments then report the values held.</summary>
    public Exception? LastError { get; private set; }

    /// <summary>Called at the start of each instrument's callback: refreshes the tree if this callback opens a new collection.</summary>
    /// <param name="source">The instrument's source: seeing it again means a new collection began.</param>
    /// <returns>The generation the instrument's leaf list must match (it changes when the chain does).</returns>
    internal long BeginObserve(object source)
    {
        lock (_lock)
        {
            if (_observedSinceRefresh.Count == 0 || _observedSinceRefresh.Contains(source))
            {
                _observedSinceRefresh.Clear();
                Refresh();
            }

            _observedSinceRefresh.Add(source);
            return _generation;
        }
    }

    private void Refresh()
    {
        _refreshes++;
        try
        {
            var update = Tree.Update();
            LastUpdate = update;
            LastError = null;
            BeginCollectionErrors(update);
            if (update.Changed)
            {
                _generation++; // kstats came or went: each instrument matches its selection again
            }

            foreach (var source in _sources.Values)
            {
                source.ReadNew(_generation);
            }
        }
        catch (Exception e) when (e is KstatException or IOException or UnauthorizedAccessException)
        {
            // A failed update leaves the tree as it was; report the values held rather than break the exporter.
            LastError = e;
            BeginCollectionErrors(null);
        }
    }
}
