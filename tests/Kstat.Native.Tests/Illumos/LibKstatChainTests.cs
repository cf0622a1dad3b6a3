using Kstat.Native.Tests.Support;
using Kstat.Tree;
using static Interop.Kstat;
using D = Kstat.Native.Tests.Support.KstatDouble;

namespace Kstat.Native.Tests.Illumos;

public class LibKstatChainTests : DoubleTest
{
    [Fact]
    public void Headers_describe_the_chain_without_reading()
    {
        int kid = D.Add("sd", 3, "sd3", KstatType.Io, "disk", crtime: 123_456_789);
        using var chain = Open();

        var header = Assert.Single(chain.Headers);
        Assert.Equal(new KstatHeader("sd", 3, "sd3", "disk", KstatType.Io, 123_456_789, kid), header);
        Assert.Equal(D.kd_chain_id(), chain.ChainId);
        Assert.Equal(0, D.kd_reads());
    }

    [Fact]
    public void Kstat_names_and_raw_kstats_without_a_decoder_are_left_out_like_Perl()
    {
        D.Add("zfs", 0, "kstat_private", KstatType.Named);
        D.Add("mm", 0, "phys_installed", KstatType.Raw);
        D.Add("cpu_stat", 0, "cpu_stat0", KstatType.Raw);
        D.Add("unix", 0, "system_misc", KstatType.Named);
        using var chain = Open();

        Assert.Equal(["cpu_stat:0:cpu_stat0", "unix:0:system_misc"], chain.Headers.Select(h => h.Key));
    }

    [Fact]
    public void Unknown_raw_kstats_are_kept_as_bytes_when_asked()
    {
        int kid = D.Add("mm", 0, "phys_installed", KstatType.Raw);
        D.SetData(kid, [1, 0, 2, 0xff]);
        using var chain = Open(new LibKstatChainOptions { IncludeUnknownRaw = true });

        var reading = chain.Read(HeaderOf(chain, "mm:0:phys_installed"));

        Assert.Equal(new byte[] { 1, 0, 2, 0xff }, reading["raw"].GetCharBytes().ToArray());
        Assert.DoesNotContain(chain.Headers, h => h.Name.StartsWith("kstat_", StringComparison.Ordinal));
    }

    [Fact]
    public void Update_without_a_change_returns_false_and_keeps_the_headers()
    {
        D.Add("unix", 0, "system_misc", KstatType.Named);
        using var chain = Open();
        var before = chain.Headers;
        long id = chain.ChainId;

        Assert.False(chain.Update());
        Assert.Same(before, chain.Headers);
        Assert.Equal(id, chain.ChainId);
    }

    [Fact]
    public void Update_after_a_change_returns_true_with_the_new_chain_id_and_headers()
    {
        int keep = D.Add("unix", 0, "system_misc", KstatType.Named);
        int gone = D.Add("unix", 0, "doomed", KstatType.Named);
        using var chain = Open();
        var kept = HeaderOf(chain, "unix:0:system_misc");

        D.kd_remove(gone);
        int added = D.Add("lo", 0, "lo0", KstatType.Named, "net");
        Assert.True(chain.Update());

        Assert.Equal(D.kd_chain_id(), chain.ChainId);
        Assert.Equal([keep, added], chain.Headers.Select(h => h.Kid));
        Assert.Same(kept, HeaderOf(chain, "unix:0:system_misc"));
    }

    [Fact]
    public void A_failed_chain_update_throws_with_errno_and_the_next_one_succeeds()
    {
        using var chain = Open();
        var headers = chain.Headers;
        D.Add("unix", 0, "late", KstatType.Named);
        D.kd_fail_update(ENOMEM, 1);

        var e = Assert.Throws<KstatException>(() => chain.Update());

        Assert.Equal(ENOMEM, e.Errno);
        Assert.Contains("kstat_chain_update", e.Message, StringComparison.Ordinal);
        Assert.Same(headers, chain.Headers);
        Assert.True(chain.Update()); // the fault was one call; the chain still works
        Assert.Equal(["unix:0:late"], chain.Headers.Select(h => h.Key));
    }

    [Fact]
    public void A_vanished_kstat_reads_as_not_found()
    {
        int kid = D.Add("unix", 0, "doomed", KstatType.Named);
        using var chain = Open();
        var header = HeaderOf(chain, "unix:0:doomed");

        D.kd_remove(kid);
        var beforeUpdate = Assert.Throws<KstatNotFoundException>(() => chain.Read(header));
        chain.Update();
        var afterUpdate = Assert.Throws<KstatNotFoundException>(() => chain.Read(header));

        Assert.Equal("unix:0:doomed", beforeUpdate.Key);
        Assert.Equal(ENXIO, beforeUpdate.Errno);
        Assert.Equal("unix:0:doomed", afterUpdate.Key);
    }

