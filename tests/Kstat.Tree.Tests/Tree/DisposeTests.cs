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
        Assert.Throws<ObjectDisposedException>(() => leaf.Header);
        Assert.Throws<ObjectDisposedException>(() => leaf.Class);
        Assert.Throws<ObjectDisposedException>(() => leaf.CrTime);
        Assert.Throws<ObjectDisposedException>(() => leaf.Reading);
        Assert.Throws<ObjectDisposedException>(() => leaf.IsValid);
        Assert.Throws<ObjectDisposedException>(() => KstatSample.Take(tree));
    }

    [Fact]
    public void After_dispose_the_members_that_never_change_still_answer_and_what_was_taken_stays_usable()
    {
        var chain = new FakeChain("a:0:x");
        var options = new KstatTreeOptions();
        var tree = new KstatTree(chain, options);
        var module = tree["a"];
        var instance = module[0];
        var leaf = instance["x"];
        var reading = leaf.GetReading();
        var enumerator = leaf.GetEnumerator();

        tree.Dispose();

        Assert.Same(options, tree.Options);
        Assert.Equal("a", module.Name);
        Assert.Equal(("a", 0), (instance.Module, instance.Instance));
        Assert.Equal(("a", 0, "x", "a:0:x"), (leaf.Module, leaf.Instance, leaf.Name, leaf.Key));
        Assert.Equal(["a", "a:0", "a:0:x"], new[] { module.ToString(), instance.ToString(), leaf.ToString() });
        Assert.Equal(1L, (long)reading["s0"]);
        Assert.True(enumerator.MoveNext());
        Assert.Equal("s0", enumerator.Current.Key);
    }
}
