namespace Kstat.Tree.Tests.Sampling;

public class KstatSampleTests
{
    private static readonly KstatHeader Cpu0 = new("cpu_stat", 0, "cpu_stat0", "misc", KstatType.Raw, 10, 1);
    private static readonly KstatHeader Cpu1 = new("cpu_stat", 1, "cpu_stat1", "misc", KstatType.Raw, 10, 2);

    [Fact]
    public void Take_copies_the_leaves_that_were_read_and_reads_nothing()
    {
        var chain = new ScriptedChain([Cpu0, Cpu1]);
        using var ks = new KstatTree(chain);
        _ = ks["cpu_stat"][0]["cpu_stat0"]["user"];
        int reads = chain.Reads;

        var sample = KstatSample.Take(ks);

        Assert.Equal(reads, chain.Reads);
        Assert.Equal(["cpu_stat:0:cpu_stat0"], sample.Keys);
        Assert.Same(ks["cpu_stat"][0]["cpu_stat0"].GetReading(), sample["cpu_stat:0:cpu_stat0"]);
    }

    [Fact]
    public void Samples_before_and_after_an_update_give_deltas_without_bookkeeping()
    {
        var chain = new ScriptedChain([Cpu0, Cpu1]);
        using var ks = new KstatTree(chain);
        var leaves = ks["cpu_stat"].Values.SelectMany(i => i.Values).ToList();

        var before = KstatSample.Read(leaves);
        ks.Update();
        var after = KstatSample.Read(leaves);
        var deltas = after.DeltasSince(before);

        Assert.Equal(["cpu_stat:0:cpu_stat0", "cpu_stat:1:cpu_stat1"], deltas.Keys);
        KstatAssert.Same(KstatValue.FromInt64(ScriptedChain.UserStep), deltas["cpu_stat:1:cpu_stat1"]["user"]); // an exact difference
        Assert.Equal(ScriptedChain.SnapStep, deltas["cpu_stat:0:cpu_stat0"].ElapsedNanoseconds);
        Assert.Same(before["cpu_stat:0:cpu_stat0"], deltas["cpu_stat:0:cpu_stat0"].Earlier); // samples are immutable
    }

    [Fact]
    public void A_kstat_re_created_between_samples_has_no_delta()
    {
        var chain = new ScriptedChain([Cpu0, Cpu1]);
        using var ks = new KstatTree(chain);
        var before = KstatSample.Read(ks["cpu_stat"].Values.SelectMany(i => i.Values));
        chain.SetHeaders([Cpu0, Cpu1 with { Kid = 3, CrTime = 99 }]);
        ks.Update();
        var after = KstatSample.Read(ks["cpu_stat"].Values.SelectMany(i => i.Values));

        Assert.NotNull(after.DeltaSince(before, "cpu_stat:0:cpu_stat0"));
        Assert.Null(after.DeltaSince(before, "cpu_stat:1:cpu_stat1"));
        Assert.Equal(["cpu_stat:0:cpu_stat0"], after.DeltasSince(before).Keys);
        Assert.True(after.TryGetHeader("cpu_stat:1:cpu_stat1", out var header));
        Assert.Equal(99, header.CrTime);
    }

    [Fact]
    public void A_sample_carries_each_kstats_header_so_names_with_colons_map_back()
    {
        using var ks = KstatTree.Parse("zfs:0:tank:io:nread\t5\nzfs:0:tank:io:crtime\t2.000000000\ncpu_stat:1:cpu_stat1:user\t7\n");

        var sample = KstatSample.Read(ks.Leaves());

        Assert.Equal(sample.Keys, sample.Headers.Select(h => h.Key));
        Assert.True(sample.TryGetHeader("zfs:0:tank:io", out var header));
        Assert.Equal(("zfs", 0, "tank:io", 2_000_000_000L), (header.Module, header.Instance, header.Name, header.CrTime));
        Assert.Same(ks["zfs"][0]["tank:io"].Header, header);
        Assert.False(sample.TryGetHeader("zfs:0:tank", out var none));
        Assert.Null(none);
    }

    /// <summary>A chain whose every read of a kstat advances its snaptime and its user ticks by a fixed step.</summary>
    private sealed class ScriptedChain(IReadOnlyList<KstatHeader> headers) : IKstatChain
    {
        public const uint UserStep = 37;
        public const long SnapStep = 1_000_000_000;

        private readonly Dictionary<long, int> _readsByKid = [];
        private IReadOnlyList<KstatHeader> _headers = headers;
        private bool _changed;

        public int Reads { get; private set; }

        public long ChainId { get; private set; } = 1;

        public IReadOnlyList<KstatHeader> Headers => _headers;

        public void SetHeaders(IReadOnlyList<KstatHeader> headers)
        {
            _headers = headers;
            _changed = true;
        }

        public bool Update()
        {
            bool changed = _changed;
            _changed = false;
            ChainId += changed ? 1 : 0;
            return changed;
        }

        public KstatReading Read(KstatHeader header)
        {
            Reads++;
            int n = _readsByKid.GetValueOrDefault(header.Kid) + 1;
            _readsByKid[header.Kid] = n;
            return new KstatReading(n * SnapStep, [new("user", (uint)(n * UserStep)), new("idle", 5u)]);
        }

        public void Dispose()
        {
        }
    }
}
