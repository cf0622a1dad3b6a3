using System.Diagnostics.Metrics;
using System.Globalization;
using System.Text.RegularExpressions;
using Kstat.Tree.Tests.Support;

namespace Kstat.Tree.Tests.Metrics;

/// <summary>KstatMeter over a real capture: what a listener receives is what kstat(1) printed.</summary>
public sealed partial class KstatMeterCaptureTests
{
    [Fact]
    public void Every_cpu_stat_counter_of_a_capture_is_published_with_the_value_kstat_printed()
    {
        string capture = CaptureFiles.PathOf("smartos-32cpu-cpu_stat-idle-kernel-user-p-tabs-expanded.txt");
        var printed = File.ReadAllLines(capture).Select(l => PLine().Match(l)).Where(m => m.Success)
                          .ToDictionary(m => (m.Groups["stat"].Value, int.Parse(m.Groups["instance"].Value, CultureInfo.InvariantCulture)),
                                        m => long.Parse(m.Groups["value"].Value, CultureInfo.InvariantCulture));
        using var tree = KstatTree.Load(capture);
        using var meter = new KstatMeter(tree, "Kstat.Tree.Tests." + Guid.NewGuid().ToString("N"));
        meter.AddCounters(h => h.Module == "cpu_stat", s => s is "user" or "kernel" or "idle");

        var measured = new Dictionary<(string, int), long>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter == meter.Meter)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
            measured.Add((instrument.Name["kstat.cpu_stat.".Length..], (int)tags.ToArray().Single(t => t.Key == "instance").Value!), value));
        listener.Start();
        listener.RecordObservableInstruments();

        Assert.Equal(printed.Count, measured.Count);
        Assert.All(printed, p => Assert.Equal(p.Value, measured[p.Key]));
    }

    [GeneratedRegex(@"^cpu_stat:(?<instance>\d+):cpu_stat\d+:(?<stat>user|kernel|idle)\s+(?<value>\d+)\s*$")]
    private static partial Regex PLine();
}
