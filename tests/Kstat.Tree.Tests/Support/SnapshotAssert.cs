using Kstat.Tree;

namespace Kstat.Tree.Tests.Support;

/// <summary>Compares trees by what a user sees: the same kstats with the same headers (Kid aside) and the same typed values.</summary>
internal static class SnapshotAssert
{
    public static void SameTree(KstatTree expected, KstatTree actual)
    {
        var expectedLeaves = expected.Leaves().ToDictionary(l => l.Key);
        var actualLeaves = actual.Leaves().ToDictionary(l => l.Key);
        Assert.Equal(expectedLeaves.Keys.Order(StringComparer.Ordinal), actualLeaves.Keys.Order(StringComparer.Ordinal));
        foreach (var (key, e) in expectedLeaves)
        {
            var a = actualLeaves[key];
            Assert.Equal(e.Header with { Kid = 0 }, a.Header with { Kid = 0 });
            var er = TryRead(e);
            var ar = TryRead(a);
            Assert.Equal(er is null, ar is null);
            if (er is null || ar is null)
            {
                continue;
            }

            Assert.Equal(er.SnapTime, ar.SnapTime);
            Assert.Equal(
                er.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => (p.Key, p.Value.Kind, p.Value.ToString())),
                ar.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => (p.Key, p.Value.Kind, p.Value.ToString())));
        }
    }

    public static KstatReading? TryRead(KstatLeaf leaf)
    {
        try
        {
            return leaf.GetReading();
        }
        catch (KstatNotFoundException)
        {
            return null;
        }
    }
}
