namespace Kstat.Tree;

/// <summary>What a <see cref="KstatValue"/> holds: the <c>KSTAT_DATA_*</c> types plus high-resolution times.</summary>
public enum KstatValueKind
{
    /// <summary>No value: <c>default(KstatValue)</c>, what <c>GetValueOrDefault</c> gives for a missing statistic. It converts to nothing.</summary>
    None = 0,

    /// <summary>A C <c>char</c> array (<c>KSTAT_DATA_CHAR</c>, 16 bytes; also the timer name and NFS strings): raw bytes.</summary>
    Char = 1,

    /// <summary>A signed 32-bit integer (<c>KSTAT_DATA_INT32</c>).</summary>
    Int32 = 2,

    /// <summary>An unsigned 32-bit integer (<c>KSTAT_DATA_UINT32</c>).</summary>
    UInt32 = 3,

    /// <summary>A signed 64-bit integer (<c>KSTAT_DATA_INT64</c>).</summary>
    Int64 = 4,

    /// <summary>An unsigned 64-bit integer (<c>KSTAT_DATA_UINT64</c>).</summary>
    UInt64 = 5,

    /// <summary>A double (the obsolete <c>KSTAT_DATA_FLOAT</c> and <c>KSTAT_DATA_DOUBLE</c>).</summary>
    Double = 6,

    /// <summary>A string (<c>KSTAT_DATA_STRING</c>, or text from a capture).</summary>
    String = 7,

    /// <summary>A high-resolution time (<c>hrtime_t</c>) in nanoseconds: <c>crtime</c>, <c>snaptime</c>, I/O and timer times.</summary>
    HrTime = 8,
}
