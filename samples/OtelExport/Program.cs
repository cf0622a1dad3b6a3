// Exports kstats through OpenTelemetry: KstatMeter turns the selected kstats into observable counters and
// gauges; the OTLP exporter sends them to a collector (default http://localhost:4317, or --endpoint URL), or
// --console prints each export as lines, to try it without a collector. The exporter also reads the standard
// OTEL_EXPORTER_OTLP_* variables (OTEL_EXPORTER_OTLP_PROTOCOL=http/protobuf with an endpoint ending in /v1/metrics).
//   OtelExport [--file CAPTURE] [--console] [--endpoint URL] [interval [count]]
using Kstat.Samples;
using Kstat.Tree;
using OpenTelemetry;
using OpenTelemetry.Metrics;

if (SampleArguments.ParseOrExplain(args, "otelexport", "OtelExport [--file CAPTURE] [--console] [--endpoint URL] [interval [count]]", "--endpoint") is not { } arguments)
{
    return 2;
}

using var ks = arguments.OpenTree();
using var kstats = new KstatMeter(ks);

// What a dashboard usually wants, in kstat(1) selector syntax; statistics a source lacks are simply not published.
kstats.AddCounters("cpu_stat:::/^(user|kernel|wait|idle)$/");
kstats.AddGauges("unix:0:system_pages:/^(freemem|availrmem|physmem)$/");
kstats.AddGauges("unix:0:system_misc:/^(avenrun_.*|nproc)$/");
kstats.AddCounters("link:::/^([ro]bytes64|[io]packets64|[io]errors)$/");
kstats.AddCounters(KstatSelector.Create(statistic: "/^(reads|writes|nread|nwritten|rtime)$/", @class: "disk"));

// Exports are driven by this loop (ForceFlush), one per interval, so each one is one KstatMeter refresh.
const int ExportedByTheLoop = 86_400_000;
var builder = Sdk.CreateMeterProviderBuilder().AddMeter(kstats.Meter.Name);
builder = arguments.Flags.ContainsKey("--console")
    ? builder.AddReader(new PeriodicExportingMetricReader(new LineMetricExporter(Console.Out), ExportedByTheLoop))
    : builder.AddOtlpExporter((exporter, reader) =>
    {
        if (arguments.Flags.TryGetValue("--endpoint", out string? endpoint) && endpoint is not null)
        {
            exporter.Endpoint = new Uri(endpoint);
        }

        reader.PeriodicExportingMetricReaderOptions.ExportIntervalMilliseconds = ExportedByTheLoop;
    });
using var provider = builder.Build();

for (int round = 0; round < arguments.Rounds; round++)
{
    if (round > 0)
    {
        arguments.Wait();
    }

    // The last export is the provider's shutdown, which would otherwise export once more when disposed.
    bool last = round == arguments.Rounds - 1;
    if (!(last ? provider.Shutdown(timeoutMilliseconds: 10_000) : provider.ForceFlush(timeoutMilliseconds: 10_000)))
    {
        Console.Error.WriteLine("otelexport: the export failed; is a collector listening (--endpoint URL), or try --console?");
    }

    if (kstats.LastError is { } error)
    {
        Console.Error.WriteLine($"otelexport: update failed, exported the values held: {error.Message}");
    }
}

return 0;
