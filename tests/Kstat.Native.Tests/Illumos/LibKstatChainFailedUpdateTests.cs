using Kstat.Native.Tests.Support;
using Kstat.Tree;
using static Interop.Kstat;
using D = Kstat.Native.Tests.Support.KstatDouble;

namespace Kstat.Native.Tests.Illumos;

/// <summary>
/// <see cref="LibKstatChain.Update"/> when <c>kstat_chain_update</c> fails half way, as libkstat does when allocating a new
/// <c>kstat_t</c> fails: the deleted kstats are already freed, the chain holds the survivors and some of the new ones, and
/// its chain id has not moved. No pointer may outlive the walk it came from: the double refuses and counts any call given
/// a freed <c>kstat_t</c>, and <see cref="DoubleTest"/> fails a test that made one.
/// </summary>
public class LibKstatChainFailedUpdateTests : DoubleTest
{
    private static int AddNamed(string name, ulong value) => D.AddNamed("unix", 0, name, value);

    [Fact]
    public void A_read_after_a_half_done_chain_update_never_reaches_a_freed_kstat()
    {
        int doomed = AddNamed("doomed", 1);
        AddNamed("stays", 2);
        var chain = Open();
        using var tree = new KstatTree(chain);
        var leaf = tree["unix"][0]["doomed"];
        Assert.Equal(1UL, (ulong)leaf["value"]);
        var header = leaf.Header;

        D.kd_remove(doomed);
        int newcomer = AddNamed("newcomer", 3);
        D.kd_fail_chain_alloc(0, ENOMEM); // doomed's kstat_t is freed, newcomer's is never allocated

        var e = Assert.Throws<KstatException>(() => tree.Update());
        Assert.Equal(ENOMEM, e.Errno);
        var notFound = Assert.Throws<KstatNotFoundException>(() => chain.Read(header));
        Assert.Equal("unix:0:doomed", notFound.Key);
        Assert.Equal(0, D.kd_poisoned_uses());

        var update = tree.Update();

        Assert.Equal("unix:0:newcomer", Assert.Single(update.Added));
        Assert.Equal("unix:0:doomed", Assert.Single(update.Removed));
        Assert.False(leaf.IsValid);
        Assert.Equal(1UL, (ulong)leaf["value"]); // a detached leaf keeps what it read
        Assert.Equal(newcomer, tree["unix"][0]["newcomer"].Header.Kid);
        Assert.Equal(3UL, (ulong)tree["unix"][0]["newcomer"]["value"]);
        Assert.Equal(2UL, (ulong)tree["unix"][0]["stays"]["value"]);
        Assert.Equal(0, D.kd_poisoned_uses());
    }

    [Fact]
    public void A_failed_chain_update_keeps_the_headers_and_chain_id_and_the_survivors_still_read()
    {
        int doomed = AddNamed("doomed", 1);
        AddNamed("stays", 2);
        using var chain = Open();
        var headers = chain.Headers;
        long id = chain.ChainId;
        var stays = HeaderOf(chain, "unix:0:stays");
        var old = HeaderOf(chain, "unix:0:doomed");
        chain.Read(old); // gives the doomed kstat_t its ks_data, freed along with it

        D.kd_remove(doomed);
        AddNamed("first", 3);
        AddNamed("second", 4);
        D.kd_fail_chain_alloc(1, EAGAIN); // first is linked into the chain, second is not

        var e = Assert.Throws<KstatException>(() => chain.Update());

        Assert.Equal(EAGAIN, e.Errno); // malloc(3C)'s EAGAIN reaches the caller: libkstat retries only the kernel's
        Assert.Contains("kstat_chain_update", e.Message, StringComparison.Ordinal);
        Assert.Same(headers, chain.Headers);
        Assert.Equal(id, chain.ChainId);
        Assert.Equal(2UL, (ulong)chain.Read(stays)["value"]);
        Assert.Throws<KstatNotFoundException>(() => chain.Read(old));
        Assert.Throws<KstatNotFoundException>(() => chain.Read(old)); // and again: the entry is gone, not retried

        Assert.True(chain.Update()); // libkstat finishes the update it began
        Assert.Equal(D.kd_chain_id(), chain.ChainId);
        Assert.Equal(["unix:0:stays", "unix:0:first", "unix:0:second"], chain.Headers.Select(h => h.Key));
        Assert.Same(stays, HeaderOf(chain, "unix:0:stays"));
        Assert.Equal(3UL, (ulong)chain.Read(HeaderOf(chain, "unix:0:first"))["value"]);
        Assert.Equal(4UL, (ulong)chain.Read(HeaderOf(chain, "unix:0:second"))["value"]);
        Assert.Throws<KstatNotFoundException>(() => chain.Read(old));
    }

    [Fact]
    public void A_batch_after_a_half_done_chain_update_reports_the_freed_kstat_as_not_found()
    {
        int doomed = AddNamed("doomed", 1);
        AddNamed("stays", 2);
        using var chain = Open();
        var headers = chain.Headers.Where(h => h.Module == "unix").ToArray();

        D.kd_remove(doomed);
        AddNamed("newcomer", 3);
        D.kd_fail_chain_alloc(0, ENOMEM);
        Assert.Throws<KstatException>(() => chain.Update());
        var readings = new KstatReading?[2];
        var errors = new Exception?[2];
        chain.ReadBatch(headers, readings, errors);

        Assert.Equal("unix:0:doomed", Assert.IsType<KstatNotFoundException>(errors[0]).Key);
        Assert.Null(readings[0]);
        Assert.Null(errors[1]);
        Assert.Equal(2UL, (ulong)readings[1]!["value"]);
    }

    [Fact]
    public void A_recreated_kstat_reads_as_not_found_until_the_update_completes_then_its_new_incarnation_reads()
    {
        int kid = AddNamed("phoenix", 7);
        using var chain = Open();
        var old = HeaderOf(chain, "unix:0:phoenix");
        chain.Read(old);

        D.kd_recreate(kid, 2_000);
        D.kd_fail_chain_alloc(0, ENOMEM);
        Assert.Throws<KstatException>(() => chain.Update());
        Assert.Throws<KstatNotFoundException>(() => chain.Read(old));

        Assert.True(chain.Update());
        var header = HeaderOf(chain, "unix:0:phoenix");
        Assert.Equal(2_000, header.CrTime);
        Assert.Equal(7UL, (ulong)chain.Read(header)["value"]);
        Assert.Throws<KstatNotFoundException>(() => chain.Read(old));
    }

    [Fact]
    public void Open_fails_cleanly_when_its_first_chain_update_fails_half_way()
    {
        AddNamed("a", 1);
        D.kd_fail_chain_alloc(1, ENOMEM);

        var e = Assert.Throws<KstatException>(() => Open());

        Assert.Equal(ENOMEM, e.Errno);
        Assert.Equal(0, D.kd_open_handles());
        Assert.Equal(0, D.kd_live_allocations());
    }
}
