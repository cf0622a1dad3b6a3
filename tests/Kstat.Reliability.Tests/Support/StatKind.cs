namespace Kstat.Reliability.Tests.Support;

/// <summary>The named statistic types the churn uses, numbered as <c>KSTAT_DATA_*</c>.</summary>
public enum StatKind
{
    Int32 = 1,
    UInt32 = 2,
    Int64 = 3,
    UInt64 = 4,
}
