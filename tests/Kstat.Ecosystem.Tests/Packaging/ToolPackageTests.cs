using Kstat.Ecosystem.Tests.Support;

namespace Kstat.Ecosystem.Tests.Packaging;

/// <summary>
/// The kstat command as users get it: <c>dotnet pack</c> makes a .NET tool package, <c>dotnet tool install</c> puts it
/// on a tool path from a local feed, and the installed <c>kstat</c> prints a capture exactly as illumos kstat(1) did.
/// </summary>
[Collection(SlowTests.Name)]
public sealed class ToolPackageTests
{
    [Fact]
    [Trait("Category", "Slow")]
    public void The_kstat_tool_installs_from_a_local_feed_and_reprints_a_capture_byte_for_byte()
    {
        using var scratch = new ScratchDirectory("tool");
        string feed = Path.Combine(scratch.Path, "feed");
        DotNet.Succeed(Repository.Root, "pack", Repository.PathOf("samples", "Kstat.Cli", "Kstat.Cli.csproj"),
                       "--no-build", "-c", DotNet.Configuration, "-o", feed, "-nologo");
        var package = Assert.Single(Directory.GetFiles(feed, "Kstat.Cli.*.nupkg"), f => !f.EndsWith(".snupkg", StringComparison.Ordinal));
        string version = Path.GetFileNameWithoutExtension(package)["Kstat.Cli.".Length..];
        Assert.Equal(Version.Parse(typeof(Kstat.Tree.KstatTree).Assembly.GetName().Version!.ToString(3)), Version.Parse(version.Split('-')[0]));

        string config = scratch.Write("nuget.config", $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="kstat-local" value="{feed}" />
              </packageSources>
              <config>
                <add key="globalPackagesFolder" value="{Path.Combine(scratch.Path, "packages")}" />
              </config>
            </configuration>
            """);
        string tools = Path.Combine(scratch.Path, "tools");
        DotNet.Succeed(scratch.Path, "tool", "install", "Kstat.Cli", "--version", version, "--tool-path", tools, "--configfile", config);

        // A capture in the form C kstat(1) prints with -p: the installed tool must give back the same bytes.
        string capture = Repository.PathOf("tests", "data", "c-kstat-p.txt");
        var (exitCode, output, error) = Programs.Run(Path.Combine(tools, "kstat"), "-p", "--file", capture);

        Assert.Equal("", error);
        Assert.Equal(0, exitCode);
        Assert.Equal(File.ReadAllBytes(capture), output);
    }
}
