namespace Kstat.Reliability.Tests.Churn;

/// <summary>The tree and the model disagree after a churn step.</summary>
public sealed class ChurnMismatchException(string message) : Exception(message);
