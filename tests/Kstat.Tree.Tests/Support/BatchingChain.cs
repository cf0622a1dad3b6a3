using Kstat.Tree;

namespace Kstat.Tree.Tests.Support;

/// <summary>
/// Wraps a chain and adds <see cref="IKstatBatchReader"/>: a batch reads each header through the inner chain's
/// <see cref="IKstatChain.Read"/>, catching each failure into its slot, and records the batches it was given.
/// </summary>
public sealed class BatchingChain(IKstatChain inner) : IKstatChain, IKstatBatchReader
{
    private readonly Lock _lock = new();
    private readonly List<KstatHeader[]> _batches = [];
    private int _singleReads;

    public IKstatChain Inner { get; } = inner;

    /// <summary>Gets the headers of every batch read so far, in order.</summary>
    public IReadOnlyList<KstatHeader[]> Batches
    {
        get
        {
            lock (_lock)
            {
                return [.. _batches];
            }
        }
    }

    /// <summary>Gets how many times <see cref="Read"/> was called (outside batches).</summary>
    public int SingleReads => Volatile.Read(ref _singleReads);

    /// <summary>Gets or sets a hook run at the end of each batch: the kstats were read, nothing published yet.</summary>
    public Action? OnBatchRead { get; set; }

    public long ChainId => Inner.ChainId;

    public IReadOnlyList<KstatHeader> Headers => Inner.Headers;

    public bool Update() => Inner.Update();

    public KstatReading Read(KstatHeader header)
    {
        Interlocked.Increment(ref _singleReads);
        return Inner.Read(header);
    }

    public void ReadBatch(ReadOnlySpan<KstatHeader> headers, Span<KstatReading?> readings, Span<Exception?> errors)
    {
        lock (_lock)
        {
            _batches.Add(headers.ToArray());
        }

        for (int i = 0; i < headers.Length; i++)
        {
            try
            {
                readings[i] = Inner.Read(headers[i]);
                errors[i] = null;
            }
            catch (Exception e)
            {
                readings[i] = null;
                errors[i] = e;
            }
        }

        OnBatchRead?.Invoke();
    }

    public void Dispose() => Inner.Dispose();
}
