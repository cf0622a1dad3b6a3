namespace Kstat.Samples;

/// <summary>The exporter's exit statuses, in the spirit of kstat(1)'s.</summary>
internal static class ExitCodes
{
    /// <summary>Stopped by SIGINT or SIGTERM after serving.</summary>
    public const int Stopped = 0;

    /// <summary>A selector selects no numeric statistic (kstat(1) says 1 when nothing matched).</summary>
    public const int NothingSelected = 1;

    /// <summary>The command line is wrong: an unknown option, a bad selector or address.</summary>
    public const int Usage = 2;

    /// <summary>The kstats or the capture cannot be opened, or the address cannot be listened on.</summary>
    public const int CannotServe = 3;
}
