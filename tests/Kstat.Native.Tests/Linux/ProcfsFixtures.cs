namespace Kstat.Native.Tests.Linux;

/// <summary>The procfs/sysfs fixture trees under Linux/Fixtures (SOURCES.md in each says where they come from).</summary>
internal static class ProcfsFixtures
{
    public const string Live = "live-2cpu";
    public const string Hotplug = "hotplug-3cpu";

    public static string PathOf(string name) => Path.Combine(RepositoryRoot(), "tests", "Kstat.Native.Tests", "Linux", "Fixtures", name);

    /// <summary>A chain over a fixture, with a fixed clock and 4 KiB pages so the expected values do not depend on the machine.</summary>
    public static ProcfsChain Open(string directory, ProcfsFileSystem? files = null, Func<long>? clock = null)
    {
        files ??= new ProcfsFileSystem(Path.Combine(directory, "proc"), Path.Combine(directory, "sys"));
        long now = 1_000;
        return new ProcfsChain(files, clock ?? (() => now += 1_000), 4096);
    }

    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Kstat.Tree.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Kstat.Tree.sln not found above " + AppContext.BaseDirectory);
    }
}
