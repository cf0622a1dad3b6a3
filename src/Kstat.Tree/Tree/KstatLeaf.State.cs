using System.Diagnostics;

namespace Kstat.Tree;

/// <content>
/// The leaf's state and the only code that changes it. Two kinds of writer: any thread's first read turns an unread
/// state into a read one, by compare-and-swap; every other change (an update's re-read, rebinding and detaching, and
/// <see cref="Reset"/>) is made under the tree's update lock, so a state that holds a reading has one writer at a time.
/// </content>
public sealed partial class KstatLeaf
{
    // The leaf's whole state, swapped as one reference: its bound KstatHeader alone while it was never read nor changed
    // (a tree over tens of thousands of unread kstats then keeps no state object per leaf), afterwards a LeafState.
    // Every change makes a new LeafState and the bare header never comes back, so a compare-and-swap against the state
    // a thread saw succeeds only if the leaf did not change since.
    private object _state;

    /// <summary>Gets the leaf's state now, without reading and without checking for disposal.</summary>
    internal LeafState StateNow => Volatile.Read(ref _state) is var state && state is LeafState held ? held : new LeafState((KstatHeader)state, null);

    /// <summary>Gets the header the leaf is bound to now, without checking for disposal.</summary>
    internal KstatHeader BoundHeader => HeaderOf(Volatile.Read(ref _state));

    /// <summary>Gets the reading the leaf holds now, or <c>null</c>, without checking for disposal.</summary>
    internal KstatReading? HeldReading => (Volatile.Read(ref _state) as LeafState)?.Reading;

    /// <summary>Gets the leaf's state if it holds a reading and its kstat is in the chain (what an update re-reads), else <c>null</c>.</summary>
    internal LeafState? StateToReRead => Volatile.Read(ref _state) is LeafState { Reading: not null, IsValid: true } held ? held : null;

    /// <summary>Gets whether the kstat is still in the chain, without checking for disposal.</summary>
    internal bool IsValidUnchecked => IsValidState(Volatile.Read(ref _state));

    /// <summary>Forgets the values read, as Perl's CLEAR (<c>%$leaf = ()</c>) does: the next access reads again, and <see cref="KstatTree.Update"/> skips the leaf until then.</summary>
    /// <remarks>Waits for an update in progress.</remarks>
    /// <exception cref="ObjectDisposedException">The tree is disposed.</exception>
    public void Reset()
    {
        lock (_context.UpdateLock)
        {
            _context.ThrowIfDisposed();

            // A reading's only other writer is the update, which holds the lock; readers only ever publish onto an unread state.
            if (Volatile.Read(ref _state) is LeafState { Reading: not null } held)
            {
                Volatile.Write(ref _state, new LeafState(held.Header, null, held.IsValid));
            }
        }
    }

    /// <summary>Returns the leaf's state with a reading, reading the kstat first if the leaf holds none.</summary>
    /// <returns>A state whose <see cref="LeafState.Reading"/> is not null.</returns>
    /// <exception cref="KstatNotFoundException">The kstat is gone and the leaf holds no reading.</exception>
    /// <exception cref="ObjectDisposedException">The tree is disposed.</exception>
    internal LeafState ReadState()
    {
        _context.ThrowIfDisposed();
        var seen = Volatile.Read(ref _state);
        return seen is LeafState { Reading: not null } held ? held : ReadFirst(seen);
    }

    /// <summary>
    /// A first read by any thread: reads the kstat the leaf is bound to and publishes the reading only if the leaf did
    /// not change meanwhile. If it changed, a reading published since is used as it is (it is no older than this one);
    /// a leaf rebound to a re-created kstat is read again from the new header.
    /// </summary>
    private LeafState ReadFirst(object seen)
    {
        while (true)
        {
            var header = HeaderOf(seen);
            if (!IsValidState(seen))
            {
                throw new KstatNotFoundException($"The kstat '{Key}' was removed from the chain before it was read.", Key);
            }

            KstatReading reading;
            try
            {
                reading = _context.Read(header);
            }
            catch (KstatNotFoundException e)
            {
                // The chain no longer has this incarnation. An update may be rebinding the leaf to a re-created kstat or
                // detaching it: wait for the update in progress, if any, then look again.
                _context.WaitForUpdate();
                var now = Volatile.Read(ref _state);
                if (ReferenceEquals(now, seen))
                {
                    throw e.Key == Key ? e : new KstatNotFoundException($"The kstat '{Key}' no longer exists: {e.Message}", Key, e.Errno);
                }

                seen = now;
                if (seen is LeafState { Reading: not null } current)
                {
                    return current;
                }

                continue;
            }

            var published = new LeafState(header, reading);
            var now2 = Interlocked.CompareExchange(ref _state, published, seen);
            if (ReferenceEquals(now2, seen))
            {
                return published;
            }

            if (now2 is LeafState { Reading: not null } newer)
            {
                return newer; // another reader or an update published after this read began
            }

            if (LeafState.SameIncarnation(HeaderOf(now2), header))
            {
                return published; // reset or detached since: this caller gets its read, the leaf stays as it is now
            }

            seen = now2; // rebound to a re-created kstat: read that one
        }
    }

    /// <summary>Publishes an update's re-read of the kstat the leaf was bound to when <paramref name="seen"/> was taken.</summary>
    /// <remarks>Under the update lock. <paramref name="seen"/> held a reading, so nothing but the lock's holder can have
    /// changed it since: readers only publish onto an unread state, and <see cref="Reset"/> takes the lock.</remarks>
    internal void PublishReRead(LeafState seen, KstatReading reading)
    {
        Debug.Assert(ReferenceEquals(Volatile.Read(ref _state), seen), "a read leaf changed outside the update lock");
        Volatile.Write(ref _state, new LeafState(seen.Header, reading, seen.IsValid));
    }

    /// <summary>Binds the leaf to a new header (a re-created kstat, or fresh header fields) with the reading taken from it,
    /// or none; whatever the leaf held is replaced, since it belongs to the old header. Only <see cref="KstatTree.Update"/> calls it.</summary>
    internal void Bind(KstatHeader header, KstatReading? reading) => Volatile.Write(ref _state, new LeafState(header, reading));

    /// <summary>Marks the leaf as removed from the chain; the values read stay. Only <see cref="KstatTree.Update"/> calls it.</summary>
    internal void Detach()
    {
        while (true)
        {
            var seen = Volatile.Read(ref _state);
            if (TrySwap(seen, new LeafState(HeaderOf(seen), (seen as LeafState)?.Reading, isValid: false)))
            {
                return;
            }
        }
    }

    private static KstatHeader HeaderOf(object state) => state as KstatHeader ?? ((LeafState)state).Header;

    private static bool IsValidState(object state) => state is not LeafState { IsValid: false };

    private bool TrySwap(object seen, LeafState next) => ReferenceEquals(Interlocked.CompareExchange(ref _state, next, seen), seen);
}
