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

// What a dashboard usually wants; statistics a source lacks are simply not published.
kstats.AddCounters(h => h.Module == "cpu_stat", s => s is "user" or "kernel" or "wait" or "idle");
kstats.AddGauges(h => h.Module == "unix" && h.Name == "system_pages", s => s is "freemem" or "availrmem" or "physmem");
kstats.AddGauges(h => h.Module == "unix" && h.Name == "system_misc", s => s.StartsWith("avenrun_", StringComparison.Ordinal) || s == "nproc");
kstats.AddCounters(h => h.Module == "link", s => s is "rbytes64" or "obytes64" or "ipackets64" or "opackets64" or "ierrors" or "oerrors");
kstats.AddCounters(h => h.Type == KstatType.Io && h.Class == "disk", s => s is "reads" or "writes" or "nread" or "nwritten" or "rtime");

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

    if (!provider.ForceFlush(timeoutMilliseconds: 10_000))
    {
        Console.Error.WriteLine("otelexport: the export failed; is a collector listening (--endpoint URL), or try --console?");
    }

    if (kstats.LastError is { } error)
    {
        Console.Error.WriteLine($"otelexport: update failed, exported the values held: {error.Message}");
    }
}

return 0;
