namespace Kstat.Native.Tests.Linux;

/// <summary>A writable copy of a fixture tree in a temporary directory, so a test can break or swap files.</summary>
internal sealed class TempFixture : IDisposable
{
    public TempFixture(string fixture)
    {
        Directory = Path.Combine(Path.GetTempPath(), "kstat-procfs-" + Guid.NewGuid().ToString("N"));
        CopyFrom(fixture);
    }

    public string Directory { get; }

    public string Proc(string relative) => Path.Combine(Directory, "proc", relative);

    /// <summary>Replaces the whole tree with another fixture: the machine's next state.</summary>
    public void CopyFrom(string fixture)
    {
        if (System.IO.Directory.Exists(Directory))
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }

        string source = ProcfsFixtures.PathOf(fixture);
        foreach (string file in System.IO.Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            string target = Path.Combine(Directory, Path.GetRelativePath(source, file));
            System.IO.Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    public void Dispose()
    {
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
