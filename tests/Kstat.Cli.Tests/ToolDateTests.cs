using System.Diagnostics;
using Kstat.Cli.Tests.Support;

namespace Kstat.Cli.Tests;

/// <summary><c>-T d</c> in a child process with <c>TZ</c> set: the zone's abbreviation as the C library gives it, as kstat(1) prints it.</summary>
public sealed class ToolDateTests : IDisposable
{
    private readonly string _capture;
    private readonly string _temp = Directory.CreateTempSubdirectory("kstat-date-tests").FullName;

    public ToolDateTests()
    {
        // A capture recorded with -T u at 1999-07-02 19:39:50 UTC: the tool stamps its round with that time.
        _capture = Path.Combine(_temp, "stamped.txt");
        File.WriteAllText(_capture, "930944390\nunix:0:system_misc:ncpus\t2\n");
    }

    public void Dispose() => Directory.Delete(_temp, recursive: true);

    [Theory]
    [InlineData("UTC0", "Fri Jul  2 19:39:50 UTC 1999")]
    [InlineData("JST-9", "Sat Jul  3 04:39:50 JST 1999")]
    [InlineData("CET-1CEST,M3.5.0,M10.5.0/3", "Fri Jul  2 21:39:50 CEST 1999")]
    [InlineData("EST5EDT,M4.1.0,M10.5.0", "Fri Jul  2 15:39:50 EDT 1999")]
    [InlineData("Asia/Tokyo", "Sat Jul  3 04:39:50 JST 1999")]
    [InlineData("America/New_York", "Fri Jul  2 15:39:50 EDT 1999")]
    public void Dash_T_d_prints_local_time_with_the_zone_abbreviation(string zone, string expected)
    {
        if (zone.Contains('/') && !File.Exists(Path.Combine("/usr/share/zoneinfo", zone)))
        {
            return; // no time zone database on this machine; the POSIX rules above need none
        }

        var run = KstatRunner.RunProcess(WithZone(zone, "-T", "d", "-p", "--file", _capture, "unix:0:system_misc:ncpus"));
        Assert.Equal((0, $"{expected}\nunix:0:system_misc:ncpus\t2\n", ""), (run.ExitCode, run.Stdout, run.Stderr));
    }

    [Fact]
    public void Dash_T_d_of_now_reads_back_as_a_capture_timestamp()
    {
        string plain = Path.Combine(_temp, "plain.txt");
        File.WriteAllText(plain, "unix:0:system_misc:ncpus\t2\n");

        var run = KstatRunner.RunProcess(WithZone("JST-9", "-T", "d", "-p", "--file", plain));
        string line = run.Stdout.Split('\n')[0];
        Assert.Matches(@"^(Sun|Mon|Tue|Wed|Thu|Fri|Sat) [A-Z][a-z]{2} [ 1-3][0-9] [0-2][0-9]:[0-5][0-9]:[0-6][0-9] JST [0-9]{4}$", line);
        using var chain = Kstat.Tree.SnapshotChain.Parse(run.Stdout);
        Assert.Equal(line, chain.Timestamp);
    }

    private static ProcessStartInfo WithZone(string zone, params string[] args)
    {
        var info = KstatRunner.Tool(args);
        info.Environment["TZ"] = zone;
        return info;
    }
}
