namespace Kstat.Reliability.Tests.Support;

/// <summary>The errno values the faults inject (Linux numbering, which the double uses).</summary>
public static class Errno
{
    public const int ENXIO = 6;
    public const int EAGAIN = 11;
    public const int EIO = 5;
    public const int ENOMEM = 12;
}
