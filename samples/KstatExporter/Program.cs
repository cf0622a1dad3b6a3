// A Prometheus scrape endpoint for kstats: KstatMeter publishes the selected statistics, OpenTelemetry's Prometheus
// exporter serves them at http://HOST:PORT/metrics, and every scrape is one Update() of the tree.
//   KstatExporter [--listen HOST:PORT] [--file CAPTURE] [--counter SELECTOR]... [--gauge SELECTOR]... SELECTOR...
using Kstat.Samples;

return ExporterCommand.Run(args, Console.Out, Console.Error);
