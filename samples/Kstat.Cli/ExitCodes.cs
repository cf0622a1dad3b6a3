namespace Kstat.Cli;

/// <summary>kstat(1)'s exit statuses.</summary>
internal static class ExitCodes
{
    /// <summary>At least one statistic matched (also: <c>-h</c>).</summary>
    public const int Matched = 0;

    /// <summary>Nothing matched.</summary>
    public const int NothingMatched = 1;

    /// <summary>A usage error.</summary>
    public const int Usage = 2;

    /// <summary>A fatal error: the kstats could not be opened or read (kstat_open failed; here also a bad capture).</summary>
    public const int Fatal = 3;
}
