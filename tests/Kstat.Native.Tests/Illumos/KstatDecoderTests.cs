using System.Text;
using Kstat.Native.Tests.Support;
using Kstat.Tree;
using static Interop.Kstat;
using D = Kstat.Native.Tests.Support.KstatDouble;

namespace Kstat.Native.Tests.Illumos;

/// <summary>Every kstat type read through the double and decoded, with boundary values.</summary>
public unsafe class KstatDecoderTests : DoubleTest
{
    private KstatReading ReadOnce(string key, LibKstatChainOptions? options = null)
    {
        using var chain = Open(options);
        return chain.Read(HeaderOf(chain, key));
    }

    [Fact]
    public void Named_integers_keep_their_width_sign_and_every_bit()
    {
        int kid = D.Add("test", 0, "ints", KstatType.Named);
        D.Named(kid, "i32", KSTAT_DATA_INT32, unchecked((uint)int.MinValue));
        D.Named(kid, "u32", KSTAT_DATA_UINT32, uint.MaxValue);
        D.Named(kid, "i64", KSTAT_DATA_INT64, unchecked((ulong)-1L));
        D.Named(kid, "i64min", KSTAT_DATA_INT64, unchecked((ulong)long.MinValue));
        D.Named(kid, "u64", KSTAT_DATA_UINT64, ulong.MaxValue);

        var r = ReadOnce("test:0:ints");

        Assert.Equal(["i32", "u32", "i64", "i64min", "u64"], r.Keys);
        KstatAssert.Same(KstatValue.FromInt32(int.MinValue), r["i32"]);
        KstatAssert.Same(KstatValue.FromUInt32(uint.MaxValue), r["u32"]);
        KstatAssert.Same(KstatValue.FromInt64(-1), r["i64"]); // signed and exact; Perl's unsigned quirk is not copied
        KstatAssert.Same(KstatValue.FromInt64(long.MinValue), r["i64min"]);
        KstatAssert.Same(KstatValue.FromUInt64(ulong.MaxValue), r["u64"]);
    }

    [Fact]
    public void Named_char_keeps_all_16_bytes_even_without_a_NUL()
    {
        int kid = D.Add("test", 0, "chars", KstatType.Named);
        byte[] full = Encoding.ASCII.GetBytes("0123456789abcdef");
        D.kd_named_add(kid, "full", KSTAT_DATA_CHAR);
        D.kd_named_set_char(kid, "full", full, 16);
        D.kd_named_add(kid, "short", KSTAT_DATA_CHAR);
        D.kd_named_set_char(kid, "short", Encoding.ASCII.GetBytes("on-line"), 7);

        var r = ReadOnce("test:0:chars");

        Assert.Equal(KstatValueKind.Char, r["full"].Kind);
        Assert.Equal(full, r["full"].GetCharBytes().ToArray());
        Assert.Equal("0123456789abcdef", r["full"].ToString());
        Assert.Equal(16, r["short"].GetCharBytes().Length);
        Assert.Equal("on-line", r["short"].ToString());
    }

    [Fact]
    public void Named_strings_long_empty_and_NULL()
    {
        int kid = D.Add("test", 0, "strings", KstatType.Named);
        string longText = "Intel(r) Xeon(r) CPU E5-2670 0 @ 2.60GHz, well past sixteen bytes";
        foreach (var (name, text) in new[] { ("brand", longText), ("empty", ""), ("missing", (string?)null), ("utf8", "naïve") })
        {
            D.kd_named_add(kid, name, KSTAT_DATA_STRING);
            D.kd_named_set_string(kid, name, text);
        }

        var r = ReadOnce("test:0:strings");

        KstatAssert.Same(KstatValue.FromString(longText), r["brand"]);
        KstatAssert.Same(KstatValue.FromString(""), r["empty"]);
        KstatAssert.Same(KstatValue.FromString("null"), r["missing"]); // as Perl gives a NULL pointer
        Assert.Equal("naïve", (string)r["utf8"]);
    }

