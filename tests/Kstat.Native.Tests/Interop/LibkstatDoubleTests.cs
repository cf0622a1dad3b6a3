using System.Text;
using Kstat.Native.Tests.Support;
using Kstat.Tree;
using static Interop.Kstat;
using D = Kstat.Native.Tests.Support.KstatDouble;

namespace Kstat.Native.Tests.Interop;

/// <summary>
/// The double behaves as libkstat does where LibKstatChain depends on it, checked through the raw interop
/// calls: everything else in these tests trusts the double, so its own semantics are pinned here.
/// </summary>
public unsafe class LibkstatDoubleTests : DoubleTest
{
    private const int EFAULT = 14;
    private const int KSTAT_FLAG_VAR_SIZE = 0x02;

    private static List<IntPtr> Chain(SafeKstatControlHandle kc)
    {
        var list = new List<IntPtr>();
        for (kstat_t* p = kc.Control->kc_chain; p != null; p = p->ks_next)
        {
            list.Add((IntPtr)p);
        }

        return list;
    }

    private static string Name(IntPtr ksp) => Encoding.UTF8.GetString(new ReadOnlySpan<byte>(((kstat_t*)ksp)->ks_name, KSTAT_STRLEN)).TrimEnd('\0');

    private static SafeKstatControlHandle OpenRaw()
    {
        KstatLibrary.EnsureResolver();
        var kc = kstat_open();
        Assert.False(kc.IsInvalid);
        return kc;
    }

    [Fact]
    public void The_chain_starts_with_kstat_headers_at_kid_0_and_kstat_types()
    {
        using var kc = OpenRaw();
        var chain = Chain(kc);

        Assert.Equal(0, ((kstat_t*)chain[0])->ks_kid);
        Assert.Equal(["kstat_headers", "kstat_types"], chain.Take(2).Select(Name));
        Assert.Equal(D.kd_chain_id(), kc.Control->kc_chain_id);
    }

    [Fact]
    public void Chain_update_keeps_survivors_in_place_frees_the_deleted_and_appends_the_new()
    {
        D.Add("m", 0, "a", KstatType.Named);
        int b = D.Add("m", 0, "b", KstatType.Named);
        D.Add("m", 0, "c", KstatType.Named);
        using var kc = OpenRaw();
        var survivors = Chain(kc).Where(p => Name(p) != "b").ToList(); // read before b is freed

        Assert.Equal(0, kstat_chain_update(kc));
        D.kd_remove(b);
        D.Add("m", 0, "d", KstatType.Named);
        int id = kstat_chain_update(kc);
        var after = Chain(kc);

        Assert.Equal(D.kd_chain_id(), id);
        Assert.Equal(id, kc.Control->kc_chain_id);
        Assert.Equal(["kstat_headers", "kstat_types", "a", "c", "d"], after.Select(Name));
        Assert.Equal(survivors, after.Take(4));
        Assert.True(((kstat_t*)after[4])->ks_data == null);
    }

    [Fact]
    public void Read_allocates_the_data_writes_back_the_header_and_keeps_strings_after_the_records()
    {
        int kid = D.Add("m", 0, "named", KstatType.Named);
        D.Named(kid, "n", KSTAT_DATA_UINT64, 5);
        D.kd_named_add(kid, "s", KSTAT_DATA_STRING);
        D.kd_named_set_string(kid, "s", "hello");
        D.kd_set_hrtime(77_000);
        using var kc = OpenRaw();
        var ksp = (kstat_t*)Chain(kc).Single(p => Name(p) == "named");

        int id = kstat_read(kc.Control, ksp, null);

        Assert.Equal(kc.Control->kc_chain_id, id);
        Assert.Equal(77_000, ksp->ks_snaptime);
        Assert.Equal(2u, ksp->ks_ndata);
        Assert.Equal((nuint)(2 * sizeof(kstat_named_t) + 6), ksp->ks_data_size);
        var records = (kstat_named_t*)ksp->ks_data;
        Assert.True(records[1].value.str_ptr == (byte*)(records + 2));
        Assert.Equal(6u, records[1].value.str_len);
    }

    [Fact]
    public void Read_of_a_deleted_kstat_fails_with_ENXIO()
    {
        int kid = D.Add("m", 0, "gone", KstatType.Named);
        using var kc = OpenRaw();
        var ksp = (kstat_t*)Chain(kc).Single(p => Name(p) == "gone");

        D.kd_remove(kid);

        Assert.Equal(-1, kstat_read(kc.Control, ksp, null));
        Assert.Equal(ENXIO, KstatErrno.Last());
    }

