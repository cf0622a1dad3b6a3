using Kstat.Native.Tests.Support;
using Kstat.Tree;
using Kstat.Tree.Tests.Support;
using D = Kstat.Native.Tests.Support.KstatDouble;

namespace Kstat.Native.Tests.Illumos;

/// <summary>
/// Two sources, one capture: each <c>kstat -p</c> capture loaded into the libkstat double and read through
/// LibKstatChain gives the tree SnapshotChain gives from the same file.
/// </summary>
public class CaptureCrossCheckTests : DoubleTest
{
    public static TheoryData<string> ParseableCaptures => Support.ParseableCaptures.Files;

    [Theory]
    [MemberData(nameof(ParseableCaptures))]
    public void LibKstatChain_over_the_loaded_double_gives_the_tree_SnapshotChain_gives(string file)
    {
        string path = CaptureFiles.PathOf(file);
        Assert.True(D.kd_load_capture(path) > 0, D.LastError);
        using var native = new KstatTree(Open());
        using var snapshot = new KstatTree(SnapshotChain.Load(path));

        Assert.Equal(snapshot.Leaves().Select(l => l.Key).Order(), native.Leaves().Select(l => l.Key).Order());
        foreach (var expected in snapshot.Leaves())
        {
            var actual = native[expected.Module][expected.Instance][expected.Name];
            Assert.Equal(expected.CrTime, actual.CrTime);
            foreach (var (stat, value) in expected)
            {
                if (stat is "snaptime" || (stat is "class" && value.ToString().Length == 0))
                {
                    continue; // the double stamps its own read time; a capture without class lines has no class to compare
                }

                Assert.True(actual.TryGetValue(stat, out var got), $"{actual.Key} has no {stat}");
                Assert.Equal(value.ToString(), got.ToString());
            }
        }
    }
}
