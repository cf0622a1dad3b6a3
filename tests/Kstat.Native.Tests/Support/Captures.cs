namespace Kstat.Native.Tests.Support;

/// <summary>The real kstat(1) captures under tests/data/captures (SOURCES.md there describes each).</summary>
internal static class Captures
{
    public static string Directory { get; } = Path.Combine(FindRepositoryRoot(), "tests", "data", "captures");

    /// <summary>Gets the file names of the parseable (<c>kstat -p</c>) captures.</summary>
    public static IEnumerable<string> Parseable =>
        System.IO.Directory.EnumerateFiles(Directory, "*-p-*.txt").Select(Path.GetFileName).Order(StringComparer.Ordinal)!;

    public static string PathOf(string fileName) => Path.Combine(Directory, fileName);

    private static string FindRepositoryRoot()
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
