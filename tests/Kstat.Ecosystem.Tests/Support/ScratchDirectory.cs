namespace Kstat.Ecosystem.Tests.Support;

/// <summary>
/// A temporary directory for a generated project, walled off from the repository's build settings (empty
/// Directory.Build.props and Directory.Packages.props stop MSBuild's upward search) and deleted afterwards.
/// </summary>
public sealed class ScratchDirectory : IDisposable
{
    public ScratchDirectory(string purpose)
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"kstat-{purpose}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(Path);
        Write("Directory.Build.props", "<Project />\n");
        Write("Directory.Packages.props", "<Project />\n");
        Write("Directory.Build.targets", "<Project />\n");
    }

    public string Path { get; }

    public string Write(string relativePath, string content)
    {
        string file = System.IO.Path.Combine(Path, relativePath);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(file)!);
        File.WriteAllText(file, content);
        return file;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A build server may still hold a file for a moment; the OS cleans the temp directory.
        }
    }
}