    [Fact]
    public void Named_float_and_double_become_doubles_and_unknown_types_are_skipped()
    {
        int kid = D.Add("test", 0, "odd", KstatType.Named);
        D.Named(kid, "f", KSTAT_DATA_FLOAT, BitConverter.SingleToUInt32Bits(1.5f));
        D.Named(kid, "d", KSTAT_DATA_DOUBLE, BitConverter.DoubleToUInt64Bits(-2.25));
        D.Named(kid, "weird", 42, 1);
        D.Named(kid, "after", KSTAT_DATA_UINT32, 3);

        var r = ReadOnce("test:0:odd");

        Assert.Equal(["f", "d", "after"], r.Keys);
        KstatAssert.Same(KstatValue.FromDouble(1.5), r["f"]);
        KstatAssert.Same(KstatValue.FromDouble(-2.25), r["d"]);
    }

    [Fact]
    public void Named_repeated_name_keeps_the_first_position_and_the_last_value()
    {
        int kid = D.Add("test", 0, "twice", KstatType.Named);
        D.Named(kid, "a", KSTAT_DATA_UINT32, 1);
        D.Named(kid, "b", KSTAT_DATA_UINT32, 2);
        int again = D.kd_named_append(kid, "a", KSTAT_DATA_UINT64);
        D.kd_named_set_at(kid, again, 3);

        var r = ReadOnce("test:0:twice");

        Assert.Equal(["a", "b"], r.Keys);
        KstatAssert.Same(KstatValue.FromUInt64(3), r["a"]);
    }

    [Fact]
    public void A_reread_with_the_same_names_shares_the_schema_and_a_grown_kstat_gets_a_new_one()
    {
        int kid = D.Add("test", 0, "growing", KstatType.Named);
        D.Named(kid, "a", KSTAT_DATA_UINT64, 1);
        using var chain = Open();
        var header = HeaderOf(chain, "test:0:growing");

        var first = chain.Read(header);
        D.kd_named_set(kid, "a", 2);
        var second = chain.Read(header);
        D.Named(kid, "b", KSTAT_DATA_STRING, 0);
        D.kd_named_set_string(kid, "b", "grown");
        var third = chain.Read(header);

        Assert.Same(first.Schema, second.Schema);
        Assert.Equal(2UL, (ulong)second["a"]);
        Assert.NotSame(second.Schema, third.Schema);
        Assert.Equal(["a", "b"], third.Keys);
        Assert.Equal("grown", (string)third["b"]);
    }

    [Fact]
    public void A_reread_reuses_unchanged_text_and_sees_changed_text()
    {
        int kid = D.Add("cpu_info", 0, "cpu_info0", KstatType.Named);
        D.kd_named_add(kid, "brand", KSTAT_DATA_STRING);
        D.kd_named_set_string(kid, "brand", "a brand longer than sixteen bytes");
        D.kd_named_add(kid, "state", KSTAT_DATA_CHAR);
        D.kd_named_set_char(kid, "state", "on-line"u8.ToArray(), 7);
        using var chain = Open();
        var header = HeaderOf(chain, "cpu_info:0:cpu_info0");

        var first = chain.Read(header);
        var second = chain.Read(header);
        D.kd_named_set_string(kid, "brand", "another brand");
        D.kd_named_set_char(kid, "state", "off-line"u8.ToArray(), 8);
        var third = chain.Read(header);

        Assert.Same((string)first["brand"], (string)second["brand"]);
        Assert.Equal("another brand", (string)third["brand"]);
        Assert.Equal("off-line", third["state"].ToString());
        Assert.Equal("on-line", first["state"].ToString());
    }

    [Fact]
    public void Snaptime_is_the_read_time_of_the_kstat()
    {
        int kid = D.Add("test", 0, "timed", KstatType.Named);
        D.Named(kid, "a", KSTAT_DATA_UINT32, 1);
        D.kd_set_hrtime(987_654_321_000);

        Assert.Equal(987_654_321_000, ReadOnce("test:0:timed").SnapTime);
    }

