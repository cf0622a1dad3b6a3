namespace Kstat.Tree;

/// <summary>The type of a kstat's data, as <c>ks_type</c> holds it (<c>KSTAT_TYPE_*</c> in sys/kstat.h).</summary>
public enum KstatType
{
    /// <summary><c>KSTAT_TYPE_RAW</c>: a C structure only a decoder for that kstat understands.</summary>
    Raw = 0,

    /// <summary><c>KSTAT_TYPE_NAMED</c>: name/value pairs.</summary>
    Named = 1,

    /// <summary><c>KSTAT_TYPE_INTR</c>: interrupt counts (hard, soft, watchdog, spurious, multiple_service).</summary>
    Intr = 2,

    /// <summary><c>KSTAT_TYPE_IO</c>: I/O counts and queue times.</summary>
    Io = 3,

    /// <summary><c>KSTAT_TYPE_TIMER</c>: an event timer.</summary>
    Timer = 4,
}
