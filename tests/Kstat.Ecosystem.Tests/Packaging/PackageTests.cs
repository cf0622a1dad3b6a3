using System.IO.Compression;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Kstat.Ecosystem.Tests.Support;

namespace Kstat.Ecosystem.Tests.Packaging;

/// <summary>
/// The NuGet packages as a user gets them: <c>dotnet pack</c> into a local folder, then a fresh console project that
/// references the packages by version (not the projects), restored, built and run against a real capture.
/// </summary>
[Collection(SlowTests.Name)]
public sealed partial class PackageTests
{
    private const string Capture = "smartos-32cpu-cpu_stat-idle-kernel-user-p-tabs-expanded.txt";

    [Fact]
    [Trait("Category", "Slow")]
    public void The_packages_install_from_a_local_feed_and_run_against_a_capture()
    {
        using var scratch = new ScratchDirectory("packages");
        string feed = Path.Combine(scratch.Path, "feed");
        foreach (string project in new[] { "Kstat.Tree", "Kstat.Native" })
        {
            // The assemblies were just built for these tests: pack them as they are.
            DotNet.Succeed(Repository.Root, "pack", Repository.PathOf("src", project, project + ".csproj"),
                           "--no-build", "-c", DotNet.Configuration, "-o", feed, "-nologo");
        }

        string version = VersionOf(feed, "Kstat.Tree");
        AssertPackageContents(feed, "Kstat.Tree", version);
        AssertPackageContents(feed, "Kstat.Native", version);
        Assert.Equal(version, DependencyVersion(feed, "Kstat.Native", version, "Kstat.Tree"));

        string app = Path.Combine(scratch.Path, "app");
        scratch.Write("app/nuget.config", $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <!-- Only the local feed: the app needs nothing else, and a package of the same name elsewhere must not win. -->
                <clear />
                <add key="kstat-local" value="{feed}" />
              </packageSources>
              <config>
                <!-- A private package folder: a package cached by an earlier run must not stand in for this one. -->
                <add key="globalPackagesFolder" value="{Path.Combine(scratch.Path, "packages")}" />
              </config>
            </configuration>
            """);
        scratch.Write("app/app.csproj", $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
                <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="Kstat.Native" Version="{version}" />
              </ItemGroup>
            </Project>
            """);
        scratch.Write("app/Program.cs", """
            using Kstat.Native;
            using Kstat.Tree;

            using var ks = KstatTree.Load(args[0]);
            ulong user = 0;
            foreach (int n in ks["cpu_stat"].Keys.Order())
            {
                user += (ulong)ks["cpu_stat"][n][$"cpu_stat{n}"]["user"];
            }

            Console.WriteLine($"cpus {ks["cpu_stat"].Count}");
            Console.WriteLine($"user {user}");
            Console.WriteLine($"tree {typeof(KstatTree).Assembly.GetName().Version}");
            Console.WriteLine($"native {typeof(NativeKstat).Assembly.GetName().Version}");
            """);

        DotNet.Succeed(app, "build", "-nologo", "-v:q", "-clp:NoSummary");
        string output = DotNet.Succeed(app, "run", "--no-build", "--", Repository.PathOf("tests", "data", "captures", Capture));

        var (cpus, user) = CpuStatUserTotals(File.ReadAllLines(Repository.PathOf("tests", "data", "captures", Capture)));
        string assemblyVersion = Version.Parse(version.Split('-')[0]).ToString(3) + ".0";
        Assert.Equal(
            [$"cpus {cpus}", $"user {user}", $"tree {assemblyVersion}", $"native {assemblyVersion}"],
            output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }

    /// <summary>The version of a package in the feed, from its file name (<c>Kstat.Tree.0.1.0.nupkg</c>).</summary>
    private static string VersionOf(string feed, string id)
    {
        var package = Assert.Single(Directory.GetFiles(feed, id + ".*.nupkg"), f => !f.EndsWith(".snupkg", StringComparison.Ordinal)
                                                                                  && VersionPattern().IsMatch(Path.GetFileName(f)[(id.Length + 1)..]));
        return Path.GetFileNameWithoutExtension(package)[(id.Length + 1)..];
    }

    private static void AssertPackageContents(string feed, string id, string version)
    {
        Assert.True(File.Exists(Path.Combine(feed, $"{id}.{version}.snupkg")), $"{id}: no symbol package");
        using var package = ZipFile.OpenRead(Path.Combine(feed, $"{id}.{version}.nupkg"));
        var entries = package.Entries.Select(e => e.FullName).ToList();
        Assert.Contains($"lib/net10.0/{id}.dll", entries);
        Assert.Contains($"lib/net10.0/{id}.xml", entries);
        Assert.Contains("README.md", entries);

        var metadata = Nuspec(package).Element(Nuspec(package).Name.Namespace + "metadata")!;
        XNamespace ns = metadata.Name.Namespace;
        Assert.Equal("MIT", metadata.Element(ns + "license")?.Value);
        Assert.Equal("expression", (string?)metadata.Element(ns + "license")?.Attribute("type"));
        Assert.Equal("README.md", metadata.Element(ns + "readme")?.Value);
        Assert.NotNull(metadata.Element(ns + "repository")?.Attribute("commit")); // SourceLink recorded the commit
    }

    private static string? DependencyVersion(string feed, string id, string version, string dependency)
    {
        using var package = ZipFile.OpenRead(Path.Combine(feed, $"{id}.{version}.nupkg"));
        return Nuspec(package).Descendants().Where(e => e.Name.LocalName == "dependency" && (string?)e.Attribute("id") == dependency)
                              .Select(e => (string?)e.Attribute("version")).SingleOrDefault();
    }

    private static XElement Nuspec(ZipArchive package)
    {
        using var stream = package.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal)).Open();
        return XElement.Load(stream);
    }

    /// <summary>What the app must print, worked out from the capture text itself: the CPUs and their summed user ticks.</summary>
    private static (int Cpus, ulong User) CpuStatUserTotals(string[] lines)
    {
        var users = lines.Select(l => UserLine().Match(l)).Where(m => m.Success).Select(m => ulong.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.NotEmpty(users);
        return (users.Count, users.Aggregate(0UL, (a, b) => a + b));
    }

    [GeneratedRegex(@"^cpu_stat:\d+:cpu_stat\d+:user\s+(\d+)\s*$")]
    private static partial Regex UserLine();

    [GeneratedRegex(@"^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?\.nupkg$")]
    private static partial Regex VersionPattern();
}
