using Kstat.Tree.Tests.Support;

namespace Kstat.Tree.Tests.Metrics;

/// <summary>Counters never go down in one series, units say what the numbers are, and failed reads are counted and left out.</summary>
public sealed class KstatMeterCounterTests : IDisposable
{
    private const string Link = "link:0:net0";
    private const string Disk = "sd:0:sd0";

    private readonly MutableChain _chain = new();
    private readonly KstatTree _tree;
    private readonly KstatMeter _meter;
    private readonly MeterRecorder _recorder;

    public KstatMeterCounterTests()
    {
        _chain.Add("link", 0, "net0", "net", KstatType.Named, ("rbytes", 4_294_967_000U), ("rbytes64", 9_000_000_000UL), ("ifspeed", 1_000_000_000UL));
        _chain.Add("sd", 0, "sd0", "disk", KstatType.Io, ("nread", 4096UL), ("reads", 10U), ("rtime", KstatValue.HrTime(1_500_000_000)));
        _chain.Add("unix", 0, "system_pages", "pages", KstatType.Named, ("freemem", 61103L));
        _chain.Settled();
        _tree = new KstatTree(_chain);
        _meter = new KstatMeter(_tree, "Kstat.Tree.Tests." + Guid.NewGuid().ToString("N"));
        _recorder = new MeterRecorder(_meter.Meter);
    }

    [Fact]
    public void A_32_bit_counter_that_wraps_goes_on_counting()
    {
        _meter.AddCounters("link:::rbytes");
        Assert.Equal(4_294_967_000L, Collect("kstat.link.rbytes"));

        _chain.Set(Link, "rbytes", 200U); // 296 bytes to the wrap, 200 after it

        Assert.Equal(4_294_967_000L + 496, Collect("kstat.link.rbytes"));
        Assert.Equal(200L, (long)_tree["link"][0]["net0"]["rbytes"]); // the tree still shows what the kernel says
    }

    [Fact]
    public void A_kstat_re_created_under_its_key_adds_its_new_value_counted_from_0()
    {
        _meter.AddCounters("link:::rbytes64");
        Assert.Equal(9_000_000_000L, Collect("kstat.link.rbytes64"));

        _chain.Remove(Link);
        _chain.Add("link", 0, "net0", "net", KstatType.Named, ("rbytes64", 30UL));
        Assert.Equal(9_000_000_030L, Collect("kstat.link.rbytes64"));
        Assert.Equal([Link], _meter.LastUpdate!.Replaced.ToArray());

        _chain.Set(Link, "rbytes64", 45UL);
        Assert.Equal(9_000_000_045L, Collect("kstat.link.rbytes64"));
    }

    [Fact]
    public void A_kstat_that_vanishes_is_left_out_and_one_that_comes_back_goes_on_from_its_total()
    {
        _meter.AddCounters("link:::rbytes64");
        Collect("kstat.link.rbytes64");

        _chain.Remove(Link);
        Assert.Null(Collect("kstat.link.rbytes64"));

        _chain.Add("link", 0, "net0", "net", KstatType.Named, ("rbytes64", 10UL));
        Assert.Equal(9_000_000_010L, Collect("kstat.link.rbytes64"));
    }

    [Fact]
    public void A_64_bit_counter_or_a_time_that_goes_down_in_place_was_reset_and_counts_from_0()
    {
        _meter.AddCounters("sd:::/^(nread|rtime)$/");
        Collect("kstat.sd.nread");

        _chain.Set(Disk, "nread", 100UL);
        _chain.Set(Disk, "rtime", KstatValue.HrTime(250_000_000));
        _recorder.Measured.Clear();
        _recorder.Collect();

        Assert.Equal(4096L + 100, Single("kstat.sd.nread"));
        Assert.Equal(1.75, Single("kstat.sd.rtime"));
    }

    [Fact]
    public void A_gauge_publishes_the_value_read_even_when_it_goes_down()
    {
        _meter.AddGauges("unix:0:system_pages:freemem");
        Collect("kstat.unix.freemem");

        _chain.Set("unix:0:system_pages", "freemem", 100L);

        Assert.Equal(100L, Collect("kstat.unix.freemem"));
    }