    [Fact]
    public void Intr_gives_the_five_counts_in_order()
    {
        int kid = D.Add("ata", 0, "ata0", KstatType.Intr, "controller");
        kstat_intr_t intr;
        for (int i = 0; i < KSTAT_NUM_INTRS; i++)
        {
            intr.intrs[i] = uint.MaxValue - (uint)i;
        }

        D.SetData(kid, intr);
        var r = ReadOnce("ata:0:ata0");

        Assert.Equal(["hard", "soft", "watchdog", "spurious", "multiple_service"], r.Keys);
        Assert.Equal([uint.MaxValue, uint.MaxValue - 1, uint.MaxValue - 2, uint.MaxValue - 3, uint.MaxValue - 4],
            r.Values.Select(v => (ulong)v));
        Assert.All(r.Values, v => Assert.Equal(KstatValueKind.UInt32, v.Kind));
    }

    [Fact]
    public void Io_gives_counts_and_times_in_nanoseconds()
    {
        int kid = D.Add("sd", 0, "sd0", KstatType.Io, "disk");
        D.SetData(kid, new kstat_io_t
        {
            nread = ulong.MaxValue, nwritten = 2, reads = uint.MaxValue, writes = 4,
            wtime = 5, wlentime = 6, wlastupdate = 7, rtime = long.MaxValue, rlentime = 9, rlastupdate = 10,
            wcnt = 11, rcnt = 12,
        });

        var r = ReadOnce("sd:0:sd0");

        Assert.Equal(
            ["nread", "nwritten", "reads", "writes", "wtime", "wlentime", "wlastupdate", "rtime", "rlentime", "rlastupdate", "wcnt", "rcnt"],
            r.Keys);
        KstatAssert.Same(KstatValue.FromUInt64(ulong.MaxValue), r["nread"]);
        KstatAssert.Same(KstatValue.FromUInt32(uint.MaxValue), r["reads"]);
        KstatAssert.Same(KstatValue.HrTime(long.MaxValue), r["rtime"]);
        KstatAssert.Same(KstatValue.HrTime(7), r["wlastupdate"]);
        KstatAssert.Same(KstatValue.FromUInt32(12), r["rcnt"]);
    }

    [Fact]
    public void Timer_reads_only_the_first_record()
    {
        int kid = D.Add("unix", 0, "timers", KstatType.Timer);
        var records = new kstat_timer_t[2];
        byte[] name = Encoding.ASCII.GetBytes("0123456789012345678901234567890"); // 31 bytes, no NUL
        fixed (kstat_timer_t* p = records)
        {
            name.CopyTo(new Span<byte>(p[0].name, KSTAT_STRLEN));
            p[0].num_events = ulong.MaxValue;
            p[0].elapsed_time = 1;
            p[0].min_time = 2;
            p[0].max_time = 3;
            p[0].start_time = 4;
            p[0].stop_time = 5;
            p[1].num_events = 99;
            Assert.Equal(0, D.kd_set_data(kid, p, (nuint)(2 * sizeof(kstat_timer_t)), 2));
        }

        var r = ReadOnce("unix:0:timers");

        Assert.Equal(["name", "num_events", "elapsed_time", "min_time", "max_time", "start_time", "stop_time"], r.Keys);
        Assert.Equal(name, r["name"].GetCharBytes().ToArray());
        KstatAssert.Same(KstatValue.FromUInt64(ulong.MaxValue), r["num_events"]);
        Assert.Equal([1L, 2, 3, 4, 5], r.Values.Skip(2).Select(v => (long)v));
        Assert.All(r.Values.Skip(2), v => Assert.Equal(KstatValueKind.HrTime, v.Kind));
    }

    [Theory]
    [InlineData(KstatType.Intr, 19)]
    [InlineData(KstatType.Io, 79)]
    [InlineData(KstatType.Timer, 79)]
    public void Data_smaller_than_its_struct_is_an_error(KstatType type, int size)
    {
        int kid = D.Add("test", 0, "small", type);
        D.SetData(kid, new byte[size]);

        var e = Assert.Throws<KstatException>(() => ReadOnce("test:0:small"));
        Assert.Contains("test:0:small", e.Message, StringComparison.Ordinal);
    }
}
