using Kstat.Tree;
using Kstat.Tree.Tests.Support;

namespace Kstat.Tree.Tests.Formatting;

/// <summary>The writers print what illumos kstat(1) prints, and what they print reads back as the same tree.</summary>
public class KstatWriterTests
{
    private static readonly string CKstatParseable = Path.Combine(
        CaptureFiles.FindRepositoryRoot(), "tests", "data", "c-kstat-p.txt");

    public static TheoryData<string> AllCaptures => [.. CaptureFiles.All.Select(p => Path.GetFileName(p))];

    public static TheoryData<string, SnapshotFormat> AllCapturesInJsonAndHuman()
    {
        var data = new TheoryData<string, SnapshotFormat>();
        foreach (var file in CaptureFiles.All.Select(p => Path.GetFileName(p)))
        {
            data.Add(file, SnapshotFormat.Json);
            data.Add(file, SnapshotFormat.Human);
        }

        return data;
    }

    [Fact]
    public void A_C_kstat_parseable_capture_comes_back_byte_for_byte()
    {
        // Composed in the exact form of the 2016 C kstat -p (TABs, %.9f times, strcasecmp order, class lines, integer
        // ns I/O times, a failed read printed as class and crtime only) from values of the real captures.
        string expected = File.ReadAllText(CKstatParseable);
        using var tree = KstatTree.Load(CKstatParseable);
        var output = new StringWriter();

        int kstats = KstatFormat.WriteParseable(output, tree);

        Assert.Equal(expected, output.ToString());
        Assert.Equal(10, kstats);
    }

    [Fact]
    public void The_C_form_capture_is_typed_by_its_statistic_names()
    {
        using var tree = KstatTree.Load(CKstatParseable);
        Assert.Equal(KstatType.Io, tree["sd"][10]["sd10"].Type);
        KstatAssert.Same(KstatValue.HrTime(987654321L * 11), tree["sd"][10]["sd10"]["rtime"]);
        Assert.Equal(KstatValueKind.UInt64, tree["sd"][10]["sd10"]["nread"].Kind);
        Assert.Equal(KstatType.Intr, tree["ehci"][0]["ehci0"].Type);
        Assert.Equal(KstatType.Raw, tree["cpu_stat"][0]["cpu_stat0"].Type);
        Assert.Equal(KstatValueKind.Int32, tree["cpu_stat"][0]["cpu_stat0"]["iowait"].Kind);
        Assert.Equal(KstatType.Named, tree["unix"][0]["system_pages"].Type);
        Assert.Throws<KstatNotFoundException>(() => tree["unix"][0]["pset"]["snaptime"]);
        Assert.Equal("misc", tree["unix"][0]["pset"].Class);
    }

    [Theory]
    [MemberData(nameof(AllCaptures))]
    public void Parseable_output_reads_back_as_the_same_tree(string file)
    {
        using var original = KstatTree.Load(CaptureFiles.PathOf(file));
        var text = new StringWriter();
        KstatFormat.WriteParseable(text, original);

        using var again = KstatTree.Parse(text.ToString());
        SnapshotAssert.SameTree(original, again);

        var twice = new StringWriter();
        KstatFormat.WriteParseable(twice, again);
        Assert.Equal(text.ToString(), twice.ToString());
    }

    [Theory]
    [MemberData(nameof(AllCapturesInJsonAndHuman))]
    public void Json_and_human_output_read_back_as_the_same_tree(string file, SnapshotFormat format)
    {
        using var original = KstatTree.Load(CaptureFiles.PathOf(file));
        var text = new StringWriter();
        _ = format == SnapshotFormat.Json ? KstatFormat.WriteJson(text, original) : KstatFormat.WriteHuman(text, original);

        using var chain = SnapshotChain.Parse(text.ToString());
        Assert.Equal(format, chain.Format);
        using var again = new KstatTree(chain);
        SnapshotAssert.SameTree(original, again);
    }