    [Fact]
    public void A_chain_update_whose_allocation_fails_frees_the_deleted_first_and_leaves_the_chain_half_updated()
    {
        D.Add("m", 0, "a", KstatType.Named);
        int b = D.Add("m", 0, "b", KstatType.Named);
        using var kc = OpenRaw();
        var freed = Chain(kc).Single(p => Name(p) == "b");
        int before = kc.Control->kc_chain_id;

        D.kd_remove(b);
        D.Add("m", 0, "c", KstatType.Named);
        D.Add("m", 0, "d", KstatType.Named);
        D.kd_fail_chain_alloc(1, ENOMEM); // c is allocated, d is not
        long live = D.kd_live_allocations();

        Assert.Equal(-1, kstat_chain_update(kc));
        Assert.Equal(ENOMEM, KstatErrno.Last());
        var half = Chain(kc);
        Assert.Equal(["kstat_headers", "kstat_types", "a", "c"], half.Select(Name));
        Assert.Equal(before, kc.Control->kc_chain_id);
        Assert.Equal(live, D.kd_live_allocations()); // b freed, c allocated

        int id = kstat_chain_update(kc); // the next call finishes the update
        Assert.Equal(D.kd_chain_id(), id);
        Assert.Equal(["kstat_headers", "kstat_types", "a", "c", "d"], Chain(kc).Select(Name));
        Assert.Equal(half, Chain(kc).Take(4));
        Assert.DoesNotContain(freed, Chain(kc));
    }

    [Fact]
    public void A_kstat_t_freed_by_a_chain_update_is_poisoned_kept_and_refused_by_kstat_read()
    {
        int kid = D.Add("m", 0, "gone", KstatType.Named);
        D.Named(kid, "n", KSTAT_DATA_UINT64, 1);
        using var kc = OpenRaw();
        var ksp = (kstat_t*)Chain(kc).Single(p => Name(p) == "gone");
        Assert.NotEqual(-1, kstat_read(kc.Control, ksp, null));

        D.kd_remove(kid);
        Assert.NotEqual(-1, kstat_chain_update(kc));
        long reads = D.kd_reads();

        Assert.Equal(-1, kstat_read(kc.Control, ksp, null)); // a use after free, on purpose
        Assert.Equal(EFAULT, KstatErrno.Last());
        Assert.Equal(1, D.kd_poisoned_uses());
        Assert.Equal(reads, D.kd_reads()); // refused before it reached the kernel
        Assert.Contains("kstat_read", D.LastError, StringComparison.Ordinal);
        ExpectedPoisonedUses = 1;
    }

    [Fact]
    public void The_kernels_EAGAIN_is_retried_inside_kstat_read_and_the_chain_update_as_libkstat_does()
    {
        int kid = D.Add("m", 0, "busy", KstatType.Named);
        D.Named(kid, "n", KSTAT_DATA_UINT64, 9);
        D.kd_set_hrtime(5_000_000_000);
        using var kc = OpenRaw();
        var ksp = (kstat_t*)Chain(kc).Single(p => Name(p) == "busy");

        D.kd_fail_read(kid, EAGAIN, 3);
        Assert.Equal(kc.Control->kc_chain_id, kstat_read(kc.Control, ksp, null));
        Assert.Equal(9UL, ((kstat_named_t*)ksp->ks_data)->value.ui64);
        Assert.Equal((1, 3), ((long)D.kd_reads(), (long)D.kd_eagain_retries()));
        Assert.Equal(5_000_000_000 + (3 * 100_000_000), ksp->ks_snaptime); // libkstat polls 100 ms before each retry

        D.kd_fail_update(EAGAIN, 2);
        D.Add("m", 0, "late", KstatType.Named);
        Assert.Equal(D.kd_chain_id(), kstat_chain_update(kc));
        Assert.Equal(5, D.kd_eagain_retries());
    }

    [Theory]
    [InlineData(ENXIO)]
    [InlineData(EACCES)]
    [InlineData(ENOMEM)]
    public void Other_errors_of_the_kernel_fail_kstat_read_and_the_chain_update_without_a_retry(int errno)
    {
        int kid = D.Add("m", 0, "k", KstatType.Named);
        using var kc = OpenRaw();
        var ksp = (kstat_t*)Chain(kc).Single(p => Name(p) == "k");

        D.kd_fail_read(kid, errno, 2);
        Assert.Equal(-1, kstat_read(kc.Control, ksp, null));
        Assert.Equal(errno, KstatErrno.Last());

        D.kd_fail_update(errno, 1);
        Assert.Equal(0, kstat_chain_update(kc)); // an unchanged chain reads no headers: nothing to fail
        D.Add("m", 0, "late", KstatType.Named);
        Assert.Equal(-1, kstat_chain_update(kc));
        Assert.Equal(errno, KstatErrno.Last());
        Assert.Equal(0, D.kd_eagain_retries());
    }

    [Fact]
    public void ENOMEM_of_a_variable_size_kstat_is_retried_with_a_bigger_buffer()
    {
        int kid = D.Add("m", 0, "var", KstatType.Named);
        D.kd_set_flags(kid, KSTAT_FLAG_VAR_SIZE);
        using var kc = OpenRaw();
        var ksp = (kstat_t*)Chain(kc).Single(p => Name(p) == "var");

        D.kd_fail_read(kid, ENOMEM, 2);

        Assert.NotEqual(-1, kstat_read(kc.Control, ksp, null));
    }

    [Fact]
    public void A_failed_first_chain_update_closes_what_kstat_open_made()
    {
        D.Add("m", 0, "a", KstatType.Named);
        D.kd_fail_chain_alloc(2, EAGAIN);
        KstatLibrary.EnsureResolver();

        using (var kc = kstat_open())
        {
            Assert.True(kc.IsInvalid);
            Assert.Equal(EAGAIN, KstatErrno.Last());
        }

        Assert.Equal(0, D.kd_open_handles());
        Assert.Equal(0, D.kd_live_allocations());
    }
}
