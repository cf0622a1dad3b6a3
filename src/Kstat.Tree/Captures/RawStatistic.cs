namespace Kstat.Tree;

/// <summary>One statistic as a capture printed it, typed by its text alone until its kstat's type is known.</summary>
/// <param name="Name">The statistic name (interned).</param>
/// <param name="Value">The value by its text (<see cref="CaptureValues.Infer(ReadOnlySpan{char})"/>), or the string of a quoted JSON value.</param>
/// <param name="Quoted">Whether the value was a JSON string (text, whatever the kstat's type says).</param>
internal readonly record struct RawStatistic(string Name, KstatValue Value, bool Quoted);
