namespace Kstat.Tree;

/// <summary>What a capture's builder knows of a kstat from the rounds before: what keeps its kid, type and schema stable.</summary>
/// <param name="Kid">The kid given to it.</param>
/// <param name="CrTime">The <c>crtime</c> it had: another one means a re-created kstat, with a new kid.</param>
/// <param name="Type">Its type.</param>
/// <param name="TypeSettled">Whether a round with data (or a JSON type) fixed the type; until then it is inferred again.</param>
/// <param name="Schema">The names of its last reading, shared with the next reading that has the same names.</param>
/// <param name="Header">Its last header, shared with the next round when nothing in it changed.</param>
internal readonly record struct CaptureIdentity(long Kid, long CrTime, KstatType Type, bool TypeSettled, KstatSchema? Schema, KstatHeader Header);
