namespace Kstat.Tree;

/// <content>
/// The leaf's state: the header it is bound to, the reading it holds and whether the kstat is in the chain.
/// Each is one reference (or flag) written atomically; a reading is immutable, so readers never see a torn one.
/// </content>
public sealed partial class KstatLeaf
{
    private KstatHeader _header;
    private KstatReading? _reading;
    private volatile bool _valid = true;

    internal KstatHeader BoundHeader => Volatile.Read(ref _header);

    internal bool IsReadUnchecked => Volatile.Read(ref _reading) is not null;

    internal bool IsValidUnchecked => _valid;

    /// <summary>Forgets the values read, as Perl's CLEAR (<c>%$leaf = ()</c>) does: the next access reads again, and <see cref="KstatTree.Update"/> skips the leaf until then.</summary>
    /// <exception cref="ObjectDisposedException">The tree is disposed.</exception>
    public void Reset()
    {
        _context.ThrowIfDisposed();
        Volatile.Write(ref _reading, null);
    }

    /// <summary>Returns the reading held, reading the kstat first if there is none.</summary>
    internal KstatReading EnsureRead()
    {
        _context.ThrowIfDisposed();
        var reading = Volatile.Read(ref _reading);
        if (reading is not null)
        {
            return reading;
        }

        if (!_valid)
        {
            throw new KstatNotFoundException(Key, $"The kstat '{Key}' was removed from the chain before it was read.");
        }

        try
        {
            reading = _context.Read(BoundHeader);
        }
        catch (KstatNotFoundException e) when (e.Key != Key)
        {
            throw new KstatNotFoundException(Key, $"The kstat '{Key}' no longer exists: {e.Message}", e.Errno);
        }

        // Another thread (a reader or Update) may have published a reading meanwhile: the newest wins.
        return Publish(reading);
    }

    /// <summary>Publishes a reading unless the leaf already holds a newer one; returns the reading now held.</summary>
    internal KstatReading Publish(KstatReading reading)
    {
        while (true)
        {
            var held = Volatile.Read(ref _reading);
            if (held is not null && held.SnapTime > reading.SnapTime)
            {
                return held;
            }

            if (ReferenceEquals(Interlocked.CompareExchange(ref _reading, reading, held), held))
            {
                return reading;
            }
        }
    }

    /// <summary>Binds the leaf to another kstat with the same key (a re-created kstat, or fresh header fields).</summary>
    internal void Rebind(KstatHeader header)
    {
        Volatile.Write(ref _header, header);
        _valid = true;
    }

    /// <summary>Marks the leaf as removed from the chain; the values read stay.</summary>
    internal void Detach() => _valid = false;
}