    [Theory]
    [InlineData("openindiana-ryzen7-cpu_info-plain-pycpuinfo.txt")]
    [InlineData("solaris11-x86-corei7-cpu_info-plain-pycpuinfo.txt")]
    public void Human_output_matches_a_C_kstat_capture_up_to_trailing_blanks(string file)
    {
        // These were printed by the C kstat(1) (9-decimal times); the copies lost trailing blanks and gained blank lines.
        static string Normalize(string text) =>
            string.Join('\n', text.Split('\n').Select(l => l.TrimEnd(' '))).TrimEnd('\n');
        using var tree = KstatTree.Load(CaptureFiles.PathOf(file));
        var output = new StringWriter();

        KstatFormat.WriteHuman(output, tree);

        Assert.Equal(Normalize(File.ReadAllText(CaptureFiles.PathOf(file))), Normalize(output.ToString()));
        Assert.StartsWith("module: cpu_info                        instance: 0     \nname:   cpu_info0                       class:    misc\n\tbrand    ", output.ToString());
    }

    [Fact]
    public void Records_in_kstat_order_sort_statistics_case_insensitively_with_the_pseudo_statistics()
    {
        var header = new KstatHeader("Zeta", 0, "b", "misc", KstatType.Named, 1_500_000_000, 1);
        var reading = new KstatReading(2_000_000_001, [new("Size", 1), new("serial", "x y"), new("apple", -1L), new("", 7)]);
        var text = new StringWriter();

        new KstatParseableWriter(text).Write(new KstatRecord(header, reading));
        new KstatParseableWriter(text, colon: true).Write(new KstatRecord(header, null));
        new KstatParseableWriter(text, namesOnly: true).Write(new KstatRecord(header, reading), s => s.StartsWith('s'));

        Assert.Equal(
            "Zeta:0:b:apple\t-1\nZeta:0:b:class\tmisc\nZeta:0:b:crtime\t1.500000000\nZeta:0:b:serial\tx y\nZeta:0:b:Size\t1\nZeta:0:b:snaptime\t2.000000001\n" +
            "Zeta:0:b:class:misc\nZeta:0:b:crtime:1.500000000\n" +
            "Zeta:0:b:serial\nZeta:0:b:snaptime\n",
            text.ToString());
    }

    [Fact]
    public void Equal_names_print_the_one_inserted_last_first_as_kstat_inserts_them()
    {
        var header = new KstatHeader("m", 0, "n", "c", KstatType.Named, 0, 1);
        var reading = new KstatReading(0, [new("Foo", 1), new("foo", 2), new("FOO", 3)]);
        var text = new StringWriter();

        new KstatParseableWriter(text).Write(new KstatRecord(header, reading), s => s.Equals("foo", StringComparison.OrdinalIgnoreCase));

        Assert.Equal("m:0:n:FOO\t3\nm:0:n:foo\t2\nm:0:n:Foo\t1\n", text.ToString());
    }

    [Fact]
    public void Io_and_timer_times_print_as_integer_nanoseconds_and_other_times_as_seconds()
    {
        var io = new KstatHeader("sd", 1, "sd1", "disk", KstatType.Io, 74_123_400_000, 1);
        var timer = io with { Module = "t", Name = "t0", Type = KstatType.Timer };
        var named = io with { Module = "n", Name = "n0", Type = KstatType.Named };
        var reading = new KstatReading(5_000_000_000, [new("rtime", KstatValue.HrTime(987_654_321))]);
        var text = new StringWriter();
        var writer = new KstatParseableWriter(text);

        writer.Write(new KstatRecord(io, reading), s => s == "rtime");
        writer.Write(new KstatRecord(timer, reading), s => s == "rtime");
        writer.Write(new KstatRecord(named, reading), s => s is "rtime" or "snaptime");

        Assert.Equal("sd:1:sd1:rtime\t987654321\nt:1:t0:rtime\t987654321\nn:1:n0:rtime\t0.987654321\nn:1:n0:snaptime\t5.000000000\n", text.ToString());
    }

