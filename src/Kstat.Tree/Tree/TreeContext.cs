using System.Runtime.InteropServices;

namespace Kstat.Tree;

/// <summary>What every node of one tree shares: the chain, the options, and whether the tree is disposed.</summary>
internal sealed class TreeContext(IKstatChain chain, KstatTreeOptions options)
{
    private volatile bool _disposed;
    private long _tickets;

    public IKstatChain Chain { get; } = chain;

    public KstatTreeOptions Options { get; } = options;

    public bool IsDisposed => _disposed;

    public void MarkDisposed() => _disposed = true;

    public void ThrowIfDisposed() => ObjectDisposedException.ThrowIf(_disposed, typeof(KstatTree));

    /// <summary>Reads a kstat, applies the tree's options to the values, and tickets the reading in read order.</summary>
    /// <remarks>The ticket is drawn before the chain is read: of two racing reads of one kstat, the one that began
    /// later holds the newer data, whichever finishes first.</remarks>
    public KstatReading Read(KstatHeader header)
    {
        long ticket = Interlocked.Increment(ref _tickets);
        return Prepare(Chain.Read(header), ticket);
    }

    /// <summary>Reads a batch of kstats through the chain's <see cref="IKstatBatchReader"/>; returns the ticket of the
    /// first, the others following in order. Each reading is to go through <see cref="Prepare"/> with its ticket.</summary>
    /// <remarks>The batch's tickets are drawn before it begins: a read that begins after the batch (it waits for the
    /// chain's lock) gets a later ticket and newer data, as with reads one by one.</remarks>
    public long ReadBatch(IKstatBatchReader reader, ReadOnlySpan<KstatHeader> headers, Span<KstatReading?> readings, Span<Exception?> errors)
    {
        long first = Interlocked.Add(ref _tickets, headers.Length) - headers.Length + 1;
        reader.ReadBatch(headers, readings, errors);
        return first;
    }

    /// <summary>Applies the tree's options to a reading from the chain and tickets it.</summary>
    public KstatReading Prepare(KstatReading reading, long ticket) =>
        (Options.StripStrings ? Strip(reading) : reading).WithTicket(ticket);

    private static KstatReading Strip(KstatReading reading)
    {
        var values = reading.Values;
        KstatValue[]? stripped = null;
        for (int i = 0; i < values.Length; i++)
        {
            if (values[i].Kind == KstatValueKind.Char)
            {
                var s = values[i].StripNul();
                if (s.GetCharBytes().Length != values[i].GetCharBytes().Length) // a NUL was cut (values equal by their text either way)
                {
                    stripped ??= [.. values];
                    stripped[i] = s;
                }
            }
        }

        // The copy made above becomes the reading's own array: no second copy.
        return stripped is null ? reading : new KstatReading(reading.SnapTime, reading.Schema, ImmutableCollectionsMarshal.AsImmutableArray(stripped));
    }
}
