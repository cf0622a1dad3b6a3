using System.Globalization;
using System.Text.RegularExpressions;

namespace Kstat.Exporter.Tests.Support;

/// <summary>One scrape in the Prometheus text format (0.0.4), parsed: each metric's TYPE and its samples with their labels.</summary>
internal sealed partial class Scrape
{
    private Scrape(Dictionary<string, string> types, List<Sample> samples)
    {
        Types = types;
        Samples = samples;
    }

    public Dictionary<string, string> Types { get; }

    public List<Sample> Samples { get; }

    /// <summary>Parses a response body; a line in neither the TYPE, HELP nor sample syntax fails the test.</summary>
    public static Scrape Parse(string text)
    {
        var types = new Dictionary<string, string>(StringComparer.Ordinal);
        var samples = new List<Sample>();
        foreach (string line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            if (line.StartsWith("# TYPE ", StringComparison.Ordinal))
            {
                string[] parts = line.Split(' ');
                types.Add(parts[2], parts[3]);
            }
            else if (!line.StartsWith("# HELP ", StringComparison.Ordinal))
            {
                var m = SampleLine().Match(line);
                Assert.True(m.Success, $"not a sample line: {line}");
                var labels = LabelPair().Matches(m.Groups["labels"].Value).ToDictionary(l => l.Groups[1].Value, l => l.Groups[2].Value, StringComparer.Ordinal);
                samples.Add(new Sample(m.Groups["name"].Value, labels, double.Parse(m.Groups["value"].Value, CultureInfo.InvariantCulture)));
            }
        }

        return new Scrape(types, samples);
    }

    /// <summary>The value of the one sample of a metric for a kstat, or null when the scrape has none.</summary>
    public double? Value(string metric, string module, int instance, string name) =>
        Samples.SingleOrDefault(s => s.Name == metric && s.Labels.GetValueOrDefault("module") == module
                                     && s.Labels.GetValueOrDefault("instance") == instance.ToString(CultureInfo.InvariantCulture)
                                     && s.Labels.GetValueOrDefault("name") == name)?.Value;

    [GeneratedRegex(@"^(?<name>[a-zA-Z_:][a-zA-Z0-9_:]*)(\{(?<labels>[^}]*)\})? (?<value>\S+)$")]
    private static partial Regex SampleLine();

    [GeneratedRegex(@"([a-zA-Z_][a-zA-Z0-9_]*)=""((?:[^""\\]|\\.)*)""")]
    private static partial Regex LabelPair();
}

internal sealed record Sample(string Name, Dictionary<string, string> Labels, double Value);