    [Fact]
    public void A_header_of_a_recreated_kstat_is_not_found_but_the_new_one_reads()
    {
        int kid = D.Add("unix", 0, "phoenix", KstatType.Named);
        D.Named(kid, "value", KSTAT_DATA_UINT32, 7);
        using var chain = Open();
        var old = HeaderOf(chain, "unix:0:phoenix");

        int reborn = D.kd_recreate(kid, 2_000);
        chain.Update();

        Assert.Throws<KstatNotFoundException>(() => chain.Read(old));
        var header = HeaderOf(chain, "unix:0:phoenix");
        Assert.Equal((reborn, 2_000L), (header.Kid, header.CrTime));
        Assert.Equal(7u, (ulong)chain.Read(header)["value"]);
    }

    [Fact]
    public void The_kernels_EAGAIN_never_reaches_the_caller_libkstat_retries_it()
    {
        int kid = D.Add("unix", 0, "busy", KstatType.Named);
        D.Named(kid, "value", KSTAT_DATA_UINT32, 1);
        using var chain = Open();
        var header = HeaderOf(chain, "unix:0:busy");

        D.kd_fail_read(kid, EAGAIN, 3);
        Assert.Equal(1u, (ulong)chain.Read(header)["value"]);
        D.kd_fail_update(EAGAIN, 2);
        D.Add("unix", 0, "late", KstatType.Named);
        Assert.True(chain.Update());

        Assert.Equal(1, D.kd_reads()); // one kstat_read from here; the double's libkstat retried inside it
        Assert.Equal(5, D.kd_eagain_retries());
    }

    [Fact]
    public void EAGAIN_from_libkstat_itself_is_reported_not_retried()
    {
        // libkstat passes on malloc(3C)'s EAGAIN (memory short), from kstat_open as from kstat_chain_update.
        D.kd_fail_open(EAGAIN, 1);
        var e = Assert.Throws<KstatException>(() => Open());
        Assert.Equal(EAGAIN, e.Errno);
        Assert.Equal(0, D.kd_open_handles());

        using var chain = Open();
        D.Add("unix", 0, "late", KstatType.Named);
        D.kd_fail_chain_alloc(0, EAGAIN);
        Assert.Equal(EAGAIN, Assert.Throws<KstatException>(() => chain.Update()).Errno);
        Assert.True(chain.Update());
        Assert.Equal(0, D.kd_eagain_retries());
    }

    [Fact]
    public void Access_errors_become_UnauthorizedAccessException()
    {
        int kid = D.Add("unix", 0, "secret", KstatType.Named);
        D.kd_fail_open(EACCES, 1);
        Assert.Throws<UnauthorizedAccessException>(() => Open());

        using var chain = Open();
        D.kd_fail_read(kid, EPERM, 1);
        Assert.Throws<UnauthorizedAccessException>(() => chain.Read(HeaderOf(chain, "unix:0:secret")));
    }

    [Fact]
    public void Dispose_closes_the_handle_frees_everything_and_later_calls_throw()
    {
        int kid = D.Add("unix", 0, "system_misc", KstatType.Named);
        D.Named(kid, "ncpus", KSTAT_DATA_UINT32, 2);
        var chain = Open();
        var header = HeaderOf(chain, "unix:0:system_misc");
        chain.Read(header);
        Assert.Equal(1, D.kd_open_handles());

        chain.Dispose();
        chain.Dispose();

        Assert.Equal(0, D.kd_open_handles());
        Assert.Equal(0, D.kd_live_allocations());
        Assert.Throws<ObjectDisposedException>(() => chain.Read(header));
        Assert.Throws<ObjectDisposedException>(() => chain.Update());
        Assert.Throws<ObjectDisposedException>(() => chain.Headers);
        Assert.Throws<ObjectDisposedException>(() => chain.ChainId);
    }

    [Fact]
    public void Deleted_headers_and_their_data_are_freed_by_the_chain_update()
    {
        int kid = D.Add("unix", 0, "doomed", KstatType.Named);
        D.Named(kid, "x", KSTAT_DATA_UINT64, 1);
        using var chain = Open();
        chain.Read(HeaderOf(chain, "unix:0:doomed"));
        long withData = D.kd_live_allocations();

        D.kd_remove(kid);
        chain.Update();

        Assert.Equal(withData - 2, D.kd_live_allocations()); // the kstat_t and its ks_data
    }

    [Fact]
    public void Reads_from_many_threads_are_serialised_and_consistent()
    {
        int kid = D.Add("unix", 0, "stamped", KstatType.Named);
        foreach (string name in new[] { "a", "b", "c", "d" })
        {
            D.Named(kid, name, KSTAT_DATA_UINT64, 0);
        }

        using var chain = Open();
        var header = HeaderOf(chain, "unix:0:stamped");
        var torn = 0;
        Parallel.For(0, 2000, i =>
        {
            if (i % 10 == 0)
            {
                D.kd_stamp(kid, (ulong)i);
            }

            var r = chain.Read(header);
            ulong a = (ulong)r["a"];
            if ((ulong)r["b"] != a || (ulong)r["c"] != a || (ulong)r["d"] != a)
            {
                Interlocked.Increment(ref torn);
            }
        });

        Assert.Equal(0, torn);
    }
}
