using System.Globalization;

namespace Kstat.Reliability.Tests.Support;

/// <summary>
/// How large the runs are: CI size by default; <c>KSTAT_RELIABILITY_SCALE=n</c> multiplies every count,
/// <c>KSTAT_LONG=1</c> turns on the million-round monitor loop. <c>KSTAT_RELIABILITY_SEED</c> replays one seed.
/// </summary>
public static class Scale
{
    public static int Factor { get; } = ReadInt("KSTAT_RELIABILITY_SCALE", 1);

    public static bool Long { get; } = Environment.GetEnvironmentVariable("KSTAT_LONG") is "1" or "true";

    public static int? Seed { get; } = Environment.GetEnvironmentVariable("KSTAT_RELIABILITY_SEED") is { Length: > 0 } s
        ? int.Parse(s, CultureInfo.InvariantCulture)
        : null;

    public static int Of(int ciCount) => checked(ciCount * Factor);

    private static int ReadInt(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), NumberStyles.Integer, CultureInfo.InvariantCulture, out int v) && v > 0 ? v : fallback;
}
