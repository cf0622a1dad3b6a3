namespace Kstat.Tree;

/// <summary>What a <see cref="KstatValue"/> holds: the <c>KSTAT_DATA_*</c> types plus high-resolution times.</summary>
public enum KstatValueKind
{
    /// <summary>A C <c>char</c> array (<c>KSTAT_DATA_CHAR</c>, 16 bytes; also the timer name and NFS strings): raw bytes.</summary>
    Char = 0,

    /// <summary>A signed 32-bit integer (<c>KSTAT_DATA_INT32</c>).</summary>
    Int32 = 1,

    /// <summary>An unsigned 32-bit integer (<c>KSTAT_DATA_UINT32</c>).</summary>
    UInt32 = 2,

    /// <summary>A signed 64-bit integer (<c>KSTAT_DATA_INT64</c>).</summary>
    Int64 = 3,

    /// <summary>An unsigned 64-bit integer (<c>KSTAT_DATA_UINT64</c>).</summary>
    UInt64 = 4,

    /// <summary>A double (the obsolete <c>KSTAT_DATA_FLOAT</c> and <c>KSTAT_DATA_DOUBLE</c>).</summary>
    Double = 5,

    /// <summary>A string (<c>KSTAT_DATA_STRING</c>, or text from a capture).</summary>
    String = 6,

    /// <summary>A high-resolution time (<c>hrtime_t</c>) in nanoseconds: <c>crtime</c>, <c>snaptime</c>, I/O and timer times.</summary>
    HrTime = 7,
}
