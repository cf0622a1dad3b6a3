using System.Diagnostics.Metrics;
using Kstat.Tree.Tests.Support;

namespace Kstat.Tree.Tests.Metrics;

public sealed class KstatMeterTests : IDisposable
{
    private readonly MutableChain _chain = new();
    private readonly KstatTree _tree;
    private readonly KstatMeter _meter;
    private readonly MeterRecorder _recorder;

    public KstatMeterTests()
    {
        for (int cpu = 0; cpu < 2; cpu++)
        {
            _chain.Add("cpu_stat", cpu, $"cpu_stat{cpu}", "misc", KstatType.Raw,
                ("user", 100UL + (ulong)cpu), ("kernel", 50UL), ("idle", 1000UL));
        }

        _chain.Add("unix", 0, "system_pages", "pages", KstatType.Named, ("freemem", 61103L), ("physmem", 489586L));
        _chain.Add("cpu_info", 0, "cpu_info0", "misc", KstatType.Named, ("brand", "Xeon"), ("clock_MHz", 2400L));
        _chain.Add("sd", 0, "sd0", "disk", KstatType.Io, ("nread", 4096UL), ("rtime", KstatValue.HrTime(1_500_000_000)));
        _chain.Settled();
        _tree = new KstatTree(_chain);
        _meter = new KstatMeter(_tree, "Kstat.Tree.Tests." + Guid.NewGuid().ToString("N"));

        _recorder = new MeterRecorder(_meter.Meter);
    }

    private static Func<KstatHeader, bool> Module(string module) => h => h.Module == module;

    private static Func<string, bool> Named(params string[] names) => names.Contains;

    [Fact]
    public void Counters_report_each_selected_kstat_with_module_instance_and_name_tags()
    {
        var instruments = _meter.AddCounters(Module("cpu_stat"), Named("user", "kernel"));

        Collect();

        Assert.Equal(["kstat.cpu_stat.kernel", "kstat.cpu_stat.user"], instruments.Select(i => i.Name).Order());
        Assert.All(instruments, i => Assert.IsType<ObservableCounter<long>>(i));
        var user = _recorder.Measured.Where(m => m.Instrument == "kstat.cpu_stat.user").OrderBy(m => m.Tags["instance"]).ToList();
        Assert.Equal([100L, 101L], user.Select(m => m.Value));
        Assert.Equal("cpu_stat", user[1].Tags["module"]);
        Assert.Equal(1, user[1].Tags["instance"]);
        Assert.Equal("cpu_stat1", user[1].Tags["name"]);
    }

    [Fact]
    public void Gauges_report_levels_and_text_statistics_are_skipped()
    {
        var gauges = _meter.AddGauges(h => h.Module is "unix" or "cpu_info", _ => true);

        Collect();

        Assert.Equal(["kstat.cpu_info.clock_MHz", "kstat.unix.freemem", "kstat.unix.physmem"], gauges.Select(i => i.Name).Order(StringComparer.Ordinal));
        Assert.All(gauges, i => Assert.IsType<ObservableGauge<long>>(i));
        Assert.Equal(61103L, Assert.Single(_recorder.Measured, m => m.Instrument == "kstat.unix.freemem").Value);
    }

    [Fact]
    public void Times_are_published_as_seconds()
    {
        var instruments = _meter.AddCounters(h => h.Type == KstatType.Io, Named("rtime"));

        Collect();

        var rtime = Assert.Single(instruments);
        Assert.Equal("s", rtime.Unit);
        Assert.Equal(1.5, Assert.Single(_recorder.Measured).Value);
    }

    [Fact]
    public void A_collection_updates_the_tree_once_whatever_the_number_of_instruments()
    {
        _meter.AddCounters(Module("cpu_stat"), Named("user", "kernel", "idle"));
        _meter.AddGauges(Module("unix"), Named("freemem"));
        int before = _chain.Updates;

        Collect();
        Collect();
        Collect();

        Assert.Equal(before + 3, _chain.Updates);
        Assert.Equal(3, _meter.Refreshes);
    }

