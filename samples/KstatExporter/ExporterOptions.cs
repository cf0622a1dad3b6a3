using System.Globalization;
using Kstat.Tree;

namespace Kstat.Samples;

/// <summary>
/// The exporter's command line: <c>[--listen HOST:PORT] [--file CAPTURE] [--counter SELECTOR]... [--gauge SELECTOR]... SELECTOR...</c>.
/// Selectors are kstat(1)'s (<c>module:instance:name:statistic</c>, globs and <c>/ERE/</c>), parsed here so that a bad one
/// stops the exporter before it listens.
/// </summary>
internal sealed class ExporterOptions
{
    public const string Usage = "KstatExporter [--listen HOST:PORT] [--file CAPTURE] [--counter SELECTOR]... [--gauge SELECTOR]... SELECTOR...";

    /// <summary>The default address: loopback only, so a scrape endpoint is never opened to a network by surprise.</summary>
    public const string DefaultListen = "127.0.0.1:9469";

    /// <summary>Gets the host part of <c>--listen</c> as the HTTP listener's prefix takes it (<c>+</c> for every address).</summary>
    public string Host { get; private init; } = "127.0.0.1";

    public int Port { get; private init; } = 9469;

    /// <summary>Gets the URL Prometheus scrapes.</summary>
    public string MetricsUrl => $"http://{(Host == "+" ? "localhost" : Host)}:{Port.ToString(CultureInfo.InvariantCulture)}/metrics";

    /// <summary>Gets the capture to serve instead of the running machine (each scrape steps to its next round).</summary>
    public string? File { get; private init; }

    /// <summary>Gets the selectors whose statistics are counters or gauges by <see cref="StatisticKinds"/>.</summary>
    public IReadOnlyList<(string Text, KstatSelector Selector)> Selectors { get; private init; } = [];

    /// <summary>Gets the selectors published as counters whatever the statistic (<c>--counter</c>).</summary>
    public IReadOnlyList<(string Text, KstatSelector Selector)> Counters { get; private init; } = [];

    /// <summary>Gets the selectors published as gauges whatever the statistic (<c>--gauge</c>).</summary>
    public IReadOnlyList<(string Text, KstatSelector Selector)> Gauges { get; private init; } = [];

    public bool Help { get; private init; }

    /// <summary>Parses the command line.</summary>
    /// <exception cref="FormatException">An argument is malformed; the message is one line saying which and why.</exception>
    public static ExporterOptions Parse(IReadOnlyList<string> args)
    {
        string listen = DefaultListen;
        string? file = null;
        var selectors = new List<(string, KstatSelector)>();
        var counters = new List<(string, KstatSelector)>();
        var gauges = new List<(string, KstatSelector)>();
        for (int i = 0; i < args.Count; i++)
        {
            string arg = args[i];
            string Value() => i + 1 < args.Count ? args[++i] : throw new FormatException($"{arg} needs a value.");
            switch (arg)
            {
                case "-h" or "--help":
                    return new ExporterOptions { Help = true };
                case "--listen":
                    listen = Value();
                    break;
                case "--file" or "-f":
                    file = Value();
                    break;
                case "--counter":
                    counters.Add(Selector(Value()));
                    break;
                case "--gauge":
                    gauges.Add(Selector(Value()));
                    break;
                case "--":
                    selectors.AddRange(args.Skip(i + 1).Select(Selector));
                    i = args.Count;
                    break;
                default:
                    selectors.Add(arg.StartsWith('-') ? throw new FormatException($"Unknown option '{arg}'.") : Selector(arg));
                    break;
            }
        }

        if (selectors.Count + counters.Count + gauges.Count == 0)
        {
            throw new FormatException("No selector: say which kstats to serve, such as 'cpu_stat:::/^(user|kernel|idle|wait)$/'.");
        }

        var (host, port) = Listen(listen);
        return new ExporterOptions { Host = host, Port = port, File = file, Selectors = selectors, Counters = counters, Gauges = gauges };
    }

    private static (string Text, KstatSelector Selector) Selector(string text)
    {
        try
        {
            return (text, KstatSelector.Parse(text));
        }
        catch (FormatException e)
        {
            throw new FormatException($"Bad selector '{text}': {e.Message}", e);
        }
    }

    /// <summary>Splits <c>HOST:PORT</c>: a host name or IPv4 address, or <c>:9469</c>, <c>*:9469</c> or <c>0.0.0.0:9469</c> for every address.</summary>
    /// <remarks>The managed HTTP listener .NET has on Linux rejects IPv6 literals in its prefixes, so they are refused here, before it.</remarks>
    private static (string Host, int Port) Listen(string text)
    {
        int colon = text.LastIndexOf(':');
        string host = colon >= 0 ? text[..colon] : string.Empty;
        string port = colon >= 0 ? text[(colon + 1)..] : text;
        if (!int.TryParse(port, NumberStyles.None, CultureInfo.InvariantCulture, out int number) || number is < 1 or > 65535)
        {
            throw new FormatException($"--listen '{text}': expected HOST:PORT with a port from 1 to 65535.");
        }

        if (host is "" or "*" or "0.0.0.0")
        {
            return ("+", number);
        }

        if (Uri.CheckHostName(host) is not (UriHostNameType.Dns or UriHostNameType.IPv4))
        {
            throw new FormatException($"--listen '{text}': expected a host name or an IPv4 address before the port (IPv6 addresses are not supported).");
        }

        return (host, number);
    }
}
