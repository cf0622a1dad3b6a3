using System.Runtime.CompilerServices;
using static Interop.Kstat;

namespace Kstat.Native.Tests.Interop;

/// <summary>The interop structs have the LP64 sizes and offsets of the libkstat ABI reference (the C double asserts the same numbers).</summary>
public unsafe class InteropLayoutTests
{
    private static int Offset<T>(T* p, void* field)
        where T : unmanaged => (int)((byte*)field - (byte*)p);

    [Fact]
    public void Sizes_match_the_reference()
    {
        Assert.Equal(24, Unsafe.SizeOf<kstat_ctl_t>());
        Assert.Equal(184, Unsafe.SizeOf<kstat_t>());
        Assert.Equal(48, Unsafe.SizeOf<kstat_named_t>());
        Assert.Equal(16, Unsafe.SizeOf<kstat_named_value>());
        Assert.Equal(20, Unsafe.SizeOf<kstat_intr_t>());
        Assert.Equal(80, Unsafe.SizeOf<kstat_io_t>());
        Assert.Equal(80, Unsafe.SizeOf<kstat_timer_t>());
        Assert.Equal(184, System.Runtime.InteropServices.Marshal.SizeOf<kstat_t>());
    }

    [Fact]
    public void Kstat_ctl_t_offsets()
    {
        kstat_ctl_t s;
        var p = &s;
        Assert.Equal(0, Offset(p, &p->kc_chain_id));
        Assert.Equal(8, Offset(p, &p->kc_chain));
        Assert.Equal(16, Offset(p, &p->kc_kd));
    }

    [Fact]
    public void Kstat_t_offsets()
    {
        kstat_t s;
        var p = &s;
        Assert.Equal(0, Offset(p, &p->ks_crtime));
        Assert.Equal(8, Offset(p, &p->ks_next));
        Assert.Equal(16, Offset(p, &p->ks_kid));
        Assert.Equal(20, Offset(p, p->ks_module));
        Assert.Equal(51, Offset(p, &p->ks_resv));
        Assert.Equal(52, Offset(p, &p->ks_instance));
        Assert.Equal(56, Offset(p, p->ks_name));
        Assert.Equal(87, Offset(p, &p->ks_type));
        Assert.Equal(88, Offset(p, p->ks_class));
        Assert.Equal(119, Offset(p, &p->ks_flags));
        Assert.Equal(120, Offset(p, &p->ks_data));
        Assert.Equal(128, Offset(p, &p->ks_ndata));
        Assert.Equal(136, Offset(p, &p->ks_data_size));
        Assert.Equal(144, Offset(p, &p->ks_snaptime));
        Assert.Equal(152, Offset(p, &p->ks_update));
        Assert.Equal(160, Offset(p, &p->ks_private));
        Assert.Equal(168, Offset(p, &p->ks_snapshot));
        Assert.Equal(176, Offset(p, &p->ks_lock));
    }

    [Fact]
    public void Kstat_named_t_offsets()
    {
        kstat_named_t s;
        var p = &s;
        Assert.Equal(0, Offset(p, p->name));
        Assert.Equal(31, Offset(p, &p->data_type));
        Assert.Equal(32, Offset(p, &p->value));
        Assert.Equal(32, Offset(p, p->value.c));
        Assert.Equal(32, Offset(p, &p->value.i64));
        Assert.Equal(32, Offset(p, &p->value.str_ptr));
        Assert.Equal(40, Offset(p, &p->value.str_len));
    }

    [Fact]
    public void Kstat_io_t_offsets()
    {
        kstat_io_t s;
        var p = &s;
        int[] expected = [0, 8, 16, 20, 24, 32, 40, 48, 56, 64, 72, 76];
        int[] actual =
        [
            Offset(p, &p->nread), Offset(p, &p->nwritten), Offset(p, &p->reads), Offset(p, &p->writes),
            Offset(p, &p->wtime), Offset(p, &p->wlentime), Offset(p, &p->wlastupdate), Offset(p, &p->rtime),
            Offset(p, &p->rlentime), Offset(p, &p->rlastupdate), Offset(p, &p->wcnt), Offset(p, &p->rcnt),
        ];
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void Kstat_timer_t_and_kstat_intr_t_offsets()
    {
        kstat_timer_t t;
        var p = &t;
        int[] expected = [0, 31, 32, 40, 48, 56, 64, 72];
        int[] actual =
        [
            Offset(p, p->name), Offset(p, &p->resv), Offset(p, &p->num_events), Offset(p, &p->elapsed_time),
            Offset(p, &p->min_time), Offset(p, &p->max_time), Offset(p, &p->start_time), Offset(p, &p->stop_time),
        ];
        Assert.Equal(expected, actual);

        kstat_intr_t i;
        Assert.Equal(16, Offset(&i, &i.intrs[KSTAT_INTR_MULTSVC]));
    }
}
