using System.Text;
using Kstat.Tree;

namespace Kstat.Tree.Tests.Values;

/// <summary>A stripped CHAR value shares its array with the original but must behave as the shorter value it is.</summary>
public class KstatValueCharTests
{
    private static readonly byte[] Padded = [.. Encoding.ASCII.GetBytes("1000baseT"), 0, (byte)'x', 0, 0, 0, 0, 0];

    [Fact]
    public void A_stripped_char_value_is_the_bytes_before_the_first_nul()
    {
        var stripped = KstatValue.Char(Padded).StripNul();

        Assert.Equal(Encoding.ASCII.GetBytes("1000baseT"), stripped.GetCharBytes().ToArray());
        Assert.Equal("1000baseT", stripped.ToText());
        Assert.Equal("1000baseT", stripped.ToString());
    }

    [Fact]
    public void A_stripped_char_value_equals_and_hashes_as_the_same_bytes_made_directly()
    {
        var stripped = KstatValue.Char(Padded).StripNul();
        var direct = KstatValue.Char(Encoding.ASCII.GetBytes("1000baseT"));

        KstatAssert.Same(direct, stripped);
        Assert.Equal(direct.GetHashCode(), stripped.GetHashCode());
        Assert.Equal(KstatValue.Char(Padded), stripped); // equal by the text kstat(1) prints, up to the first NUL
        Assert.NotEqual(KstatAssert.Identity(KstatValue.Char(Padded)), KstatAssert.Identity(stripped)); // but not the same bytes
    }

    [Fact]
    public void Stripping_leaves_the_original_value_whole()
    {
        var original = KstatValue.Char(Padded);
        _ = original.StripNul();

        Assert.Equal(16, original.GetCharBytes().Length);
        Assert.Equal(Padded, original.GetCharBytes().ToArray());
    }

    [Fact]
    public void Empty_char_values_are_empty_text_and_not_the_absent_default()
    {
        Assert.Equal(0, KstatValue.Char([0, 0]).StripNul().GetCharBytes().Length);
        Assert.Equal(KstatValue.Char([]), KstatValue.Char([0, 0]).StripNul());
        Assert.Equal(KstatValue.FromString(""), KstatValue.Char([0, 0]));
        Assert.NotEqual(KstatValue.Char([]), default);
        Assert.Throws<InvalidCastException>(() => default(KstatValue).GetCharBytes().Length);
    }
}
