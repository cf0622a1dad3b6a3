using Kstat.Tree;

namespace Kstat.Cli.Output;

/// <summary>One of kstat(1)'s output formats, written round by round.</summary>
/// <remarks>The command only talks to this interface; the formats themselves are the library's snapshot writers.</remarks>
internal interface IKstatOutput
{
    /// <summary>Starts a round (JSON opens its array here).</summary>
    void BeginRound();

    /// <summary>Writes one kstat, with the statistics <paramref name="statisticFilter"/> accepts.</summary>
    /// <param name="header">The kstat.</param>
    /// <param name="reading">What was read, or <c>null</c> when the read failed (kstat(1) then prints only <c>crtime</c>, and <c>class</c> with <c>-p</c>).</param>
    /// <param name="statisticFilter">The statistics to print, or <c>null</c> for all.</param>
    /// <returns>The number of statistics written (the pseudo-statistics included); 0 means the kstat was not printed.</returns>
    int Write(KstatHeader header, KstatReading? reading, Func<string, bool>? statisticFilter);

    /// <summary>Ends a round (JSON closes its array here).</summary>
    void EndRound();
}