    [Fact]
    public void Each_collection_sees_the_values_of_its_own_update()
    {
        _meter.AddCounters(Module("cpu_stat"), Named("user"));
        Collect();
        _chain.Set("cpu_stat:0:cpu_stat0", "user", 250UL);

        _recorder.Measured.Clear();
        Collect();

        Assert.Equal(250L, _recorder.Measured.Single(m => (int)m.Tags["instance"]! == 0).Value);
    }

    [Fact]
    public void Kstats_added_to_the_chain_join_their_instrument_and_removed_ones_stop_reporting()
    {
        _meter.AddCounters(Module("cpu_stat"), Named("user"));
        Collect();
        _chain.Add("cpu_stat", 2, "cpu_stat2", "misc", KstatType.Raw, ("user", 7UL));
        _chain.Remove("cpu_stat:0:cpu_stat0");

        _recorder.Measured.Clear();
        Collect();

        Assert.Equal([1, 2], _recorder.Measured.Select(m => (int)m.Tags["instance"]!).Order());
        Assert.Equal(["cpu_stat:2:cpu_stat2"], _meter.LastUpdate!.Added.ToArray());
    }

    [Fact]
    public void Only_the_selected_kstats_are_read()
    {
        _meter.AddGauges(Module("unix"), Named("freemem"));
        Collect();
        Collect();

        Assert.All(_chain.Reads, key => Assert.Equal("unix:0:system_pages", key));
        Assert.False(_tree["cpu_stat"][0]["cpu_stat0"].IsRead);
    }

    [Fact]
    public void A_failed_update_is_reported_and_the_values_held_are_published()
    {
        _meter.AddGauges(Module("unix"), Named("freemem"));
        _chain.FailNextUpdate = new KstatException("chain update failed", 5);

        Collect();

        Assert.IsType<KstatException>(_meter.LastError);
        Assert.Equal(61103L, Assert.Single(_recorder.Measured).Value);
        Collect();
        Assert.Null(_meter.LastError);
    }

    [Fact]
    public void A_statistic_is_a_counter_or_a_gauge_not_both()
    {
        _meter.AddCounters(Module("unix"), Named("freemem"));

        var e = Assert.Throws<InvalidOperationException>(() => _meter.AddGauges(Module("unix"), Named("freemem")));
        Assert.Contains("kstat.unix.freemem", e.Message);
    }

    [Fact]
    public void Adding_an_overlapping_selection_widens_the_instrument_without_duplicating_measurements()
    {
        var first = _meter.AddCounters(h => h.Instance == 0 && h.Module == "cpu_stat", Named("user"));
        var second = _meter.AddCounters(Module("cpu_stat"), Named("user"));

        Collect();

        Assert.Same(Assert.Single(first), Assert.Single(second));
        Assert.Equal(2, _recorder.Measured.Count);
        Assert.Single(_meter.Instruments);
    }

    [Theory]
    [InlineData("cpu_stat", "user", "kstat.cpu_stat.user")]
    [InlineData("sd", "Serial No", "kstat.sd.Serial_No")]
    [InlineData("nfs", "r/w:bytes", "kstat.nfs.r/w_bytes")]
    public void Instrument_names_keep_only_characters_OpenTelemetry_allows(string module, string statistic, string expected) =>
        Assert.Equal(expected, KstatInstrumentSource.InstrumentName(module, statistic));

    [Fact]
    public void A_tree_disposed_before_its_meter_stops_the_measurements_without_failing_the_collection()
    {
        _meter.AddGauges(Module("unix"), Named("freemem"));
        _tree.Dispose();

        Collect();

        Assert.Empty(_recorder.Measured);
    }

    [Fact]
    public void A_meter_that_owns_its_tree_disposes_it()
    {
        var tree = new KstatTree(new MutableChain());
        new KstatMeter(tree, ownsTree: true).Dispose();

        Assert.Throws<ObjectDisposedException>(() => tree.Count);
    }

    [Fact]
    public void Disposing_the_meter_leaves_a_tree_it_does_not_own_usable()
    {
        _meter.AddGauges(Module("unix"), Named("freemem"));
        _meter.Dispose();

        Assert.Equal(61103L, (long)_tree["unix"][0]["system_pages"]["freemem"]);
    }

    private void Collect() => _recorder.Collect();

    public void Dispose()
    {
        _recorder.Dispose();
        _meter.Dispose();
        _tree.Dispose();
    }
}
