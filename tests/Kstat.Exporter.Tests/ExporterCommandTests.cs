using System.Net;
using System.Net.Sockets;
using Kstat.Exporter.Tests.Support;
using Kstat.Samples;

namespace Kstat.Exporter.Tests;

/// <summary>The command as a user runs it: what it says and how it ends, for good and bad command lines.</summary>
public sealed class ExporterCommandTests : IDisposable
{
    private readonly string _capture = Path.Combine(Path.GetTempPath(), $"kstat-exporter-{Guid.NewGuid():N}.txt");

    public ExporterCommandTests() => File.WriteAllText(_capture, ExporterCapture.Text);

    [Theory]
    [InlineData("cpu_stat:::/^*/", "repetition-operator operand invalid")]
    [InlineData("a:b:c:d:e", "cpu_stat")]
    [InlineData("--frobnicate", "Unknown option '--frobnicate'")]
    [InlineData("--listen", "--listen needs a value")]
    public void A_bad_command_line_fails_at_start_with_one_line_and_status_2(string arg, string expected)
    {
        var (status, output, error) = Run(arg == "--listen" ? ["cpu_stat:::user", arg] : [arg]);

        Assert.Equal(ExitCodes.Usage, status);
        Assert.Empty(output);
        string line = Assert.Single(Lines(error));
        Assert.StartsWith("kstatexporter: ", line, StringComparison.Ordinal);
        if (expected != "cpu_stat")
        {
            Assert.Contains(expected, line, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("--listen", "127.0.0.1:http")]
    [InlineData("--listen", "127.0.0.1:70000")]
    [InlineData("--listen", "::1:9469")]
    [InlineData("--listen", "[::1]:9469")]
    [InlineData("--listen", "a b:9469")]
    public void A_bad_address_fails_at_start(string option, string value)
    {
        var (status, _, error) = Run([option, value, "cpu_stat:::user"]);

        Assert.Equal(ExitCodes.Usage, status);
        Assert.Contains($"--listen '{value}'", Assert.Single(Lines(error)), StringComparison.Ordinal);
    }

    [Fact]
    public void A_selector_that_selects_nothing_fails_at_start_with_status_1()
    {
        var (status, _, error) = Run(["--file", _capture, "--listen", $"127.0.0.1:{Loopback.FreePort()}", "cpu_stat:::user", "nosuch:::"]);

        Assert.Equal(ExitCodes.NothingSelected, status);
        Assert.Equal("kstatexporter: selector 'nosuch:::' selects no numeric statistic here.", Assert.Single(Lines(error)));
    }

    [Fact]
    public void A_malformed_capture_fails_at_start_with_status_3()
    {
        File.WriteAllText(_capture, "cpu_stat:0:cpu_stat0:crtime\tyesterday\n");

        var (status, _, error) = Run(["--file", _capture, "cpu_stat:::user"]);

        Assert.Equal(ExitCodes.CannotServe, status);
        Assert.Contains("crtime", Assert.Single(Lines(error)), StringComparison.Ordinal);
    }

    [Fact]
    public void An_address_in_use_fails_at_start_with_status_3()
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        int port = ((IPEndPoint)taken.LocalEndpoint).Port;

        var (status, _, error) = Run(["--file", _capture, "--listen", $"127.0.0.1:{port}", "cpu_stat:::user"]);

        Assert.Equal(ExitCodes.CannotServe, status);
        Assert.StartsWith($"kstatexporter: cannot listen on 127.0.0.1:{port}", Assert.Single(Lines(error)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_README_command_serves_its_selectors_until_stopped()
    {
        int port = Loopback.FreePort();
        var output = new StringWriter();
        var error = new StringWriter();
        using var stop = new CancellationTokenSource();
        string[] args = ["--listen", $"127.0.0.1:{port}", "--file", _capture, "cpu_stat:::/^(user|kernel|idle|wait)$/", "unix:0:system_pages:freemem"];
        var run = Task.Run(() => ExporterCommand.Run(args, TextWriter.Synchronized(output), TextWriter.Synchronized(error), stop.Token));

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        string body = await ScrapeWhenServingAsync(http, $"http://127.0.0.1:{port}/metrics", run);
        await stop.CancelAsync();

        Assert.Equal(ExitCodes.Stopped, await run.WaitAsync(TimeSpan.FromSeconds(30)));
        var scrape = Scrape.Parse(body);
        Assert.Equal(["kstat_cpu_stat_idle_total", "kstat_cpu_stat_kernel_total", "kstat_cpu_stat_user_total", "kstat_cpu_stat_wait_total", "kstat_unix_freemem"],
                     scrape.Types.Keys.Order(StringComparer.Ordinal));
        Assert.Equal($"kstatexporter: serving 5 instruments at http://127.0.0.1:{port}/metrics", Assert.Single(Lines(output.ToString())));
        Assert.Empty(error.ToString());
    }

    private static async Task<string> ScrapeWhenServingAsync(HttpClient http, string url, Task<int> run)
    {
        for (int attempt = 0; attempt < 200; attempt++)
        {
            Assert.False(run.IsCompleted, "the exporter stopped before serving");
            try
            {
                return await http.GetStringAsync(new Uri(url));
            }
            catch (HttpRequestException)
            {
                await Task.Delay(50); // not listening yet
            }
        }

        throw new TimeoutException($"nothing served at {url}");
    }

    private static (int Status, string Output, string Error) Run(string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int status = ExporterCommand.Run(args, output, error);
        return (status, output.ToString(), error.ToString());
    }

    private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public void Dispose() => File.Delete(_capture);
}
