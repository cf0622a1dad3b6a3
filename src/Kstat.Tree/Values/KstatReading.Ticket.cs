namespace Kstat.Tree;

/// <content>
/// The tree's bookkeeping on a reading: the ticket of the read that produced it, so a leaf keeps the newest read
/// whatever order racing reads finish in; and the reset marker a leaf holds after <see cref="KstatLeaf.Reset"/>.
/// </content>
public sealed partial class KstatReading
{
    private static readonly KstatSchema ResetMarkerSchema = new([]);

    // 0 until a tree assigns it; the first tree read that returns this object wins (a chain may hand out one
    // immutable reading more than once, as a capture does within a round: the data is the same either way).
    private long _ticket;

    private KstatReading(long ticket)
    {
        Schema = ResetMarkerSchema;
        _values = [];
        _ticket = ticket;
    }

    /// <summary>Gets the ticket of the read that produced this reading, or 0 before a tree published it.</summary>
    internal long Ticket => Volatile.Read(ref _ticket);

    /// <summary>Gets a value indicating whether this is the marker a reset leaf holds in place of a reading.</summary>
    internal bool IsResetMarker => ReferenceEquals(Schema, ResetMarkerSchema);

    /// <summary>Creates the marker a leaf holds after a reset: it remembers the ticket of the reading dropped, so a read
    /// that began before that reading cannot be published after the reset.</summary>
    internal static KstatReading ResetMarker(long ticket) => new(ticket);

    /// <summary>Assigns the ticket of the read that returned this reading, unless an earlier read already did.</summary>
    internal KstatReading WithTicket(long ticket)
    {
        Interlocked.CompareExchange(ref _ticket, ticket, 0);
        return this;
    }
}
