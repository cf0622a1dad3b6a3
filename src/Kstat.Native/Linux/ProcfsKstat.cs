using System.Globalization;
using Kstat.Tree;

namespace Kstat.Native;

/// <summary>One synthesised kstat: its identity in the chain and how to read it from procfs when asked.</summary>
internal abstract class ProcfsKstat(string module, int instance, string name, string @class, KstatType type)
{
    public string Module { get; } = module;

    public int Instance { get; } = instance;

    public string Name { get; } = name;

    public string Class { get; } = @class;

    public KstatType Type { get; } = type;

    public string Key { get; } = string.Create(CultureInfo.InvariantCulture, $"{module}:{instance}:{name}");

    /// <summary>Reads the files this kstat needs, now, into one reading.</summary>
    /// <exception cref="KstatNotFoundException">The thing the kstat describes is gone.</exception>
    /// <exception cref="KstatFormatException">A file is malformed.</exception>
    /// <exception cref="KstatException">A file could not be read.</exception>
    public abstract KstatReading Read(ProcfsContext context);

    /// <summary>Reads one <c>/proc</c> file and picks this kstat's part of it, taking <c>snaptime</c> right after the read.</summary>
    /// <param name="context">The files and the clock.</param>
    /// <param name="file">The file, relative to the procfs root.</param>
    /// <param name="parse">Parses (path, text) into this kstat's part, or <c>null</c> when the file no longer has it.</param>
    /// <param name="what">What the file lacks then, for the message ("CPU 3", "interface 'eth0'").</param>
    /// <exception cref="KstatNotFoundException">The file is missing, or no longer has this kstat's part.</exception>
    protected (T Value, long SnapTime) ReadPart<T>(ProcfsContext context, string file, Func<string, string, T?> parse, string what)
        where T : class
    {
        string path = context.Files.Proc(file);
        string text = context.Files.ReadRequired(path, Key);
        long snap = context.Now();
        return (parse(path, text) ?? throw new KstatNotFoundException($"The kstat '{Key}' no longer exists: {path} has no {what}.", Key), snap);
    }

    /// <summary>Tells whether <paramref name="other"/> is the same kstat (same key, class and type) with possibly refreshed parameters.</summary>
    public bool SameIdentity(ProcfsKstat other) =>
        Key == other.Key && Class == other.Class && Type == other.Type;
}
