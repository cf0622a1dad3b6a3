namespace Kstat.Tree.Tests.Support;

/// <summary>The real kstat(1) captures under tests/data/captures (copied from the project's shared data, see SOURCES.md there).</summary>
public static class CaptureFiles
{
    public static string Directory { get; } = Path.Combine(FindRepositoryRoot(), "tests", "data", "captures");

    public static IEnumerable<string> All => System.IO.Directory.EnumerateFiles(Directory, "*.txt").Order(StringComparer.Ordinal);

    public static string PathOf(string fileName) => Path.Combine(Directory, fileName);

    public static string FindRepositoryRoot()
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
