using System.Diagnostics.Metrics;

namespace Kstat.Tree.Tests.Support;

/// <summary>A <see cref="MeterListener"/> on one meter that records every measurement, and collects on demand as an exporter would.</summary>
public sealed class MeterRecorder : IDisposable
{
    private readonly MeterListener _listener = new();

    public MeterRecorder(Meter meter)
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter == meter)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((i, v, tags, _) => Record(i, v, tags));
        _listener.SetMeasurementEventCallback<double>((i, v, tags, _) => Record(i, v, tags));
        _listener.Start();
    }

    public List<(string Instrument, object Value, Dictionary<string, object?> Tags)> Measured { get; } = [];

    /// <summary>One collection: every observable instrument of the meter once.</summary>
    public void Collect() => _listener.RecordObservableInstruments();

    public void Dispose() => _listener.Dispose();

    private void Record<T>(Instrument instrument, T value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
        where T : struct =>
        Measured.Add((instrument.Name, value, tags.ToArray().ToDictionary(t => t.Key, t => t.Value)));
}
