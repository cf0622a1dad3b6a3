using Kstat.Tree;
using Kstat.Tree.Tests.Support;

namespace Kstat.Tree.Tests.Captures;

/// <summary>
/// A kstat whose lines are spread over a round (printed again later, as concatenated captures do) reads exactly as
/// if its lines were together: the reader completes a kstat when it moves on and takes it up again when it comes back.
/// </summary>
public class CaptureRoundTests
{
    public static TheoryData<string, int> CapturesAndSeeds()
    {
        var data = new TheoryData<string, int>();
        foreach (string path in CaptureFiles.All)
        {
            foreach (int seed in new[] { 1, 2, 3 })
            {
                data.Add(Path.GetFileName(path), seed);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(CapturesAndSeeds))]
    public void A_round_whose_kstats_are_cut_in_pieces_and_interleaved_reads_the_same(string capture, int seed)
    {
        // Every capture as kstat -p prints it (the human ones too), then each kstat cut into runs of lines dealt out in
        // a random order; a kstat's own lines keep their order, so that a repeated statistic's last value stays last.
        using var original = KstatTree.Load(CaptureFiles.PathOf(capture));
        var text = new StringWriter { NewLine = "\n" };
        KstatFormat.WriteParseable(text, original);
        var kstats = text.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .GroupBy(line => line[..line.LastIndexOf(':', line.IndexOf('\t', StringComparison.Ordinal))], StringComparer.Ordinal)
            .Select(group => new Queue<string>(group))
            .ToList();
        var random = new Random(seed);
        var interleaved = new List<string>();
        while (kstats.Count > 0)
        {
            int pick = random.Next(kstats.Count);
            var lines = kstats[pick];
            for (int run = 1 + random.Next(4); run > 0 && lines.Count > 0; run--)
            {
                interleaved.Add(lines.Dequeue());
            }

            if (lines.Count == 0)
            {
                kstats.RemoveAt(pick);
            }
        }

        using var again = KstatTree.Parse(string.Join('\n', interleaved) + "\n");
        SnapshotAssert.SameTree(original, again);
        Assert.Equal(1, ((SnapshotChain)again.Chain).RoundCount);
    }

    [Fact]
    public void Io_times_printed_as_seconds_come_back_as_text_when_a_later_line_makes_the_kstat_named()
    {
        // The first part has exactly the I/O names (an I/O kstat: 12.5 is a time); a later line adds a name, so the
        // kstat is named and 12.5 is text, as it would be with all its lines together.
        const string io =
            "sd:0:sd0:nread\t1\nsd:0:sd0:nwritten\t2\nsd:0:sd0:rcnt\t0\nsd:0:sd0:reads\t3\nsd:0:sd0:rlastupdate\t12.5\nsd:0:sd0:rlentime\t7\n" +
            "sd:0:sd0:rtime\t8\nsd:0:sd0:wcnt\t0\nsd:0:sd0:wlastupdate\t0\nsd:0:sd0:wlentime\t0\nsd:0:sd0:writes\t4\nsd:0:sd0:wtime\t5000000000\n";
        const string other = "unix:0:system_misc:ncpus\t2\n";
        const string extra = "sd:0:sd0:extra\tx\n";
        using var spread = KstatTree.Parse(io + other + extra);
        using var together = KstatTree.Parse(io + extra + other);
        SnapshotAssert.SameTree(together, spread);
        var leaf = spread["sd"][0]["sd0"];
        Assert.Equal(KstatType.Named, leaf.Type);
        KstatAssert.Same(KstatValue.FromString("12.5"), leaf["rlastupdate"]);
        KstatAssert.Same(KstatValue.FromInt64(5_000_000_000), leaf["wtime"]);

        using var ioOnly = KstatTree.Parse(io + other);
        Assert.Equal(KstatType.Io, ioOnly["sd"][0]["sd0"].Type);
        KstatAssert.Same(KstatValue.HrTime(12_500_000_000), ioOnly["sd"][0]["sd0"]["rlastupdate"]);
        KstatAssert.Same(KstatValue.HrTime(5_000_000_000), ioOnly["sd"][0]["sd0"]["wtime"]);
    }

    [Fact]
    public void Interrupt_counters_get_back_the_kinds_of_their_text_when_a_later_line_makes_the_kstat_named()
    {
        const string intr = "i:0:i0:hard\t1\ni:0:i0:multiple_service\t0\ni:0:i0:soft\t4294967295\ni:0:i0:spurious\t0\ni:0:i0:watchdog\t0\n";
        const string other = "unix:0:system_misc:ncpus\t2\n";
        const string extra = "i:0:i0:extra\t-1\n";
        using var intrOnly = KstatTree.Parse(intr + other);
        Assert.Equal(KstatType.Intr, intrOnly["i"][0]["i0"].Type);
        KstatAssert.Same(KstatValue.FromUInt32(1), intrOnly["i"][0]["i0"]["hard"]);

        using var spread = KstatTree.Parse(intr + other + extra);
        using var together = KstatTree.Parse(intr + extra + other);
        SnapshotAssert.SameTree(together, spread);
        var leaf = spread["i"][0]["i0"];
        Assert.Equal(KstatType.Named, leaf.Type);
        KstatAssert.Same(KstatValue.FromInt32(1), leaf["hard"]);
        KstatAssert.Same(KstatValue.FromUInt32(4294967295), leaf["soft"]);
        KstatAssert.Same(KstatValue.FromInt64(-1), leaf["extra"]);
    }

    [Fact]
    public void A_json_kstat_given_twice_keeps_its_type_and_its_quoted_numbers_as_text()
    {
        const string first = """{"module":"sd","instance":0,"name":"sd0","class":"disk","type":3,"data":{"rtime":"1.5","rlastupdate":2.5,"nread":"42"}}""";
        const string other = """{"module":"unix","instance":0,"name":"system_misc","type":1,"data":{"ncpus":2}}""";
        const string second = """{"module":"sd","instance":0,"name":"sd0","data":{"reads":7,"snaptime":9.5}}""";
        using var spread = KstatTree.Parse($"[{first},{other},{second}]");
        var leaf = spread["sd"][0]["sd0"];
        Assert.Equal(KstatType.Io, leaf.Type);
        Assert.Equal("disk", leaf.Class);
        KstatAssert.Same(KstatValue.FromString("1.5"), leaf["rtime"]);
        KstatAssert.Same(KstatValue.FromString("42"), leaf["nread"]);
        KstatAssert.Same(KstatValue.HrTime(2_500_000_000), leaf["rlastupdate"]);
        KstatAssert.Same(KstatValue.FromUInt32(7), leaf["reads"]);
        Assert.Equal(9_500_000_000, leaf.SnapTime);
        Assert.Equal(["rtime", "rlastupdate", "nread", "reads"], leaf.GetReading().Keys);
    }

    [Fact]
    public void A_kstat_printed_again_with_another_crtime_keeps_one_kid_and_takes_the_last_crtime()
    {
        using var chain = SnapshotChain.Parse(
            "m:0:a:crtime\t1\nm:0:a:x\t1\nm:0:b:x\t2\nm:0:a:crtime\t3\nm:0:a:y\t4\nm:0:c:x\t5\n\n" +
            "m:0:a:crtime\t3\nm:0:a:x\t1\nm:0:a:y\t4\nm:0:b:x\t2\nm:0:c:x\t5\n");
        Assert.Equal(["m:0:a", "m:0:b", "m:0:c"], chain.Headers.Select(h => h.Key));
        Assert.Equal([1L, 2L, 3L], chain.Headers.Select(h => h.Kid));
        Assert.Equal(3_000_000_000, chain.Headers[0].CrTime);
        Assert.Equal(["x", "y"], chain.Read(chain.Headers[0]).Keys);

        // The next round shows the same kstats with the same crtime: nothing changed, the kids stay.
        var first = chain.Headers;
        Assert.False(chain.Update());
        Assert.Equal(first, chain.Headers);
    }

    [Theory]
    [MemberData(nameof(CapturesAndSeeds))]
    public void Json_kstat_objects_read_the_same_whatever_the_order_of_their_members(string capture, int seed)
    {
        // kstat -j prints module, instance, name, class, type, snaptime, data; JSON allows any order, and a reader that
        // takes the data as it comes must still give every kstat its header and its data.
        using var original = KstatTree.Load(CaptureFiles.PathOf(capture));
        var json = new StringWriter();
        KstatFormat.WriteJson(json, original);
        var random = new Random(seed);
        var round = System.Text.Json.Nodes.JsonNode.Parse(json.ToString())!.AsArray();
        var shuffled = new System.Text.Json.Nodes.JsonArray();
        foreach (var node in round)
        {
            var members = node!.AsObject().Select(m => (m.Key, Value: m.Value!.DeepClone())).OrderBy(_ => random.Next()).ToList();
            shuffled.Add(new System.Text.Json.Nodes.JsonObject(members.Select(m => KeyValuePair.Create(m.Key, (System.Text.Json.Nodes.JsonNode?)m.Value))));
        }

        using var again = KstatTree.Parse(shuffled.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = seed == 1 }));
        SnapshotAssert.SameTree(original, again);
    }

    [Theory]
    [InlineData("""{"module":"m","instance":0,"name":"n","class":"member","data":{"class":"data","v":1}}""")]
    [InlineData("""{"module":"m","instance":0,"name":"n","data":{"class":"data","v":1},"class":"member"}""")]
    [InlineData("""{"data":{"class":"data","v":1},"class":"member","module":"m","instance":0,"name":"n"}""")]
    [InlineData("""{"data":{"v":1,"class":"data"},"module":"m","class":"member","instance":0,"name":"n"}""")]
    public void The_class_member_wins_over_a_class_statistic_wherever_either_is(string kstat)
    {
        // The member is ks_class; a "class" in the data is kstat(1)'s -j -p copy of it or a statistic of that name.
        using var tree = KstatTree.Parse($"[{kstat}]");
        Assert.Equal("member", tree["m"][0]["n"].Class);
        Assert.Equal("member", (string)tree["m"][0]["n"]["class"]);
        Assert.Equal(1, (long)tree["m"][0]["n"]["v"]);
    }

    [Fact]
    public void Without_a_class_member_the_class_in_the_data_is_the_class()
    {
        using var tree = KstatTree.Parse("""[{"module":"m","instance":0,"name":"n","data":{"class":"data","v":1}}]""");
        Assert.Equal("data", tree["m"][0]["n"].Class);
    }

    [Fact]
    public void A_class_row_in_the_human_format_does_not_replace_the_class_of_the_header()
    {
        // kstat(1) prints ks_class on the name line of this format and never as a row: a row called "class" is a
        // statistic of the kstat.
        const string capture =
            "module: m                               instance: 0     \n" +
            "name:   n                               class:    header\n" +
            "\tclass                           row\n" +
            "\tcrtime                          1.5\n" +
            "\tv                               7\n\n";
        using var tree = KstatTree.Parse(capture);
        var leaf = tree["m"][0]["n"];
        Assert.Equal("header", leaf.Class);
        Assert.Equal("header", (string)leaf["class"]);
        Assert.Equal(7, (long)leaf["v"]);
        using var chain = SnapshotChain.Parse(capture);
        Assert.Equal("header", Assert.Single(chain.Headers).Class);
    }
}
