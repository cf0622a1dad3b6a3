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

    internal bool IsReadUnchecked => HeldReading is not null;

    // The reading held, or null before the first read and after a reset (whose marker is not a reading).
    private KstatReading? HeldReading => Volatile.Read(ref _reading) is { IsResetMarker: false } held ? held : null;

    internal bool IsValidUnchecked => _valid;

    /// <summary>Forgets the values read, as Perl's CLEAR (<c>%$leaf = ()</c>) does: the next access reads again, and <see cref="KstatTree.Update"/> skips the leaf until then.</summary>
    /// <exception cref="ObjectDisposedException">The tree is disposed.</exception>
    public void Reset()
    {
        _context.ThrowIfDisposed();
        while (true)
        {
            var held = Volatile.Read(ref _reading);
            if (held is null || held.IsResetMarker)
            {
                return;
            }

            // The marker keeps the dropped reading's ticket: a read that began before it cannot come back after the reset.
            if (ReferenceEquals(Interlocked.CompareExchange(ref _reading, KstatReading.ResetMarker(held.Ticket), held), held))
            {
                return;
            }
        }
    }

    /// <summary>Returns the reading held, reading the kstat first if there is none.</summary>
    internal KstatReading EnsureRead()
    {
        _context.ThrowIfDisposed();
        var reading = HeldReading;
        if (reading is not null)
        {
            return reading;
        }

        if (!_valid)
        {
            throw new KstatNotFoundException($"The kstat '{Key}' was removed from the chain before it was read.", Key);
        }

        try
        {
            reading = _context.Read(BoundHeader);
        }
        catch (KstatNotFoundException e) when (e.Key != Key)
        {
            throw new KstatNotFoundException($"The kstat '{Key}' no longer exists: {e.Message}", Key, e.Errno);
        }

        // Another thread (a reader or Update) may have published a reading meanwhile: the newest read wins.
        return Publish(reading);
    }

    /// <summary>
    /// Publishes a reading unless the leaf holds one from a read that began later (or a reset after such a read);
    /// returns the reading to use now. Ordering by read tickets, not snaptime, keeps a leaf from ever going back in
    /// time even when a chain's snapshot times do not grow (a capture whose rounds lack them).
    /// </summary>
    internal KstatReading Publish(KstatReading reading)
    {
        while (true)
        {
            var held = Volatile.Read(ref _reading);
            if (held is not null && held.Ticket > reading.Ticket)
            {
                return held.IsResetMarker ? reading : held;
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
