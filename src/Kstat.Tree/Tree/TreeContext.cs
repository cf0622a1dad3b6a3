using System.Runtime.InteropServices;

namespace Kstat.Tree;

/// <summary>What every node of one tree shares: the chain, the options, the update lock and whether the tree is disposed.</summary>
internal sealed class TreeContext(IKstatChain chain, KstatTreeOptions options)
{
    private volatile bool _disposed;

    public IKstatChain Chain { get; } = chain;

    public KstatTreeOptions Options { get; } = options;

    /// <summary>Gets the lock that serialises <see cref="KstatTree.Update"/> and <see cref="KstatTree.Dispose"/>.</summary>
    public Lock UpdateLock { get; } = new();

    public bool IsDisposed => _disposed;

    public void MarkDisposed() => _disposed = true;

    public void ThrowIfDisposed() => ObjectDisposedException.ThrowIf(_disposed, typeof(KstatTree));

    /// <summary>Returns once no update is in progress: a reader that found its kstat gone waits here for the update
    /// that rebinds or detaches its leaf. Updates never wait for readers, so this cannot deadlock.</summary>
    public void WaitForUpdate()
    {
        lock (UpdateLock)
        {
        }
    }

    /// <summary>Reads a kstat and applies the tree's options to the values.</summary>
    public KstatReading Read(KstatHeader header) => Prepare(Chain.Read(header));

    /// <summary>
    /// Reads kstats as <see cref="Read"/> would, each into its own slot: the reading, or the exception its read threw.
    /// A chain that is an <see cref="IKstatBatchReader"/> reads them under one lock; any other chain one by one.
    /// </summary>
    public void ReadMany(ReadOnlySpan<KstatHeader> headers, Span<KstatReading?> readings, Span<Exception?> errors)
    {
        if (Chain is IKstatBatchReader batch)
        {
            batch.ReadBatch(headers, readings, errors);
        }
        else
        {
            for (int i = 0; i < headers.Length; i++)
            {
                try
                {
                    readings[i] = Chain.Read(headers[i]);
                    errors[i] = null;
                }
                catch (Exception e)
                {
                    // Whatever the read threw is its result, as a batch reader reports it; the caller decides what is fatal.
                    readings[i] = null;
                    errors[i] = e;
                }
            }
        }

        for (int i = 0; i < headers.Length; i++)
        {
            if (readings[i] is { } reading)
            {
                readings[i] = Prepare(reading);
            }
            else
            {
                errors[i] ??= new KstatException($"The chain returned neither a reading nor an error for '{headers[i].Key}'.");
            }
        }
    }

    /// <summary>Applies the tree's options to a reading from the chain.</summary>
    private KstatReading Prepare(KstatReading reading) => Options.StripStrings ? Strip(reading) : reading;

    private static KstatReading Strip(KstatReading reading)
    {
        var values = reading.Values;
        var span = values.AsSpan(); // by reference: this runs for every reading, and a value is 24 bytes
        KstatValue[]? stripped = null;
        for (int i = 0; i < span.Length; i++)
        {
            if (span[i].Kind == KstatValueKind.Char)
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
