using System.Runtime.CompilerServices;

namespace Kstat.Tree;

/// <summary>
/// A kstat's <c>module:instance:name</c> while a capture is read. Module and name are the builder's interned strings,
/// so equality and hashing go by reference: no string is hashed or compared per line.
/// </summary>
internal readonly struct KstatId(string module, int instance, string name) : IEquatable<KstatId>
{
    public string Module { get; } = module;

    public int Instance { get; } = instance;

    public string Name { get; } = name;

    public bool Equals(KstatId other) =>
        ReferenceEquals(Module, other.Module) && Instance == other.Instance && ReferenceEquals(Name, other.Name);

    public override bool Equals(object? obj) => obj is KstatId other && Equals(other);

    public override int GetHashCode() =>
        HashCode.Combine(RuntimeHelpers.GetHashCode(Module), Instance, RuntimeHelpers.GetHashCode(Name));

    public override string ToString() => KstatHeader.FormatKey(Module, Instance, Name);
}
