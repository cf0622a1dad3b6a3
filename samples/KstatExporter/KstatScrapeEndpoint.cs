using Kstat.Tree;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;

namespace Kstat.Samples;

/// <summary>
/// A Prometheus scrape endpoint (<c>GET /metrics</c>, the text format) for the kstats a <see cref="KstatMeter"/>
/// publishes: OpenTelemetry's Prometheus exporter collects the meter at every scrape, so each scrape is one
/// <see cref="KstatTree.Update"/> and reads only the selected kstats.
/// </summary>
/// <remarks>
/// Names follow OpenTelemetry's Prometheus translation of the meter's instruments: <c>kstat.cpu_stat.user</c> becomes
/// <c>kstat_cpu_stat_user_total</c> (a counter), a time gets <c>_seconds</c> and a byte count <c>_bytes</c> before it;
/// the labels are the meter's tags, <c>module</c>, <c>instance</c> and <c>name</c>, and nothing else (no scope labels,
/// no <c>target_info</c>).
/// </remarks>
internal sealed class KstatScrapeEndpoint : IDisposable
{
    private readonly MeterProvider _provider;

    /// <summary>Publishes the selected statistics of a tree and starts listening.</summary>
    /// <param name="tree">The kstats; the endpoint does not own it.</param>
    /// <param name="options">The address and the selectors.</param>
    /// <param name="meterName">The meter's name; a process with several endpoints gives each its own.</param>
    /// <exception cref="ExporterStartException">A selector publishes nothing, publishes a statistic as both kinds, or the address cannot be listened on.</exception>
    public KstatScrapeEndpoint(KstatTree tree, ExporterOptions options, string meterName = KstatMeter.DefaultMeterName)
    {
        Meter = new KstatMeter(tree, meterName);
        try
        {
            foreach (var (text, selector) in options.Counters)
            {
                Publish(text, () => Meter.AddCounters(selector));
            }

            foreach (var (text, selector) in options.Gauges)
            {
                Publish(text, () => Meter.AddGauges(selector));
            }

            foreach (var (text, selector) in options.Selectors)
            {
                Publish(text, () => StatisticKinds.Families.SelectMany(f => Meter.AddCounters(h => f.Kstats(h) && selector.Matches(h), s => f.IsCounter(s) && selector.MatchesStatistic(s))
                    .Concat(Meter.AddGauges(h => f.Kstats(h) && selector.Matches(h), s => !f.IsCounter(s) && selector.MatchesStatistic(s)))).ToList());
            }

            _provider = Listen(Meter.Meter.Name, options);
        }
        catch
        {
            Meter.Dispose();
            throw;
        }

        Url = options.MetricsUrl;
    }

    /// <summary>Gets the meter whose instruments the endpoint serves.</summary>
    public KstatMeter Meter { get; }

    /// <summary>Gets the URL to scrape.</summary>
    public string Url { get; }

    public void Dispose()
    {
        _provider.Dispose();
        Meter.Dispose();
    }

    private static void Publish(string selector, Func<IReadOnlyList<System.Diagnostics.Metrics.Instrument>> add)
    {
        IReadOnlyList<System.Diagnostics.Metrics.Instrument> instruments;
        try
        {
            instruments = add();
        }
        catch (InvalidOperationException e)
        {
            throw new ExporterStartException(ExitCodes.Usage, $"selector '{selector}': {e.Message}", e);
        }

        if (instruments.Count == 0)
        {
            throw new ExporterStartException(ExitCodes.NothingSelected, $"selector '{selector}' selects no numeric statistic here.");
        }
    }

    private static MeterProvider Listen(string meterName, ExporterOptions options)
    {
        try
        {
            return Sdk.CreateMeterProviderBuilder()
                .AddMeter(meterName)
                .AddPrometheusHttpListener(o =>
                {
                    o.Port = options.Port;
                    o.ScrapeEndpointPath = "/metrics";
                    o.ScrapeResponseCacheDurationMilliseconds = 0; // every scrape collects: one Update() each
                    o.ScopeInfoEnabled = false;                   // labels are module, instance and name only
                    o.TargetInfoEnabled = false;
                    o.ConfigureHttpListener = (_, listener) =>
                    {
                        listener.Prefixes.Clear();
                        listener.Prefixes.Add($"http://{options.Host}:{options.Port}/metrics/");
                    };
                })
                .Build();
        }
        catch (Exception e) when (e is InvalidOperationException or System.Net.HttpListenerException)
        {
            string why = (e.InnerException ?? e).Message;
            throw new ExporterStartException(ExitCodes.CannotServe, $"cannot listen on {options.Host}:{options.Port}: {why}", e);
        }
    }
}
