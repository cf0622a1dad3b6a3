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

        Assert.Equal(direct, stripped);
        Assert.Equal(direct.GetHashCode(), stripped.GetHashCode());
        Assert.NotEqual(KstatValue.Char(Padded), stripped);
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
    public void Default_and_empty_char_values_are_equal_and_empty()
    {
        Assert.Equal(0, default(KstatValue).GetCharBytes().Length);
        Assert.Equal(KstatValue.Char([]), default);
        Assert.Equal(KstatValue.Char([0, 0]).StripNul(), default);
    }
}
