using Kstat.Tree;

namespace Kstat.Native;

/// <summary>
/// The files a <see cref="ProcfsChain"/> reads, under a <c>/proc</c> root and a <c>/sys</c> root; the one place
/// that touches the file system, so tests can count opens or swap in fixture trees.
/// </summary>
internal class ProcfsFileSystem
{
    public ProcfsFileSystem(string procRoot, string sysRoot)
    {
        ArgumentException.ThrowIfNullOrEmpty(procRoot);
        ArgumentException.ThrowIfNullOrEmpty(sysRoot);
        ProcRoot = procRoot;
        SysRoot = sysRoot;
    }

    public string ProcRoot { get; }

    public string SysRoot { get; }

    public string Proc(string relative) => Path.Combine(ProcRoot, relative);

    public string Sys(string relative) => Path.Combine(SysRoot, relative);

    /// <summary>Tells whether a name read from a file can be one component of a path: what the kernel allows in the name
    /// of an interface or a device (no <c>/</c>, no NUL, not <c>.</c> or <c>..</c>).</summary>
    public static bool IsFileName(string name) =>
        name.Length > 0 && name is not ("." or "..") && name.AsSpan().IndexOfAny('/', '\0') < 0;

    /// <summary>Reads a whole file, or returns <c>null</c> when it does not exist.</summary>
    /// <exception cref="IOException">The file exists but could not be read.</exception>
    /// <exception cref="UnauthorizedAccessException">The file may not be read (hidepid, permissions).</exception>
    public virtual string? TryReadText(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
    }

    /// <summary>Tells whether a file exists, without opening it.</summary>
    public virtual bool FileExists(string path) => File.Exists(path);

    /// <summary>Lists the names of the sub-directories of a directory; none when it is missing or unreadable.</summary>
    public virtual IEnumerable<string> ListDirectories(string path)
    {
        try
        {
            return Directory.GetDirectories(path).Select(Path.GetFileName).OfType<string>().ToArray();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return [];
        }
    }

    /// <summary>Lists the names of the files of a directory; none when it is missing or unreadable.</summary>
    public virtual IEnumerable<string> ListFiles(string path)
    {
        try
        {
            return Directory.GetFiles(path).Select(Path.GetFileName).OfType<string>().ToArray();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return [];
        }
    }

    /// <summary>Reads a file a kstat cannot do without: missing → <see cref="KstatNotFoundException"/>, unreadable → <see cref="KstatException"/>.</summary>
    public string ReadRequired(string path, string key)
    {
        string? text;
        try
        {
            text = TryReadText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new KstatException($"The kstat '{key}' cannot be read: {path}: {e.Message}", e);
        }

        return text ?? throw new KstatNotFoundException($"The kstat '{key}' no longer exists: {path} is missing.", key);
    }

    /// <summary>Reads a one-number sysfs file such as <c>topology/core_id</c> or <c>class/net/eth0/speed</c>: <c>null</c> when it is missing or unreadable.</summary>
    /// <exception cref="KstatFormatException">The file holds something other than one decimal integer.</exception>
    public long? ReadOptionalNumber(string path)
    {
        string? text = ReadOptional(path);
        if (text is null)
        {
            return null;
        }

        var line = new ProcfsLine(path, 1, text.Trim());
        var t = line.Tokens();
        return t.Count == 1 ? line.Int64(t[0], "a number") : throw line.Error("expected one number", 1);
    }

    /// <summary>Reads a file that only adds statistics: <c>null</c> when it is missing or unreadable.</summary>
    public string? ReadOptional(string path)
    {
        try
        {
            return TryReadText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
