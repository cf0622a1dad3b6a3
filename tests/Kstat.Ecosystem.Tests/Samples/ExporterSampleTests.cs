using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using Kstat.Ecosystem.Tests.Support;

namespace Kstat.Ecosystem.Tests.Samples;

/// <summary>The Prometheus exporter as built, run as its own process with the README's selectors over a capture, and scraped.</summary>
[Collection(SlowTests.Name)]
public sealed partial class ExporterSampleTests
{
    private const string CpuCapture = "smartos-32cpu-cpu_stat-idle-kernel-user-p-tabs-expanded.txt";
    private const string PagesCapture = "smartos-system_pages-p-tabs-expanded.txt";
    private static readonly string Dll = Repository.PathOf("samples", "KstatExporter", "bin", DotNet.Configuration, "net10.0", "KstatExporter.dll");

    [Fact]
    [Trait("Category", "Slow")]
    public async Task The_README_command_serves_the_captures_counters_and_stops_on_SIGTERM()
    {
        // One machine's cpu_stat and system_pages captures as one kstat -p round.
        string cpu = Repository.PathOf("tests", "data", "captures", CpuCapture);
        string pages = Repository.PathOf("tests", "data", "captures", PagesCapture);
        string capture = Path.Combine(Path.GetTempPath(), $"kstat-exporter-{Guid.NewGuid():N}.txt");
        File.WriteAllText(capture, File.ReadAllText(cpu).TrimEnd() + "\n" + File.ReadAllText(pages));
        int port = FreePort();
        using var exporter = Start("--listen", $"127.0.0.1:{port}", "--file", capture, "cpu_stat:::/^(user|kernel|idle|wait)$/", "unix:0:system_pages:freemem");
        try
        {
            string? serving = await exporter.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromMinutes(1));
            Assert.Equal($"kstatexporter: serving 4 instruments at http://127.0.0.1:{port}/metrics", serving); // the capture has no wait ticks

            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
            string body = await http.GetStringAsync(new Uri($"http://127.0.0.1:{port}/metrics"));

            // Every cpu_stat tick counter of the capture, as kstat(1) printed it, once.
            var expected = File.ReadAllLines(capture).Select(l => CpuTick().Match(l)).Where(m => m.Success)
                               .Select(m => $"kstat_cpu_stat_{m.Groups["stat"]}_total{{instance=\"{m.Groups["instance"]}\",module=\"cpu_stat\",name=\"cpu_stat{m.Groups["instance"]}\"}} {m.Groups["value"]}")
                               .Append($"kstat_unix_freemem{{instance=\"0\",module=\"unix\",name=\"system_pages\"}} {Freemem(pages)}");
            var samples = body.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => !l.StartsWith('#'));
            Assert.Equal(expected.Order(StringComparer.Ordinal), samples.Order(StringComparer.Ordinal));
            Assert.Contains("# TYPE kstat_cpu_stat_user_total counter", body, StringComparison.Ordinal);
        }
        finally
        {
            Signal(exporter, "TERM");
            File.Delete(capture);
        }

        Assert.True(exporter.WaitForExit(TimeSpan.FromMinutes(1)), "the exporter did not stop on SIGTERM");
        Assert.Equal(0, exporter.ExitCode);
    }

    [Fact]
    [Trait("Category", "Slow")]
    public void A_bad_selector_ends_the_process_with_one_line_and_no_stack_trace()
    {
        var (exitCode, output) = DotNet.Run(Repository.Root, Dll, "cpu_stat:::/^*/");

        Assert.Equal(2, exitCode);
        string line = Assert.Single(output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("kstatexporter: Bad selector 'cpu_stat:::/^*/': repetition-operator operand invalid", line, StringComparison.Ordinal);
    }

    private static string Freemem(string capture) =>
        File.ReadAllLines(capture).Select(l => Regex.Match(l, @"^unix:0:system_pages:freemem\s+(\d+)")).Single(m => m.Success).Groups[1].Value;

    private static Process Start(params string[] args) => Process.Start(Programs.StartInfo("dotnet", [Dll, .. args]))!;

    private static void Signal(Process process, string signal)
    {
        if (!process.HasExited)
        {
            using var kill = Process.Start("kill", ["-" + signal, process.Id.ToString(CultureInfo.InvariantCulture)]);
            kill.WaitForExit();
        }
    }

    private static int FreePort()
    {
        using var socket = new TcpListener(IPAddress.Loopback, 0);
        socket.Start();
        return ((IPEndPoint)socket.LocalEndpoint).Port;
    }

    [GeneratedRegex(@"^cpu_stat:(?<instance>\d+):cpu_stat\d+:(?<stat>user|kernel|idle|wait)\s+(?<value>\d+)\s*$")]
    private static partial Regex CpuTick();
}
