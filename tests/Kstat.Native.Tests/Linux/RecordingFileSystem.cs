using System.Collections.Concurrent;

namespace Kstat.Native.Tests.Linux;

/// <summary>A file system that records every file opened (relative to its roots) and can refuse some, as hidepid or a container would.</summary>
internal sealed class RecordingFileSystem(string directory, params string[] refused)
    : ProcfsFileSystem(Path.Combine(directory, "proc"), Path.Combine(directory, "sys"))
{
    private readonly string _directory = directory;

    public ConcurrentQueue<string> Opened { get; } = new();

    public override string? TryReadText(string path)
    {
        string relative = Path.GetRelativePath(_directory, path).Replace('\\', '/');
        Opened.Enqueue(relative);
        if (refused.Contains(relative))
        {
            throw new UnauthorizedAccessException($"Access to the path '{path}' is denied.");
        }

        return base.TryReadText(path);
    }

    public string[] TakeOpened()
    {
        var list = new List<string>();
        while (Opened.TryDequeue(out string? p))
        {
            list.Add(p);
        }

        return [.. list];
    }
}