    [Fact]
    public void Json_escapes_as_kstat_does_and_keeps_its_object_count_across_rounds()
    {
        var header = new KstatHeader("m\"?", 3, "n\\", "c\t", KstatType.Named, 0, 1);
        var reading = new KstatReading(1_000_000_000, [new("s", "é\n\u0001"), new("i", 5)]);
        var text = new StringWriter();
        var writer = new KstatJsonWriter(text, includeClass: true);

        writer.BeginRound();
        writer.Write(new KstatRecord(header, reading));
        writer.EndRound();
        text.Write('\n');
        writer.BeginRound();
        writer.Write(new KstatRecord(header, null), s => s == "crtime");
        writer.EndRound();

        Assert.Equal(
            "[{\n\t\"module\": \"m\\\"\\?\",\n\t\"instance\": 3,\n\t\"name\": \"n\\\\\",\n\t\"class\": \"c\\t\",\n\t\"type\": 1,\n\t\"snaptime\": 1.000000000,\n\t\"data\": {\n" +
            "\t\t\"class\": \"c\\t\",\n\t\t\"crtime\": 0,\n\t\t\"i\": 5,\n\t\t\"s\": \"\\u00c3\\u00a9\\n\\u0001\",\n\t\t\"snaptime\": 1.000000000\n\t}\n}]\n" +
            "\n[, {\n\t\"module\": \"m\\\"\\?\",\n\t\"instance\": 3,\n\t\"name\": \"n\\\\\",\n\t\"class\": \"c\\t\",\n\t\"type\": 1,\n\t\"snaptime\": 0,\n\t\"data\": {\n" +
            "\t\t\"crtime\": 0\n\t}\n}]\n",
            text.ToString());

        using var chain = SnapshotChain.Parse(text.ToString());
        Assert.Equal(2, chain.RoundCount);
        var back = chain.Read(chain.Headers[0]);
        Assert.Equal(("m\"?", "n\\", "c\t"), (chain.Headers[0].Module, chain.Headers[0].Name, chain.Headers[0].Class));
        Assert.Equal("é\n\u0001", (string)back["s"]);
        chain.Update();
        Assert.Throws<KstatNotFoundException>(() => chain.Read(chain.Headers[0]));
    }

    [Fact]
    public void The_human_header_pads_and_cuts_as_kstat_does()
    {
        var header = new KstatHeader(new string('m', 35), -1, "n", new string('c', 33), KstatType.Named, 0, 1);
        var text = new StringWriter();

        int rows = new KstatHumanWriter(text).Write(new KstatRecord(header, new KstatReading(0, [new("a_statistic_name_of_31_chars_xx", 1)])));

        Assert.Equal(3, rows);
        Assert.Equal(
            $"module: {new string('m', 30)}  instance: -1    \nname:   n{new string(' ', 29)}  class:    {new string('c', 30)}\n" +
            $"\ta_statistic_name_of_31_chars_xx  1\n\tcrtime{new string(' ', 24)}  0\n\tsnaptime{new string(' ', 22)}  0\n\n",
            text.ToString());
    }

    [Theory]
    [InlineData(SnapshotFormat.Parseable)]
    [InlineData(SnapshotFormat.Json)]
    [InlineData(SnapshotFormat.Human)]
    public void Each_format_written_and_read_back_is_written_the_same_again(SnapshotFormat format)
    {
        using var source = KstatTree.Load(CKstatParseable);
        string first = Write(source, format);

        using var again = new KstatTree(SnapshotChain.Parse(first, format));
        SnapshotAssert.SameTree(source, again);
        Assert.Equal(first, Write(again, format));
    }

    [Fact]
    public void Windows_line_ends_and_a_byte_order_mark_read_the_same()
    {
        string text = File.ReadAllText(CKstatParseable);
        using var plain = KstatTree.Parse(text);
        using var windows = KstatTree.Parse("\uFEFF" + text.Replace("\n", "\r\n"));
        SnapshotAssert.SameTree(plain, windows);
    }

    private static string Write(KstatTree tree, SnapshotFormat format)
    {
        var text = new StringWriter();
        _ = format switch
        {
            SnapshotFormat.Json => KstatFormat.WriteJson(text, tree),
            SnapshotFormat.Human => KstatFormat.WriteHuman(text, tree),
            _ => KstatFormat.WriteParseable(text, tree),
        };
        return text.ToString();
    }
}
