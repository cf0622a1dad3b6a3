using Kstat.Tree;
using Kstat.Tree.Tests.Support;

namespace Kstat.Tree.Tests.Tree;

public class DisposeTests
{
    [Fact]
    public void Dispose_disposes_the_chain_and_every_member_then_throws()
    {
        var chain = new FakeChain("a:0:x");
        var tree = new KstatTree(chain);
        var module = tree["a"];
        var instance = module[0];
        var leaf = instance["x"];
        _ = leaf["s0"];

        tree.Dispose();
        tree.Dispose(); // idempotent

        Assert.True(chain.IsDisposed);
        Assert.Throws<ObjectDisposedException>(() => tree["a"]);
        Assert.Throws<ObjectDisposedException>(() => tree.Count);
        Assert.Throws<ObjectDisposedException>(() => tree.Update());
        Assert.Throws<ObjectDisposedException>(() => tree.Chain);
        Assert.Throws<ObjectDisposedException>(() => tree.Leaves().ToList());
        Assert.Throws<ObjectDisposedException>(() => module[0]);
        Assert.Throws<ObjectDisposedException>(() => module.Keys);
        Assert.Throws<ObjectDisposedException>(() => instance.ContainsKey("x"));
        Assert.Throws<ObjectDisposedException>(() => leaf["s0"]);
        Assert.Throws<ObjectDisposedException>(() => leaf["class"]);
        Assert.Throws<ObjectDisposedException>(() => leaf.Count);
        Assert.Throws<ObjectDisposedException>(() => leaf.IsRead);
        Assert.Throws<ObjectDisposedException>(() => leaf.GetReading());
        Assert.Throws<ObjectDisposedException>(() => leaf.Reset());
    }
}
