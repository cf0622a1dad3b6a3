using System.Diagnostics.Metrics;
using Kstat.Tree.Tests.Support;

namespace Kstat.Tree.Tests.Metrics;

/// <summary>KstatMeter chooses what to publish with kstat(1) selectors as well as with predicates.</summary>
public sealed class KstatMeterSelectorTests : IDisposable
{
    private readonly MutableChain _chain = new();
    private readonly KstatTree _tree;
    private readonly KstatMeter _meter;

    public KstatMeterSelectorTests()
    {
        for (int cpu = 0; cpu < 12; cpu++)
        {
            _chain.Add("cpu_stat", cpu, $"cpu_stat{cpu}", "misc", KstatType.Raw, ("user", (ulong)cpu), ("kernel", 1UL), ("idle", 2UL), ("wait", 3UL));
        }

        _chain.Add("unix", 0, "system_pages", "pages", KstatType.Named, ("freemem", 61103L), ("availrmem", 70121L), ("physmem", 489586L));
        _chain.Settled();
        _tree = new KstatTree(_chain);
        _meter = new KstatMeter(_tree, "Kstat.Tree.Tests." + Guid.NewGuid().ToString("N"));
    }

    [Fact]
    public void A_regular_expression_on_the_statistic_chooses_the_instruments()
    {
        var instruments = _meter.AddCounters("cpu_stat:::/^(user|kernel)$/");

        Assert.Equal(["kstat.cpu_stat.kernel", "kstat.cpu_stat.user"], instruments.Select(i => i.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_glob_on_the_instance_chooses_the_kstats_measured()
    {
        _meter.AddCounters("cpu_stat:1*::user");

        var instances = Collect().Select(m => (int)m.Tags["instance"]!).Order();

        Assert.Equal([1, 10, 11], instances);
    }

    [Fact]
    public void Gauges_take_a_selector_too()
    {
        var gauges = _meter.AddGauges("unix:0:system_pages:/^(free|availr)mem$/");

        Assert.Equal(["kstat.unix.availrmem", "kstat.unix.freemem"], gauges.Select(i => i.Name).Order(StringComparer.Ordinal));
        Assert.All(gauges, g => Assert.IsType<ObservableGauge<long>>(g));
    }

    [Fact]
    public void A_malformed_selector_is_rejected_before_anything_is_published()
    {
        Assert.Throws<FormatException>(() => _meter.AddCounters("a:b:c:d:e"));
        Assert.Empty(_meter.Instruments);
    }

    private List<(string Instrument, long Value, Dictionary<string, object?> Tags)> Collect()
    {
        var measured = new List<(string, long, Dictionary<string, object?>)>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter == _meter.Meter)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((i, v, tags, _) => measured.Add((i.Name, v, tags.ToArray().ToDictionary(t => t.Key, t => t.Value))));
        listener.Start();
        listener.RecordObservableInstruments();
        return measured;
    }

    public void Dispose()
    {
        _meter.Dispose();
        _tree.Dispose();
    }
}
