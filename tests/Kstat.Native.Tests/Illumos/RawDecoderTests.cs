using Kstat.Native.Tests.Support;
using Kstat.Tree;
using D = Kstat.Native.Tests.Support.KstatDouble;

namespace Kstat.Native.Tests.Illumos;

/// <summary>
/// The raw decoders against the C declarations: the double describes each struct with offsetof/sizeof under
/// Perl's key names, sets every field to its own value, and the decoded reading must give each one back.
/// </summary>
public class RawDecoderTests : DoubleTest
{
    public static TheoryData<string, string, string, int> Layouts => new()
    {
        // layout, module, name, Perl's field count
        { "cpu_stat", "cpu_stat", "cpu_stat12", 87 },
        { "var", "unix", "var", 15 },
        { "ncstats", "unix", "ncstats", 8 },
        { "sysinfo", "unix", "sysinfo", 6 },
        { "vminfo", "unix", "vminfo", 6 },
        { "mntinfo", "nfs", "mntinfo", 25 },
    };

    [Theory]
    [MemberData(nameof(Layouts))]
    public void Every_field_decodes_from_its_C_offset_with_Perls_name_order_and_type(string layout, string module, string name, int count)
    {
        int kid = D.Add(module, 12, name, KstatType.Raw);
        Assert.Equal(0, D.kd_raw_shape(kid, layout));
        var fields = D.RawFields(layout);
        Assert.Equal(count, fields.Count);
        for (int i = 0; i < fields.Count; i++)
        {
            var (field, _, size, kind) = fields[i];
            Assert.Equal(0, D.kd_raw_set(kid, field, ValueFor(i, size, kind), $"text{i}"));
        }

        using var chain = Open();
        var r = chain.Read(HeaderOf(chain, $"{module}:12:{name}"));

        Assert.Equal(fields.Select(f => f.Name), r.Keys);
        for (int i = 0; i < fields.Count; i++)
        {
            var (field, _, size, kind) = fields[i];
            var value = r[field];
            switch (kind, size)
            {
                case ('s', _):
                    Assert.Equal(KstatValueKind.Char, value.Kind);
                    Assert.Equal(size, value.GetCharBytes().Length);
                    Assert.Equal($"text{i}", value.ToString());
                    break;
                case ('i', 4):
                    KstatAssert.Same(KstatValue.FromInt32(unchecked((int)ValueFor(i, size, kind))), value);
                    break;
                case ('u', 4):
                    KstatAssert.Same(KstatValue.FromUInt32((uint)ValueFor(i, size, kind)), value);
                    break;
                default:
                    KstatAssert.Same(KstatValue.FromUInt64(ValueFor(i, size, kind)), value);
                    break;
            }
        }
    }

    [Theory]
    [MemberData(nameof(Layouts))]
    public void The_decoder_requires_the_whole_struct(string layout, string module, string name, int count)
    {
        _ = count;
        int kid = D.Add(module, 0, name, KstatType.Raw);
        int size = (int)D.kd_raw_size(layout);
        D.SetData(kid, new byte[size - 1]);
        using var chain = Open();

        var e = Assert.Throws<KstatException>(() => chain.Read(HeaderOf(chain, $"{module}:0:{name}")));

        Assert.Contains($"{size - 1} bytes", e.Message, StringComparison.Ordinal);
        Assert.Contains($"{size}", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_larger_struct_than_expected_still_decodes()
    {
        int kid = D.Add("unix", 0, "sysinfo", KstatType.Raw);
        var bytes = new byte[64];
        bytes[4] = 7; // runque
        D.SetData(kid, bytes);
        using var chain = Open();

        Assert.Equal(7u, (ulong)chain.Read(HeaderOf(chain, "unix:0:sysinfo"))["runque"]);
    }

    [Fact]
    public void The_decoders_have_the_struct_sizes_of_the_C_declarations()
    {
        foreach (var (key, layout) in new[] { ("cpu_stat:cpu_stat", "cpu_stat"), ("unix:var", "var"), ("unix:ncstats", "ncstats"),
                     ("unix:sysinfo", "sysinfo"), ("unix:vminfo", "vminfo"), ("nfs:mntinfo", "mntinfo") })
        {
            Assert.Equal(D.kd_raw_size(layout), RawDecoders.All[key].Size);
        }

        Assert.Equal(6, RawDecoders.All.Count);
    }

    [Fact]
    public void Cpu_stat_matches_the_ABI_reference_at_the_part_boundaries()
    {
        var fields = RawDecoders.All["cpu_stat:cpu_stat"].Fields.ToDictionary(f => f.Name, f => f.Offset);
        Assert.Equal(8, fields["idle"]);
        Assert.Equal(24, fields["wait_io"]);
        Assert.Equal(36, fields["bread"]);
        Assert.Equal(216, fields["bawrite"]);
        Assert.Equal(244, fields["iowait"]);
        Assert.Equal(256, fields["pgrec"]);
        Assert.Equal(376, fields["fsfree"]);
    }

    // A distinct value per field that uses the field's full width: negative for signed fields.
    private static ulong ValueFor(int index, int size, char kind) => (kind, size) switch
    {
        ('i', _) => unchecked((ulong)(uint)(-1000 - index)),
        ('u', 4) => uint.MaxValue - (uint)index,
        ('u', _) => ulong.MaxValue - (ulong)index,
        _ => 0,
    };
}
