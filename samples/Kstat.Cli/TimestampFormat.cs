namespace Kstat.Cli;

/// <summary>How each round is stamped (<c>-T</c>).</summary>
internal enum TimestampFormat
{
    /// <summary>No timestamp line.</summary>
    None,

    /// <summary><c>-T u</c>: seconds since the epoch, <c>time(2)</c>.</summary>
    Unix,

    /// <summary><c>-T d</c>: the date as date(1) prints it.</summary>
    Date,
}
