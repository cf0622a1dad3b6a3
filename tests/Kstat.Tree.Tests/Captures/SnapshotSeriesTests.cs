using Kstat.Tree;
using Kstat.Tree.Tests.Support;

namespace Kstat.Tree.Tests.Captures;

/// <summary>A capture of several rounds replays as a series: Update() steps round by round and reports what changed.</summary>
public class SnapshotSeriesTests
{
    // kstat -p -T u m 1 4: four rounds; b goes away in round 2 and c comes; a is re-created in round 4.
    private const string Parseable =
        "1700000000\n" +
        "a:0:x:crtime\t1.000000000\na:0:x:n\t10\na:0:x:snaptime\t100.000000000\n" +
        "b:0:y:crtime\t2.000000000\nb:0:y:n\t20\nb:0:y:snaptime\t100.000000001\n" +
        "\n1700000001\n" +
        "a:0:x:crtime\t1.000000000\na:0:x:n\t11\na:0:x:snaptime\t101.000000000\n" +
        "c:0:z:crtime\t3.000000000\nc:0:z:n\t30\nc:0:z:snaptime\t101.000000002\n" +
        "\n1700000002\n" +
        "a:0:x:crtime\t1.000000000\na:0:x:n\t12\na:0:x:snaptime\t102.000000000\n" +
        "c:0:z:crtime\t3.000000000\nc:0:z:n\t31\nc:0:z:snaptime\t102.000000002\n" +
        "\n1700000003\n" +
        "a:0:x:crtime\t50.000000000\na:0:x:n\t0\na:0:x:snaptime\t103.000000000\n" +
        "c:0:z:crtime\t3.000000000\nc:0:z:n\t32\nc:0:z:snaptime\t103.000000002\n";

