using System.Globalization;
using System.Text;
using OpenTelemetry;
using OpenTelemetry.Metrics;

namespace Kstat.Samples;

/// <summary>
/// An OpenTelemetry exporter that writes one line per metric point, <c>name{tag=value,…} value</c>: a stand-in
/// for a collector when trying the sample (the console exporter package is not among the project's dependencies).
/// </summary>
internal sealed class LineMetricExporter(TextWriter output) : BaseExporter<Metric>
{
    public override ExportResult Export(in Batch<Metric> batch)
    {
        var line = new StringBuilder();
        foreach (var metric in batch)
        {
            foreach (ref readonly var point in metric.GetMetricPoints())
            {
                line.Clear().Append(metric.Name).Append('{');
                foreach (var tag in point.Tags)
                {
                    line.Append(tag.Key).Append('=').Append(Convert.ToString(tag.Value, CultureInfo.InvariantCulture)).Append(',');
                }

                line.Length--; // the last comma, or the brace of a point without tags
                if (point.Tags.Count > 0)
                {
                    line.Append('}');
                }

                line.Append(' ').Append(Value(metric.MetricType, in point));
                output.WriteLine(line);
            }
        }

        return ExportResult.Success;
    }

    private static string Value(MetricType type, in MetricPoint point) => type switch
    {
        MetricType.LongSum or MetricType.LongSumNonMonotonic => point.GetSumLong().ToString(CultureInfo.InvariantCulture),
        MetricType.DoubleSum or MetricType.DoubleSumNonMonotonic => point.GetSumDouble().ToString("R", CultureInfo.InvariantCulture),
        MetricType.LongGauge => point.GetGaugeLastValueLong().ToString(CultureInfo.InvariantCulture),
        MetricType.DoubleGauge => point.GetGaugeLastValueDouble().ToString("R", CultureInfo.InvariantCulture),
        _ => "(" + type + ")",
    };
}
