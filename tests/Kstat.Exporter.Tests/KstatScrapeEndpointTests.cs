using System.Net;
using Kstat.Exporter.Tests.Support;
using Kstat.Samples;
using Kstat.Tree;

namespace Kstat.Exporter.Tests;

/// <summary>The endpoint over a three-round capture, scraped as Prometheus scrapes it; every scrape steps the capture one round.</summary>
public sealed class KstatScrapeEndpointTests : IDisposable
{
    private static readonly string[] ReadmeSelectors = ["cpu_stat:::/^(user|kernel|idle|wait)$/", "unix:0:system_pages:freemem"];

    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(30) };
    private readonly SnapshotChain _capture = SnapshotChain.Parse(ExporterCapture.Text);
    private readonly FailingChain _chain;
    private readonly KstatTree _tree;
    private KstatScrapeEndpoint? _endpoint;

    public KstatScrapeEndpointTests()
    {
        _chain = new FailingChain(_capture);
        _tree = new KstatTree(_chain);
    }

    [Fact]
    public async Task Names_labels_and_types_follow_Prometheus_conventions()
    {
        Start([.. ReadmeSelectors, "sd:::", "link:::/^(rbytes64|ifspeed)$/"]);

        var scrape = await GetAsync();

        Assert.Equal("counter", scrape.Types["kstat_cpu_stat_user_total"]);
        Assert.Equal("counter", scrape.Types["kstat_cpu_stat_wait_total"]);
        Assert.Equal("gauge", scrape.Types["kstat_unix_freemem"]);                // pages, as kstat gives them
        Assert.Equal("counter", scrape.Types["kstat_sd_rtime_seconds_total"]);    // HrTime in seconds
        Assert.Equal("counter", scrape.Types["kstat_sd_nread_bytes_total"]);      // kstat_io_t's bytes
        Assert.Equal("counter", scrape.Types["kstat_sd_reads_total"]);
        Assert.Equal("gauge", scrape.Types["kstat_sd_rcnt"]);                     // a queue length
        Assert.Equal("gauge", scrape.Types["kstat_sd_rlastupdate_seconds"]);      // a timestamp
        Assert.Equal("counter", scrape.Types["kstat_link_rbytes64_bytes_total"]);
        Assert.Equal("gauge", scrape.Types["kstat_link_ifspeed"]);                // bits per second, a level
        Assert.DoesNotContain(scrape.Types.Keys, n => n.StartsWith("kstat_cpu_stat_", StringComparison.Ordinal) && !n.EndsWith("_total", StringComparison.Ordinal));
        Assert.All(scrape.Samples, s => Assert.Equal(["instance", "module", "name"], s.Labels.Keys.Order(StringComparer.Ordinal)));
        Assert.Equal(["cpu_stat0", "cpu_stat1"], scrape.Samples.Where(s => s.Name == "kstat_cpu_stat_user_total").Select(s => s.Labels["name"]).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_scrape_serves_the_trees_values_after_its_own_update_and_reads_only_the_selected_kstats()
    {
        Start([.. ReadmeSelectors, "sd:::"]);

        var scrape = await GetAsync();

        Assert.Equal(1, _capture.Round); // the scrape's Update() stepped to the second round (0-based 1)
        foreach (int cpu in new[] { 0, 1 })
        {
            var leaf = _tree["cpu_stat"][cpu][$"cpu_stat{cpu}"];
            foreach (string stat in new[] { "user", "kernel", "idle", "wait" })
            {
                Assert.Equal((double)(ulong)leaf[stat], scrape.Value($"kstat_cpu_stat_{stat}_total", "cpu_stat", cpu, $"cpu_stat{cpu}"));
            }
        }

        Assert.Equal((double)(long)_tree["unix"][0]["system_pages"]["freemem"], scrape.Value("kstat_unix_freemem", "unix", 0, "system_pages"));
        Assert.Equal(_tree["sd"][0]["sd0"]["rtime"].ToSeconds(), scrape.Value("kstat_sd_rtime_seconds_total", "sd", 0, "sd0"));
        Assert.Equal(3.0, scrape.Value("kstat_sd_rtime_seconds_total", "sd", 0, "sd0")); // 3,000,000,000 ns in round 2
        Assert.Equal(8192.0, scrape.Value("kstat_sd_nread_bytes_total", "sd", 0, "sd0"));
        Assert.False(_tree["link"][0]["net0"].IsRead); // not selected: never read
    }

    [Fact]
    public async Task Each_scrape_is_one_update_and_a_second_scrape_shows_the_new_values()
    {
        Start(ReadmeSelectors);
        var first = await GetAsync();
        int refreshes = _endpoint!.Meter.Refreshes;

        var second = await GetAsync();

        Assert.Equal(refreshes + 1, _endpoint.Meter.Refreshes); // however many series the scrape served
        Assert.Equal(1000 + 100 * 2, first.Value("kstat_cpu_stat_user_total", "cpu_stat", 0, "cpu_stat0"));
        Assert.Equal(1000 + 100 * 3, second.Value("kstat_cpu_stat_user_total", "cpu_stat", 0, "cpu_stat0"));
        Assert.Equal((double)(ulong)_tree["cpu_stat"][0]["cpu_stat0"]["user"], second.Value("kstat_cpu_stat_user_total", "cpu_stat", 0, "cpu_stat0"));
        Assert.Equal(61103 - 3000, second.Value("kstat_unix_freemem", "unix", 0, "system_pages")); // a gauge goes down
    }

    [Fact]
    public async Task A_re_created_kstat_does_not_make_its_counter_go_backwards()
    {
        Start(ReadmeSelectors);
        double before = (await GetAsync()).Value("kstat_cpu_stat_user_total", "cpu_stat", 1, "cpu_stat1")!.Value;

        var after = await GetAsync(); // round 3: cpu_stat1 re-created, its user ticks start again from 0 (now 50)

        Assert.Equal(["cpu_stat:1:cpu_stat1"], _endpoint!.Meter.LastUpdate!.Replaced.ToArray());
        Assert.Equal(50UL, (ulong)_tree["cpu_stat"][1]["cpu_stat1"]["user"]);
        Assert.Equal(ExporterCapture.Cpu1User[1], before);
        Assert.Equal(before + 50, after.Value("kstat_cpu_stat_user_total", "cpu_stat", 1, "cpu_stat1")); // the new kstat's ticks, counted from 0
        Assert.Equal(before + 50, (await GetAsync()).Value("kstat_cpu_stat_user_total", "cpu_stat", 1, "cpu_stat1")); // end of capture: the same
    }

    [Fact]
    public async Task A_kstat_that_vanishes_leaves_the_scrape()
    {
        Start(["link:::rbytes64"]);
        Assert.Equal(9_000_000_000 + 2000, (await GetAsync()).Value("kstat_link_rbytes64_bytes_total", "link", 0, "net0"));

        var scrape = await GetAsync(); // round 3 has no link

        Assert.Empty(scrape.Samples);
        Assert.Equal(["link:0:net0"], _endpoint!.Meter.LastUpdate!.Removed.ToArray());
    }

    [Fact]
    public async Task A_failed_read_answers_the_other_series_and_counts_the_error()
    {
        Start([.. ReadmeSelectors, "sd:::reads"]);
        await GetAsync();
        _chain.FailReads.Add("sd:0:sd0");

        using var response = await _http.GetAsync(new Uri(_endpoint!.Url));
        var scrape = Scrape.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Null(scrape.Value("kstat_sd_reads_total", "sd", 0, "sd0"));                // a gap, not a stale value
        Assert.Equal(1000 + 300, scrape.Value("kstat_cpu_stat_user_total", "cpu_stat", 0, "cpu_stat0"));
        Assert.Equal("counter", scrape.Types["kstat_read_errors_total"]);
        Assert.Equal(1, scrape.Value("kstat_read_errors_total", "sd", 0, "sd0"));
    }

    [Fact]
    public async Task Only_metrics_is_served()
    {
        Start(ReadmeSelectors);

        using var response = await _http.GetAsync(new Uri(_endpoint!.Url.Replace("/metrics", "/other", StringComparison.Ordinal)));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [InlineData("cpu_stat:::user", "counter")]
    [InlineData("unix:0:system_pages:freemem", "gauge")]
    public async Task Counter_and_gauge_flags_override_the_rule(string selector, string asFlag)
    {
        Start([asFlag == "counter" ? "--gauge" : "--counter", selector]);

        var types = (await GetAsync()).Types;

        string metric = selector.StartsWith("cpu", StringComparison.Ordinal) ? "kstat_cpu_stat_user" : "kstat_unix_freemem_total";
        Assert.Equal(asFlag == "counter" ? "gauge" : "counter", types[metric]);
    }

    /// <summary>Starts the endpoint on a free loopback port (another port if that one was taken meanwhile).</summary>
    private void Start(string[] selectors)
    {
        for (int attempt = 1; ; attempt++)
        {
            var options = ExporterOptions.Parse(["--listen", $"127.0.0.1:{Loopback.FreePort()}", .. selectors]);
            try
            {
                _endpoint = new KstatScrapeEndpoint(_tree, options, "Kstat.Exporter.Tests." + Guid.NewGuid().ToString("N"));
                return;
            }
            catch (ExporterStartException e) when (e.ExitCode == ExitCodes.CannotServe && attempt < 3)
            {
            }
        }
    }

    private async Task<Scrape> GetAsync()
    {
        using var response = await _http.GetAsync(new Uri(_endpoint!.Url));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        string body = await response.Content.ReadAsStringAsync();
        if (body.Length > 0)
        {
            Assert.StartsWith("text/plain", response.Content.Headers.ContentType?.MediaType, StringComparison.Ordinal);
        }

        return Scrape.Parse(body);
    }

    public void Dispose()
    {
        _endpoint?.Dispose();
        _tree.Dispose();
        _http.Dispose();
    }
}
