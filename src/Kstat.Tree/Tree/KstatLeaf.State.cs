namespace Kstat.Tree;

/// <content>The leaf's state: which kstat it is bound to and the reading it holds, swapped as one immutable object.</content>
public sealed partial class KstatLeaf
{
    private LeafState _state;

    private LeafState State
    {
        get
        {
            _context.ThrowIfDisposed();
            return Volatile.Read(ref _state);
        }
    }

    /// <summary>Forgets the values read, as Perl's CLEAR (<c>%$leaf = ()</c>) does: the next access reads again, and <see cref="KstatTree.Update"/> skips the leaf until then.</summary>
    /// <exception cref="ObjectDisposedException">The tree is disposed.</exception>
    public void Reset()
    {
        _context.ThrowIfDisposed();
        Swap(static s => s with { Reading = null });
    }

    internal LeafState CurrentState => Volatile.Read(ref _state);

    internal KstatReading EnsureRead() => EnsureReadState().Reading!;

    /// <summary>Returns a state that holds a reading, reading the kstat first if needed.</summary>
    internal LeafState EnsureReadState()
    {
        var state = State;
        if (state.Reading is not null)
        {
            return state;
        }

        if (!state.IsValid)
        {
            throw new KstatNotFoundException(Key, $"The kstat '{Key}' was removed from the chain before it was read.");
        }

        KstatReading reading;
        try
        {
            reading = _context.Read(state.Header);
        }
        catch (KstatNotFoundException e) when (e.Key != Key)
        {
            throw new KstatNotFoundException(Key, $"The kstat '{Key}' no longer exists: {e.Message}", e.Errno);
        }

        // Another thread (a reader or Update) may have published a reading meanwhile: the newest wins.
        return Publish(reading);
    }

    /// <summary>Publishes a reading unless the leaf already holds a newer one; returns the state now held.</summary>
    internal LeafState Publish(KstatReading reading) =>
        Swap(s => s.Reading is { } held && held.SnapTime > reading.SnapTime ? s : s with { Reading = reading });

    /// <summary>Binds the leaf to another kstat with the same key (a re-created kstat).</summary>
    internal void Rebind(KstatHeader header) => Swap(s => s with { Header = header, IsValid = true });

    /// <summary>Marks the leaf as removed from the chain; the values read stay.</summary>
    internal void Detach() => Swap(static s => s with { IsValid = false });

    private LeafState Swap(Func<LeafState, LeafState> change)
    {
        while (true)
        {
            var before = Volatile.Read(ref _state);
            var after = change(before);
            if (ReferenceEquals(after, before) || ReferenceEquals(Interlocked.CompareExchange(ref _state, after, before), before))
            {
                return after;
            }
        }
    }

    /// <summary>One immutable state: the header bound, the reading held (or none), and whether the kstat is in the chain.</summary>
    internal sealed record LeafState(KstatHeader Header, KstatReading? Reading, bool IsValid);
}
