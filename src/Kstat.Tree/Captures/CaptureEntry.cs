namespace Kstat.Tree;

/// <summary>A kstat of the round in progress once completed: what the round shows, and what completing it again needs.</summary>
/// <param name="Identity">What the builder will know of it after this round; its header is the one the round shows.</param>
/// <param name="Reading">Its reading, or <c>null</c> when the capture printed no data for it.</param>
/// <param name="Kept">The statistics as printed when the reading cannot give them back (a time parsed from seconds, a JSON string), else <c>null</c>.</param>
/// <param name="TypeGiven">Whether the capture gave the type (JSON) rather than leaving it to be inferred.</param>
/// <param name="FreshKid">Whether its kid was new in this round (completing it again keeps that kid).</param>
internal readonly record struct CaptureEntry(CaptureIdentity Identity, KstatReading? Reading, RawStatistic[]? Kept, bool TypeGiven, bool FreshKid)
{
    public KstatHeader Header => Identity.Header;
}