    [Fact]
    public void Byte_counts_have_unit_By_times_s_and_the_rest_none()
    {
        var instruments = _meter.AddCounters("sd:::").Concat(_meter.AddCounters("link:::/bytes/")).Concat(_meter.AddGauges("link:::ifspeed"))
                                .ToDictionary(i => i.Name, i => i.Unit);

        Assert.Equal("By", instruments["kstat.sd.nread"]);
        Assert.Equal("s", instruments["kstat.sd.rtime"]);
        Assert.Null(instruments["kstat.sd.reads"]);
        Assert.Equal("By", instruments["kstat.link.rbytes"]);
        Assert.Equal("By", instruments["kstat.link.rbytes64"]);
        Assert.Null(instruments["kstat.link.ifspeed"]); // bits per second
    }

    [Fact]
    public void A_failed_re_read_is_counted_and_leaves_that_kstat_out_of_the_collection()
    {
        _meter.AddCounters("sd:::reads");
        _meter.AddCounters("link:::rbytes64");
        Collect("kstat.sd.reads");
        _chain.FailReads.Add(Disk);

        Collect("kstat.sd.reads");

        Assert.DoesNotContain(_recorder.Measured, m => m.Instrument == "kstat.sd.reads"); // a gap, not the stale 10
        Assert.Equal(9_000_000_000L, Single("kstat.link.rbytes64"));                 // the other series still answer
        var errors = Assert.Single(_recorder.Measured, m => m.Instrument == KstatMeter.ReadErrorsInstrumentName);
        Assert.Equal(1L, errors.Value);
        Assert.Equal(("sd", 0, "sd0"), (errors.Tags["module"], errors.Tags["instance"], errors.Tags["name"]));
        Assert.Equal(1, _meter.ReadErrors);

        _chain.FailReads.Clear();
        _chain.Set(Disk, "reads", 12U);
        Assert.Equal(12L, Collect("kstat.sd.reads"));
        Assert.Equal(1L, Single(KstatMeter.ReadErrorsInstrumentName)); // a counter: the failure stays counted
    }

    [Fact]
    public void A_new_kstat_whose_first_read_fails_is_counted_once_however_many_statistics_are_published()
    {
        _meter.AddCounters("link:::/^(rbytes|rbytes64)$/");
        Collect("kstat.link.rbytes");
        _chain.Add("link", 0, "net1", "net", KstatType.Named, ("rbytes", 1U), ("rbytes64", 1UL));
        _chain.FailReads.Add("link:0:net1");

        Collect("kstat.link.rbytes"); // two instruments want the first read; one failure is counted, in this collection

        Assert.Equal(1, _meter.ReadErrors);
        Assert.Equal(1L, Single(KstatMeter.ReadErrorsInstrumentName));
        Assert.DoesNotContain(_recorder.Measured, m => (string?)m.Tags["name"] == "net1" && m.Instrument != KstatMeter.ReadErrorsInstrumentName);
        Collect("kstat.link.rbytes");
        Assert.Equal(2L, Single(KstatMeter.ReadErrorsInstrumentName)); // it still fails: one more per collection
    }

    [Fact]
    public void With_no_failure_the_read_error_counter_publishes_nothing()
    {
        _meter.AddCounters("sd:::reads");

        Collect("kstat.sd.reads");

        Assert.Equal(0, _meter.ReadErrors);
        Assert.DoesNotContain(_recorder.Measured, m => m.Instrument == KstatMeter.ReadErrorsInstrumentName);
        Assert.DoesNotContain(_meter.Instruments, i => i.Name == KstatMeter.ReadErrorsInstrumentName);
    }

    /// <summary>One collection; the value of the instrument's only measurement, or null when it has none.</summary>
    private object? Collect(string instrument)
    {
        _recorder.Measured.Clear();
        _recorder.Collect();
        return _recorder.Measured.Where(m => m.Instrument == instrument).Select(m => m.Value).SingleOrDefault();
    }

    private object Single(string instrument) => Assert.Single(_recorder.Measured, m => m.Instrument == instrument).Value;

    public void Dispose()
    {
        _recorder.Dispose();
        _meter.Dispose();
        _tree.Dispose();
    }
}
