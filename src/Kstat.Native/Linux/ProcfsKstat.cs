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

    public string Key { get; } = KstatKey.Format(module, instance, name);

    /// <summary>Reads the files this kstat needs, now, into one reading.</summary>
    /// <exception cref="KstatNotFoundException">The thing the kstat describes is gone.</exception>
    /// <exception cref="KstatFormatException">A file is malformed.</exception>
    /// <exception cref="KstatException">A file could not be read.</exception>
    public abstract KstatReading Read(ProcfsContext context);

    /// <summary>Tells whether <paramref name="other"/> is the same kstat (same key, class and type) with possibly refreshed parameters.</summary>
    public bool SameIdentity(ProcfsKstat other) =>
        Key == other.Key && Class == other.Class && Type == other.Type;
}
