namespace Kstat.Tree;

/// <summary>What a capture's builder knows of a kstat from the rounds before: what keeps its kid, type and schema stable.</summary>
/// <param name="Header">Its last header: the kid given to it, the <c>crtime</c> it had (another one means a re-created
/// kstat, with a new kid) and its type; shared with the next round when nothing in it changed.</param>
/// <param name="TypeSettled">Whether a round with data (or a JSON type) fixed the type; until then it is inferred again.</param>
/// <param name="Schema">The names of its last reading, shared with the next reading that has the same names.</param>
internal readonly record struct CaptureIdentity(KstatHeader Header, bool TypeSettled, KstatSchema? Schema)
{
    public long Kid => Header.Kid;

    public long CrTime => Header.CrTime;

    public KstatType Type => Header.Type;
}
