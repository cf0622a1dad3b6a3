namespace Kstat.Reliability.Tests.LongRun;

/// <summary>Samples of the managed heap after full GCs, and the least-squares slope through them.</summary>
public sealed class MemoryTrend
{
    private readonly List<(double Round, double Bytes)> _samples = [];

    public IReadOnlyList<(double Round, double Bytes)> Samples => _samples;

    public void Sample(long round) => _samples.Add((round, GC.GetTotalMemory(forceFullCollection: true)));

    public double Min => _samples.Min(s => s.Bytes);

    public double Max => _samples.Max(s => s.Bytes);

    /// <summary>Gets the growth per round in bytes, fitted through every sample.</summary>
    public double Slope
    {
        get
        {
            double mx = _samples.Average(s => s.Round);
            double my = _samples.Average(s => s.Bytes);
            double sxy = _samples.Sum(s => (s.Round - mx) * (s.Bytes - my));
            double sxx = _samples.Sum(s => (s.Round - mx) * (s.Round - mx));
            return sxx == 0 ? 0 : sxy / sxx;
        }
    }
}
