using System.Runtime.InteropServices;
using System.Text;
using Kstat.Tree;
using static Interop.Kstat;

namespace Kstat.Native.Tests.Illumos;

/// <summary>
/// NAMED decoding of data no driver of the double produces: records that do not fit, STRING pointers that lead
/// astray, records that change under a kstat read before. The data is laid out here, as <c>kstat_read</c> would
/// leave it, and decoded without libkstat.
/// </summary>
public sealed unsafe class NamedDecoderTests : IDisposable
{
    private static readonly KstatHeader Header = new("test", 0, "fake", "misc", KstatType.Named, 0, 1);

    private readonly NamedShapes _shapes = new();
    private readonly List<IntPtr> _blocks = [];
    private readonly NamedDecoder _decoder = new();

    [Fact]
    public void Records_that_do_not_fit_in_the_data_are_refused_with_the_kstat_key()
    {
        var data = Records(("a", KSTAT_DATA_UINT64), ("b", KSTAT_DATA_UINT64));
        var ksp = Kstat(data, count: 3, size: (nuint)(2 * sizeof(kstat_named_t)));

        var e = Assert.Throws<KstatException>(() => Decode(ksp));
        Assert.Contains("test:0:fake", e.Message, StringComparison.Ordinal);
        Assert.Contains("3 records", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Records_without_data_are_refused_and_no_records_read_as_empty()
    {
        var e = Assert.Throws<KstatException>(() => Decode(Kstat(null, count: 1, size: 0)));
        Assert.Contains("test:0:fake", e.Message, StringComparison.Ordinal);

        Assert.Empty(Decode(Kstat(null, count: 0, size: 0)).Keys);
    }

    [Fact]
    public void A_STRING_pointer_outside_the_data_is_refused()
    {
        var data = Records(("s", KSTAT_DATA_STRING));
        byte* elsewhere = Block(16);
        data[0].value.str_ptr = elsewhere;
        data[0].value.str_len = 1;

        var e = Assert.Throws<KstatException>(() => Decode(Kstat(data, 1)));
        Assert.Contains("outside", e.Message, StringComparison.Ordinal);
        Assert.Contains("test:0:fake", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_STRING_stops_at_its_NUL_its_length_or_the_end_of_the_data()
    {
        var data = Records(("nul", KSTAT_DATA_STRING), ("len", KSTAT_DATA_STRING), ("end", KSTAT_DATA_STRING), ("null", KSTAT_DATA_STRING));
        byte* strings = (byte*)(data + 4);
        "ab\0cd"u8.CopyTo(new Span<byte>(strings, 5));
        "efgh"u8.CopyTo(new Span<byte>(strings + 5, 4));
        data[0].value.str_ptr = strings;
        data[0].value.str_len = 5;
        data[1].value.str_ptr = strings + 5;
        data[1].value.str_len = 2;
        data[2].value.str_ptr = strings + 5;
        data[2].value.str_len = 0; // no length: up to the end of ks_data, which holds no NUL after "efgh"

        var r = Decode(Kstat(data, 4, (nuint)((4 * sizeof(kstat_named_t)) + 9)));

        Assert.Equal("ab", (string)r["nul"]);
        Assert.Equal("ef", (string)r["len"]);
        Assert.Equal("efgh", (string)r["end"]);
        Assert.Equal("null", (string)r["null"]);
    }

    [Fact]
    public void A_record_whose_type_changes_is_read_with_its_new_type()
    {
        var data = Records(("a", KSTAT_DATA_UINT32), ("b", KSTAT_DATA_CHAR));
        data[0].value.ui32 = 7;
        var ksp = Kstat(data, 2);
        var first = Decode(ksp);

        data[0].data_type = KSTAT_DATA_INT64;
        data[0].value.i64 = -7;
        data[1].data_type = KSTAT_DATA_DOUBLE;
        data[1].value.d = 0.5;
        var second = Decode(ksp);

        KstatAssert.Same(KstatValue.FromUInt32(7), first["a"]);
        Assert.Equal(KstatValueKind.Char, first["b"].Kind);
        KstatAssert.Same(KstatValue.FromInt64(-7), second["a"]);
        KstatAssert.Same(KstatValue.FromDouble(0.5), second["b"]);
    }

    [Fact]
    public void A_repeated_name_and_a_skipped_type_keep_their_places_on_every_read()
    {
        var data = Records(("a", KSTAT_DATA_UINT32), ("odd", 42), ("b", KSTAT_DATA_INT32), ("a", KSTAT_DATA_UINT64));
        var ksp = Kstat(data, 4);
        var readings = new List<KstatReading>();
        for (uint round = 1; round <= 3; round++)
        {
            data[0].value.ui32 = round;
            data[2].value.i32 = -(int)round;
            data[3].value.ui64 = round * 100;
            readings.Add(Decode(ksp));
        }

        Assert.All(readings, r => Assert.Equal(["a", "b"], r.Keys));
        Assert.Equal([100UL, 200, 300], readings.Select(r => (ulong)r["a"]));
        Assert.Equal([-1L, -2, -3], readings.Select(r => (long)r["b"]));
        Assert.Same(readings[0].Schema, readings[2].Schema);
    }

    [Fact]
    public void Each_text_record_keeps_its_own_last_value()
    {
        var data = Records(("c1", KSTAT_DATA_CHAR), ("n", KSTAT_DATA_UINT32), ("s", KSTAT_DATA_STRING), ("c2", KSTAT_DATA_CHAR));
        byte* strings = (byte*)(data + 4);
        SetChar(&data[0], "one");
        SetChar(&data[3], "two");
        "three\0"u8.CopyTo(new Span<byte>(strings, 6));
        data[2].value.str_ptr = strings;
        data[2].value.str_len = 6;
        var ksp = Kstat(data, 4, (nuint)((4 * sizeof(kstat_named_t)) + 6));
        var first = Decode(ksp);

        SetChar(&data[3], "four");
        "five\0\0"u8.CopyTo(new Span<byte>(strings, 6));
        var second = Decode(ksp);
        var third = Decode(ksp);

        Assert.Equal(["one", "three", "two"], new[] { first["c1"], first["s"], first["c2"] }.Select(v => v.StripNul().ToText()));
        Assert.Equal(["one", "five", "four"], new[] { second["c1"], second["s"], second["c2"] }.Select(v => v.StripNul().ToText()));
        Assert.Same((string)second["s"], (string)third["s"]);
        Assert.Equal("four", third["c2"].StripNul().ToText());
    }

    public void Dispose()
    {
        foreach (var block in _blocks)
        {
            Marshal.FreeHGlobal(block);
        }
    }

    private KstatReading Decode(kstat_t* ksp) => _decoder.Decode(ksp, Header, _shapes);

    private static void SetChar(kstat_named_t* record, string text)
    {
        var bytes = new Span<byte>(record->value.c, 16);
        bytes.Clear();
        Encoding.ASCII.GetBytes(text, bytes);
    }

    /// <summary>Lays out records with room for 64 bytes of strings after them, zeroed.</summary>
    private kstat_named_t* Records(params (string Name, byte Type)[] records)
    {
        var data = (kstat_named_t*)Block((records.Length * sizeof(kstat_named_t)) + 64);
        for (int i = 0; i < records.Length; i++)
        {
            Encoding.ASCII.GetBytes(records[i].Name, new Span<byte>(data[i].name, KSTAT_STRLEN));
            data[i].data_type = records[i].Type;
        }

        return data;
    }

    private kstat_t* Kstat(kstat_named_t* data, uint count, nuint? size = null)
    {
        var ksp = (kstat_t*)Block(sizeof(kstat_t));
        ksp->ks_type = KSTAT_TYPE_NAMED;
        ksp->ks_data = data;
        ksp->ks_ndata = count;
        ksp->ks_data_size = size ?? (nuint)(count * sizeof(kstat_named_t));
        return ksp;
    }

    private byte* Block(int size)
    {
        IntPtr block = Marshal.AllocHGlobal(size);
        _blocks.Add(block);
        new Span<byte>((void*)block, size).Clear();
        return (byte*)block;
    }
}
