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
}
