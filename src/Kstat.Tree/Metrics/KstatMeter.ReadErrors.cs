using System.Diagnostics.Metrics;

namespace Kstat.Tree;

/// <content>Reads that fail during a collection: counted per kstat, published as a counter, and left out of that collection.</content>
public sealed partial class KstatMeter
{
    /// <summary>The name of the counter of failed kstat reads, <c>kstat.read_errors</c>, tagged <c>module</c>, <c>instance</c> and <c>name</c>.</summary>
    public const string ReadErrorsInstrumentName = "kstat.read_errors";

    // Its own lock: instruments take it while holding theirs, so it is never held while taking another.
    private readonly Lock _errorsLock = new();
    private readonly Dictionary<string, (KstatHeader Header, long Count)> _readErrors = new(StringComparer.Ordinal);
    private readonly HashSet<string> _failedThisCollection = new(StringComparer.Ordinal);
    private readonly object _readErrorsObserver = new();
    private long _readErrorTotal;

    /// <summary>Gets how many kstat reads failed during collections since the meter was created (re-reads in the refresh's update and first reads of new kstats, both made when a collection begins).</summary>
    /// <remarks>A kstat that vanished before its read is not a failure. Each failure is also counted by the instrument named
    /// <see cref="ReadErrorsInstrumentName"/>, and the kstat is left out of that collection: a gap, not stale values.</remarks>
    public long ReadErrors => Interlocked.Read(ref _readErrorTotal);

    /// <summary>Tells whether the kstat's read failed in the collection under way; its instruments then skip it.</summary>
    internal bool ReadFailedInThisCollection(string key)
    {
        lock (_errorsLock)
        {
            return _failedThisCollection.Contains(key);
        }
    }

    /// <summary>Counts a failed read of a kstat, once per collection however many of its statistics are published.</summary>
    internal void CountReadError(KstatHeader header)
    {
        lock (_errorsLock)
        {
            if (!_failedThisCollection.Add(header.Key))
            {
                return;
            }

            long count = _readErrors.TryGetValue(header.Key, out var known) ? known.Count : 0;
            _readErrors[header.Key] = (header, count + 1);
            Interlocked.Increment(ref _readErrorTotal);
        }
    }

    /// <summary>Starts a collection's bookkeeping: forgets which reads failed in the last one and counts the update's failed re-reads.</summary>
    private void BeginCollectionErrors(KstatUpdate? update)
    {
        lock (_errorsLock)
        {
            _failedThisCollection.Clear();
        }

        foreach (var error in update?.ReadErrors ?? [])
        {
            CountReadError(error.Header);
        }
    }

    private ObservableCounter<long> CreateReadErrorsInstrument() =>
        Meter.CreateObservableCounter(ReadErrorsInstrumentName, ObserveReadErrors, unit: null,
            "kstat reads that failed during a collection; the kstat is left out of that collection");

    private List<Measurement<long>> ObserveReadErrors()
    {
        try
        {
            BeginObserve(_readErrorsObserver); // its first callback of a collection refreshes the tree like any other
        }
        catch (ObjectDisposedException)
        {
            return [];
        }

        lock (_errorsLock)
        {
            return _readErrors.Values.Select(e => new Measurement<long>(e.Count, KstatInstrumentSource.Tags(e.Header))).ToList();
        }
    }
}
