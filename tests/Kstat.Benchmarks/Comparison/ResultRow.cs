namespace Kstat.Benchmarks.Comparison;

/// <summary>One line of the comparison table.</summary>
/// <param name="Case">What was measured.</param>
/// <param name="Baseline">The baseline's figure, formatted (a time, or "—").</param>
/// <param name="CSharp">The C# figure, formatted.</param>
/// <param name="Ratio">C# / baseline, when the row compares two times.</param>
/// <param name="Target">The target, as written in the issue.</param>
/// <param name="Met">Whether the target is met; <c>null</c> for a row shown for information, without a target.</param>
/// <param name="AllocatedBytes">The managed bytes the C# side allocated per operation, when measured.</param>
internal sealed record ResultRow(string Case, string Baseline, string CSharp, double? Ratio, string Target, bool? Met, long? AllocatedBytes);