    [Fact]
    public void Update_steps_through_the_rounds_and_reports_added_removed_and_replaced()
    {
        using var tree = new KstatTree(SnapshotChain.Parse(Parseable));
        var chain = (SnapshotChain)tree.Chain;
        Assert.Equal(4, chain.RoundCount);
        Assert.Equal(0, chain.Round);
        Assert.Equal(10, (long)tree["a"][0]["x"]["n"]);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1700000000), chain.TimestampTime);
        long firstChain = chain.ChainId;

        var (added, removed) = tree.Update();
        Assert.Equal(["c:0:z"], added.ToArray());
        Assert.Equal(["b:0:y"], removed.ToArray());
        Assert.Equal(11, (long)tree["a"][0]["x"]["n"]);
        Assert.Equal(101_000_000_000L, tree["a"][0]["x"].SnapTime);
        Assert.False(tree.ContainsKey("b"));
        Assert.Equal(firstChain + 1, chain.ChainId);

        var same = tree.Update();
        Assert.False(same.Changed);
        Assert.Equal(firstChain + 1, same.ChainId);
        KstatAssert.Same(KstatValue.HrTime(102_000_000_000), tree["a"][0]["x"]["snaptime"]);

        var recreated = tree.Update();
        Assert.Equal(["a:0:x"], recreated.Replaced.ToArray());
        Assert.Empty(recreated.Added);
        Assert.Equal(50_000_000_000L, tree["a"][0]["x"].CrTime);
        Assert.Equal(0, (long)tree["a"][0]["x"]["n"]);
        Assert.True(chain.IsLastRound);
        Assert.Equal("1700000003", chain.Timestamp);

        Assert.False(tree.Update().Changed);
        Assert.Equal(3, chain.Round);
    }

    [Fact]
    public void Update_says_when_the_capture_has_no_round_left_so_a_loop_over_its_rounds_ends()
    {
        using var tree = KstatTree.Parse(Parseable);
        var rounds = new List<long>();

        for (int guard = 0; guard < 100; guard++)
        {
            rounds.Add((long)tree["a"][0]["x"]["n"]);
            if (tree.Update().EndOfCapture)
            {
                break;
            }
        }

        Assert.Equal([10L, 11, 12, 0], rounds);
        var again = tree.Update();
        Assert.True(again.EndOfCapture);
        Assert.False(again.Changed);
        Assert.Contains("end of capture", again.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_capture_of_one_round_ends_at_the_first_update_and_a_live_chain_never_ends()
    {
        using var single = KstatTree.Parse("a:0:x:n\t1\n");
        using var live = new KstatTree(new FakeChain("a:0:x"));

        Assert.True(single.Update().EndOfCapture);
        Assert.False(live.Update().EndOfCapture);
        Assert.False(live.Update().EndOfCapture);
    }

    [Fact]
    public void A_kstat_keeps_its_id_while_its_crtime_stays()
    {
        using var chain = SnapshotChain.Parse(Parseable);
        long kid = chain.Headers.Single(h => h.Name == "x").Kid;
        chain.Update();
        chain.Update();
        Assert.Equal(kid, chain.Headers.Single(h => h.Name == "x").Kid);
        chain.Update();
        Assert.NotEqual(kid, chain.Headers.Single(h => h.Name == "x").Kid);
    }

    [Fact]
    public void A_header_of_an_earlier_round_is_not_found_once_its_kstat_is_gone()
    {
        using var chain = SnapshotChain.Parse(Parseable);
        var b = chain.Headers.Single(h => h.Name == "y");
        Assert.Equal(20, (long)chain.Read(b)["n"]);
        chain.Update();
        var e = Assert.Throws<KstatNotFoundException>(() => chain.Read(b));
        Assert.Equal("b:0:y", e.Key);
    }

    [Fact]
    public void Json_rounds_with_the_comma_quirk_and_date_stamps_are_a_series()
    {
        var text = new StringWriter();
        var writer = new KstatJsonWriter(text);
        var header = new KstatHeader("cpu", 0, "sys", "misc", KstatType.Named, 0, 1);
        for (int round = 0; round < 3; round++)
        {
            text.Write($"Thu Jul 22 19:39:5{round} UTC 1999\n");
            writer.BeginRound();
            writer.Write(new KstatRecord(header, new KstatReading(1_000_000_000L * (round + 1), [new("ticks", round)])));
            writer.EndRound();
            text.Write('\n');
        }

        Assert.Contains("[, {", text.ToString());
        using var tree = new KstatTree(SnapshotChain.Parse(text.ToString()));
        var chain = (SnapshotChain)tree.Chain;
        Assert.Equal(3, chain.RoundCount);
        Assert.Equal(["Thu Jul 22 19:39:50 UTC 1999", "Thu Jul 22 19:39:51 UTC 1999", "Thu Jul 22 19:39:52 UTC 1999"], chain.Timestamps);
        Assert.Equal(new DateTimeOffset(1999, 7, 22, 19, 39, 50, TimeSpan.Zero), chain.TimestampTime);
        Assert.Equal(0, (long)tree["cpu"][0]["sys"]["ticks"]);
        Assert.False(tree.Update().Changed);
        Assert.Equal(1, (long)tree["cpu"][0]["sys"]["ticks"]);
        Assert.Equal(2_000_000_000L, tree["cpu"][0]["sys"].SnapTime);
    }

    [Fact]
    public void Human_rounds_split_where_a_kstat_repeats()
    {
        string capture = File.ReadAllText(CaptureFiles.PathOf("solaris-i86pc-corei5-cpu_info-plain.txt"));
        string second = capture.Replace("2279.514858392", "2280.514858392").Replace("state_begin                     1329488796", "state_begin                     1329488797");
        using var tree = new KstatTree(SnapshotChain.Parse(capture + "\n" + second));
        var chain = (SnapshotChain)tree.Chain;
        Assert.Equal(2, chain.RoundCount);
        var leaf = tree["cpu_info"][0]["cpu_info0"];
        Assert.Equal(1329488796, (long)leaf["state_begin"]);
        Assert.False(tree.Update().Changed);
        Assert.Equal(1329488797, (long)leaf["state_begin"]);
        Assert.Equal(2_280_514_858_392L, leaf.SnapTime);
    }

    [Fact]
    public void Repeated_kstats_in_one_parseable_round_merge_and_the_last_value_wins()
    {
        using var chain = SnapshotChain.Parse("m:0:n:a\t1\nm:0:n:b\t2\nm:0:n:a\t3\no:0:p:a\t1\nm:0:n:c\t4\n");
        Assert.Equal(1, chain.RoundCount);
        Assert.Equal(2, chain.Headers.Count);
        var reading = chain.Read(chain.Headers[0]);
        Assert.Equal(["a", "b", "c"], reading.Keys);
        Assert.Equal(3, (long)reading["a"]);
    }

    [Fact]
    public void Colon_and_names_only_variants_read_the_same_kstats()
    {
        const string tabs = "unix:0:temperature override:override\t5\ncpu_info:0:cpu_info0:cstates_count\t1908299:1908300\ncpu_info:0:cpu_info0:crtime\t13.840457104\n";
        using var a = KstatTree.Parse(tabs);
        using var colon = KstatTree.Parse(tabs.Replace('\t', ':'));
        SnapshotAssert.SameTree(a, colon);
        Assert.Equal("1908299:1908300", (string)colon["cpu_info"][0]["cpu_info0"]["cstates_count"]);

        using var names = SnapshotChain.Parse("unix:0:temperature override:override\ncpu_info:0:cpu_info0:crtime\n");
        Assert.Equal(["unix:0:temperature override", "cpu_info:0:cpu_info0"], names.Headers.Select(h => h.Key));
        Assert.Equal(string.Empty, (string)names.Read(names.Headers[0])["override"]);
    }

    [Fact]
    public void Io_intr_and_timer_kstats_are_recognised_by_their_exact_statistic_names()
    {
        const string capture =
            "sd:0:sd0:nread\t1\nsd:0:sd0:nwritten\t2\nsd:0:sd0:rcnt\t0\nsd:0:sd0:reads\t3\nsd:0:sd0:rlastupdate\t12.5\nsd:0:sd0:rlentime\t7\n" +
            "sd:0:sd0:rtime\t8\nsd:0:sd0:wcnt\t0\nsd:0:sd0:wlastupdate\t0\nsd:0:sd0:wlentime\t0\nsd:0:sd0:writes\t4\nsd:0:sd0:wtime\t0\n" +
            "t:0:t0:elapsed_time\t5\nt:0:t0:max_time\t1\nt:0:t0:min_time\t1\nt:0:t0:name\tsome timer\nt:0:t0:num_events\t3\nt:0:t0:start_time\t0\nt:0:t0:stop_time\t0\n" +
            "i:0:i0:hard\t1\ni:0:i0:multiple_service\t0\ni:0:i0:soft\t0\ni:0:i0:spurious\t0\ni:0:i0:watchdog\t0\n" +
            "sd:1:sd1:nread\t1\n";
        using var tree = KstatTree.Parse(capture);
        Assert.Equal(KstatType.Io, tree["sd"][0]["sd0"].Type);
        KstatAssert.Same(KstatValue.HrTime(8), tree["sd"][0]["sd0"]["rtime"]);
        KstatAssert.Same(KstatValue.HrTime(12_500_000_000), tree["sd"][0]["sd0"]["rlastupdate"]); // Perl kstat: float seconds
        Assert.Equal(KstatValueKind.UInt32, tree["sd"][0]["sd0"]["reads"].Kind);
        Assert.Equal(KstatType.Timer, tree["t"][0]["t0"].Type);
        Assert.Equal("some timer", (string)tree["t"][0]["t0"]["name"]);
        Assert.Equal(KstatType.Intr, tree["i"][0]["i0"].Type);
        Assert.Equal(KstatType.Named, tree["sd"][1]["sd1"].Type);
    }

    [Fact]
    public void A_kstat_that_could_not_be_read_in_the_first_round_gets_its_type_from_a_later_one()
    {
        const string capture =
            "sd:0:sd0:class\tdisk\nsd:0:sd0:crtime\t74.1234\n\n" +
            "sd:0:sd0:class\tdisk\nsd:0:sd0:crtime\t74.1234\nsd:0:sd0:nread\t1\nsd:0:sd0:nwritten\t2\nsd:0:sd0:rcnt\t0\nsd:0:sd0:reads\t3\n" +
            "sd:0:sd0:rlastupdate\t9\nsd:0:sd0:rlentime\t7\nsd:0:sd0:rtime\t8\nsd:0:sd0:snaptime\t80\nsd:0:sd0:wcnt\t0\nsd:0:sd0:wlastupdate\t0\n" +
            "sd:0:sd0:wlentime\t0\nsd:0:sd0:writes\t4\nsd:0:sd0:wtime\t0\n";
        using var tree = KstatTree.Parse(capture);
        var leaf = tree["sd"][0]["sd0"];
        Assert.Throws<KstatNotFoundException>(() => leaf["nread"]);
        var update = tree.Update();
        Assert.False(update.Changed);
        Assert.Equal(KstatType.Io, leaf.Type);
        KstatAssert.Same(KstatValue.HrTime(8), leaf["rtime"]);
    }

    [Fact]
    public void Readers_running_during_updates_see_whole_rounds()
    {
        var text = new System.Text.StringBuilder();
        for (int round = 1; round <= 200; round++)
        {
            for (int k = 0; k < 4; k++)
            {
                text.Append($"m:{k}:k{k}:a\t{round}\nm:{k}:k{k}:b\t{round}\nm:{k}:k{k}:snaptime\t{round}\n");
            }

            text.Append('\n');
        }

        using var tree = KstatTree.Parse(text.ToString());
        var chain = (SnapshotChain)tree.Chain;
        var leaves = tree.Leaves().ToArray();
        using var done = new CancellationTokenSource();
        var readers = Enumerable.Range(0, 2).Select(_ => Task.Run(() =>
        {
            int reads = 0;
            while (!done.IsCancellationRequested || reads == 0)
            {
                foreach (var leaf in leaves)
                {
                    var reading = leaf.GetReading();
                    long round = (long)reading["a"];
                    Assert.Equal(round, (long)reading["b"]);
                    Assert.Equal(round * 1_000_000_000, reading.SnapTime);
                    reads++;
                }
            }

            return reads;
        })).ToArray();

        while (!chain.IsLastRound)
        {
            Assert.False(tree.Update().Changed);
        }

        done.Cancel();
        Assert.All(readers, r => Assert.True(r.Result > 0));
        Assert.All(leaves, l => Assert.Equal(200, (long)l["a"]));
    }
}
