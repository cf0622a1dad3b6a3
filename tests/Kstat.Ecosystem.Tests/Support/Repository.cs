namespace Kstat.Ecosystem.Tests.Support;

/// <summary>Paths inside the repository the tests run from.</summary>
public static class Repository
{
    public static string Root { get; } = FindRoot();

    public static string PathOf(params string[] parts) => Path.Combine([Root, .. parts]);

    private static string FindRoot()
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
