using System.Runtime.InteropServices;
using Kstat.Ecosystem.Tests.Support;

namespace Kstat.Ecosystem.Tests.Packaging;

/// <summary>
/// The kstat command as a native executable: <c>dotnet publish samples/Kstat.Cli -c Release -r RID</c> (Native AOT,
/// clang and zlib from the system) must succeed without a trimming or AOT warning, and the executable must behave
/// exactly like the .NET tool, byte for byte, on stdout and stderr and in its exit status.
/// </summary>
[Collection(SlowTests.Name)]
public sealed class NativeBuildTests
{
    [Fact]
    [Trait("Category", "Slow")]
    public void The_native_kstat_publishes_without_warnings_and_prints_what_the_dotnet_tool_prints()
    {
        using var scratch = new ScratchDirectory("native");
        string published = Path.Combine(scratch.Path, "publish");
        string output = DotNet.Succeed(Repository.Root, "publish", Repository.PathOf("samples", "Kstat.Cli", "Kstat.Cli.csproj"),
                                       "-c", "Release", "-r", RuntimeInformation.RuntimeIdentifier, "-o", published, "-nologo");
        Assert.DoesNotContain("warning", output, StringComparison.OrdinalIgnoreCase);

        // A native executable: no managed assembly beside it for a host to load.
        string native = Path.Combine(published, "kstat");
        Assert.True(File.Exists(native), $"no kstat in {published}:\n{output}");
        Assert.False(File.Exists(Path.Combine(published, "kstat.dll")), "the publish made a managed kstat.dll, not a native executable");

        string tool = Repository.PathOf("samples", "Kstat.Cli", "bin", DotNet.Configuration, "net10.0", "kstat.dll");
        string parseable = Repository.PathOf("tests", "data", "c-kstat-p.txt");
        string human = Repository.PathOf("tests", "data", "captures", "solaris-x86-opteron-cpu_info-plain.txt");
        string cpuStat = Repository.PathOf("tests", "data", "captures", "smartos-32cpu-cpu_stat-idle-kernel-user-p-tabs-expanded.txt");
        string missing = Path.Combine(scratch.Path, "no-such-capture.txt");
        string malformed = scratch.Write("malformed.txt", "cpu_info:0:cpu_info0:brand\tx\ncpu_info:zero:cpu_info0:clock_MHz\t1\n");
        string[][] commands =
        [
            ["-p", "--file", parseable],
            ["-j", "--file", parseable, "cpu_info:0"],
            ["--file", human],
            ["-C", "--file", human, "cpu_info:*:/^cpu_info[0-9]$/:/clock|brand/"],
            ["-l", "--file", cpuStat, "-c", "misc"],
            ["-p", "--file", cpuStat, "cpu_stat:1*::idle", "1", "2"],
            ["-q", "--file", parseable, "no_such_module"],
            ["-p", "--file", missing],
            ["-p", "--file", malformed],
            ["-p", "/a(/"],
            ["-h"],
        ];

        // The tool itself is checked elsewhere against kstat(1); here one reference point: the C kstat's -p capture comes back.
        Assert.Equal(File.ReadAllBytes(parseable), Programs.Run(native, commands[0]).Stdout);
        foreach (string[] args in commands)
        {
            var expected = Programs.Run("dotnet", [tool, .. args]);
            var actual = Programs.Run(native, args);

            string command = string.Join(' ', args);
            Assert.True(expected.Stdout.AsSpan().SequenceEqual(actual.Stdout), $"kstat {command}: stdout differs");
            Assert.Equal((expected.ExitCode, expected.Stderr), (actual.ExitCode, actual.Stderr));
        }
    }
}
