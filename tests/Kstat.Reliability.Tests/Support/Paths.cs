namespace Kstat.Reliability.Tests.Support;

/// <summary>Where the repository's test data is: the real captures and the procfs fixture trees.</summary>
public static class Paths
{
    public static string Root { get; } = FindRepositoryRoot();

    public static string Captures { get; } = Path.Combine(Root, "tests", "data", "captures");

    public static string ProcfsFixtures { get; } = Path.Combine(Root, "tests", "Kstat.Native.Tests", "Linux", "Fixtures");

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
