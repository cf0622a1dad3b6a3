using Kstat.Tree;
using Xunit;

namespace Kstat.Testing;

/// <summary>
/// Asserts a value's kind as well as its value: <see cref="KstatValue"/> equality is by value across kinds (UInt32 2
/// equals Int64 2), but decoders and parsers promise a kind, which users see in <see cref="KstatValue.Kind"/>, in
/// signedness and in the width a counter wraps at.
/// </summary>
internal static class KstatAssert
{
    public static void Same(KstatValue expected, KstatValue actual) => Assert.Equal(Identity(expected), Identity(actual));

    public static void Same(IEnumerable<KstatValue> expected, IEnumerable<KstatValue> actual) =>
        Assert.Equal(expected.Select(Identity), actual.Select(Identity));

    /// <summary>The kind and the exact value: a char array's bytes, a double's round-trip digits.</summary>
    public static string Identity(KstatValue value) => value.Kind switch
    {
        KstatValueKind.Char => $"Char {Convert.ToHexString(value.GetCharBytes())}",
        KstatValueKind.None => "None",
        _ => $"{value.Kind} {value}",
    };
}
