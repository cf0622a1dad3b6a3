namespace Kstat.Reliability.Tests.Churn;

/// <summary>What one churn step does.</summary>
public enum ChurnOpKind
{
    Add,
    Remove,
    Recreate,
    Set,
    Grow,
    FailRead,
    FailUpdate,
    FailChainAlloc,
    Read,
    Update,
}
