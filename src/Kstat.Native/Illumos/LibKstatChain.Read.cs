using Kstat.Tree;
using static Interop.Kstat;

namespace Kstat.Native;

/// <content>Reading kstats: one (<see cref="Read"/>) or a batch under one lock (<see cref="ReadBatch"/>).</content>
public sealed partial class LibKstatChain
{
    /// <inheritdoc/>
    /// <remarks>One <c>kstat_read</c> and a decode, under the handle's lock.</remarks>
    /// <exception cref="ArgumentNullException"><paramref name="header"/> is null.</exception>
    /// <exception cref="KstatNotFoundException">The kstat is not in the chain any more, or <c>kstat_read</c> failed with <c>ENXIO</c>.</exception>
    /// <exception cref="UnauthorizedAccessException"><c>kstat_read</c> failed with <c>EACCES</c> or <c>EPERM</c>.</exception>
    /// <exception cref="KstatException"><c>kstat_read</c> failed otherwise, or the data is too small for its type.</exception>
    /// <exception cref="ObjectDisposedException">The chain is disposed.</exception>
    public unsafe KstatReading Read(KstatHeader header)
    {
        ArgumentNullException.ThrowIfNull(header);
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            bool added = false;
            try
            {
                _handle.DangerousAddRef(ref added);
                return ReadLocked(_handle.Control, header);
            }
            finally
            {
                if (added)
                {
                    _handle.DangerousRelease();
                }
            }
        }
    }

    /// <inheritdoc/>
    void IKstatBatchReader.ReadBatch(ReadOnlySpan<KstatHeader> headers, Span<KstatReading?> readings, Span<Exception?> errors) =>
        ReadBatch(headers, readings, errors);

    /// <summary>Reads each of <paramref name="headers"/>, in order, as <see cref="Read"/> would (<see cref="IKstatBatchReader"/>).</summary>
    /// <remarks>
    /// <para>Takes the handle's lock and a reference on the handle once for the whole batch, calls <c>kstat_read</c> for
    /// every kstat, then decodes them all: each kstat keeps its own <c>ks_data</c>, so
    /// the data of one read stays put until the decode, and the native reads run back to back as C would run them.
    /// Readers on other threads wait for the batch: a tree updates in batches of a few hundred kstats, microseconds
    /// each.</para>
    /// <para>A failure of one kstat (gone, <c>ENXIO</c>, any other errno, data too small) goes to its slot
    /// of <paramref name="errors"/> and the batch goes on.</para>
    /// </remarks>
    /// <exception cref="ArgumentException"><paramref name="readings"/> or <paramref name="errors"/> is shorter than <paramref name="headers"/>.</exception>
    /// <exception cref="ObjectDisposedException">The chain is disposed.</exception>
    internal unsafe void ReadBatch(ReadOnlySpan<KstatHeader> headers, Span<KstatReading?> readings, Span<Exception?> errors)
    {
        if (readings.Length < headers.Length || errors.Length < headers.Length)
        {
            throw new ArgumentException(
                $"{headers.Length} headers need as many result slots; {readings.Length} readings and {errors.Length} errors were given.",
                readings.Length < headers.Length ? nameof(readings) : nameof(errors));
        }

        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            bool added = false;
            try
            {
                _handle.DangerousAddRef(ref added);
                var kc = _handle.Control;
                var entries = _entries;
                int next = 0;
                for (int i = 0; i < headers.Length; i++)
                {
                    readings[i] = null;
                    try
                    {
                        var header = headers[i] ?? throw new ArgumentNullException(nameof(headers), $"Header {i} is null.");
                        ReadNative(kc, ref entries[EntryOf(entries, header, ref next)]);
                        errors[i] = null;
                    }
                    catch (Exception e)
                    {
                        // Whatever Read would have thrown for this kstat is its result; the caller decides what is fatal.
                        errors[i] = e;
                    }
                }

                next = 0;
                for (int i = 0; i < headers.Length; i++)
                {
                    if (errors[i] is null)
                    {
                        try
                        {
                            readings[i] = Decode(ref entries[EntryOf(entries, headers[i], ref next)], _shapes);
                        }
                        catch (Exception e)
                        {
                            errors[i] = e;
                        }
                    }
                }
            }
            finally
            {
                if (added)
                {
                    _handle.DangerousRelease();
                }
            }
        }
    }

    /// <summary>Reads one kstat; call under <see cref="_lock"/> with a reference on the handle.</summary>
    private unsafe KstatReading ReadLocked(kstat_ctl_t* kc, KstatHeader header)
    {
        var entries = _entries;
        int next = 0;
        ref var entry = ref entries[EntryOf(entries, header, ref next)];
        ReadNative(kc, ref entry);
        return Decode(ref entry, _shapes);
    }

    /// <summary>Finds the entry of a header's kstat, or throws <see cref="KstatNotFoundException"/> when it is not in the chain.</summary>
    /// <param name="entries">The entries, sorted by kid.</param>
    /// <param name="header">The kstat's header.</param>
    /// <param name="next">Where the entry is looked for first, then the index after the one found: a batch in chain order
    /// finds each kstat there without a bisection.</param>
    private static int EntryOf(Entry[] entries, KstatHeader header, ref int next)
    {
        long kid = header.Kid;
        int at = (uint)next < (uint)entries.Length && entries[next].Kid == kid ? next : Find(entries, kid);
        if (at < 0 || entries[at].Header is null)
        {
            throw new KstatNotFoundException(null, header.Key);
        }

        next = at + 1;
        return at;
    }

    /// <summary>Calls <c>kstat_read</c> into the kstat's own <c>ks_data</c>; throws when it fails.</summary>
    /// <remarks>No retry: libkstat retries the kernel's <c>EAGAIN</c> itself (see the class remarks).</remarks>
    private static unsafe void ReadNative(kstat_ctl_t* kc, ref Entry entry)
    {
        if (kstat_read(kc, entry.Ksp, null) == -1)
        {
            KstatErrno.Throw(KstatErrno.Last(), "kstat_read", entry.Header!.Key);
        }
    }

    /// <summary>Decodes what the last <c>kstat_read</c> of the entry's kstat left in its <c>ks_data</c>.</summary>
    private static unsafe KstatReading Decode(ref Entry entry, NamedShapes shapes)
    {
        // The header, not its key: the key string is made only for an error message, never per read.
        var ksp = entry.Ksp;
        var header = entry.Header!;
        return ksp->ks_type switch
        {
            KSTAT_TYPE_NAMED => (entry.Named ??= new NamedDecoder()).Decode(ksp, header, shapes),
            KSTAT_TYPE_INTR => KstatDecoder.Intr(ksp, header),
            KSTAT_TYPE_IO => KstatDecoder.Io(ksp, header),
            KSTAT_TYPE_TIMER => KstatDecoder.Timer(ksp, header),
            _ => entry.Raw is { } raw ? KstatDecoder.Raw(ksp, raw, header) : KstatDecoder.RawBytes(ksp),
        };
    }
}
