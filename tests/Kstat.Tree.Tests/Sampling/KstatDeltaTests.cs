namespace Kstat.Tree.Tests.Sampling;

public class KstatDeltaTests
{
    private static KstatReading At(long snapTime, params (string Name, KstatValue Value)[] values) =>
        new(snapTime, values.Select(v => new KeyValuePair<string, KstatValue>(v.Name, v.Value)));
}
