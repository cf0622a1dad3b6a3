namespace Kstat.Tree;

/// <summary>What a round makes of a kstat's lines: what its header and reading are made of, and what taking it up again needs.</summary>
/// <param name="Class">Its class; empty when the capture does not show it.</param>
/// <param name="GivenType">The type the capture gave (JSON), or <c>null</c> when it was inferred.</param>
/// <param name="Type">Its type.</param>
/// <param name="TypeSettled">Whether <paramref name="Type"/> is fixed for the rounds after (see <see cref="CaptureKstat.TypeSettled"/>).</param>
/// <param name="CrTime">Its <c>crtime</c> in nanoseconds; 0 when not printed.</param>
/// <param name="Reading">Its reading, or <c>null</c> when the capture printed no data for it.</param>
/// <param name="Kept">The statistics as printed when the reading cannot give them back (a time parsed from seconds, a JSON string), else <c>null</c>.</param>
internal readonly record struct CompletedKstat(
    string Class, KstatType? GivenType, KstatType Type, bool TypeSettled, long CrTime, KstatReading? Reading, RawStatistic[]? Kept);
