using System.Text;
using Kstat.Tree;
using Kstat.Tree.Tests.Support;

namespace Kstat.Tree.Tests.Captures;

/// <summary>Malformed captures give a KstatFormatException that says where and what was expected; nothing else escapes.</summary>
public class BadCaptureTests
{
    [Theory]
    [InlineData("cpu_info:0:cpu_info0:brand\tx\nnot a kstat line\n", 2, 1)]
    [InlineData("cpu_info:x:cpu_info0:brand\tx\n", 1, 10)]
    [InlineData("cpu_info:0:cpu_info0:crtime\tyesterday\n", 1, 29)]
    [InlineData("module: cpu_info  instance: 0\nname:   cpu_info0  class: misc\n\tbrand  x\nstray\n", 4, 1)]
    [InlineData("module: cpu_info  instance: zero\n", 1, 28)]
    [InlineData("module: cpu_info  instance: 0\n\tbrand  x\n", 2, 1)]
    [InlineData("[{\n\t\"module\": \"m\",\n\t\"instance\": 0,\n\t\"name\": \"n\",\n\t\"data\": {\n\t\t\"a\": 1\n", 7, 1)]
    [InlineData("[{\"module\": \"m\", \"instance\": 0}]\n", 1, 2)]
    [InlineData("[{\"module\": \"m\", \"instance\": 0, \"name\": \"n\", \"type\": 9}]\n", 1, 54)]
    [InlineData("[{\"module\": \"m\\x\"}]\n", 1, 15)]
    [InlineData("[{\"module\": \"m\n", 1, 15)]
    public void Malformed_text_names_the_line_and_column(string text, int line, int column)
    {
        var e = Assert.Throws<KstatFormatException>(() => SnapshotChain.Parse(text, sourceName: "capture.txt"));
        Assert.Equal("capture.txt", e.SourceName);
        Assert.Equal((line, column), (e.Line, e.Column));
        Assert.StartsWith("expected", e.Problem, StringComparison.Ordinal);
        Assert.StartsWith($"capture.txt:{line}:{column}: expected", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_binary_file_is_refused_at_its_first_NUL_or_invalid_byte()
    {
        string path = Path.GetTempFileName();
        try
        {
            File.WriteAllBytes(path, [.. "cpu_info:0:cpu_info0:brand\tx\n"u8, 0x7F, 0x45, 0x4C, 0x46, 0x00, 0x01]);
            var nul = Assert.Throws<KstatFormatException>(() => SnapshotChain.Load(path));
            Assert.Equal((path, 2, 5), (nul.SourceName, nul.Line, nul.Column));

            File.WriteAllBytes(path, [.. "cpu_info:0:cpu_info0:brand\tx\ncpu_info:0:cpu_info0:model\t"u8, 0xC3, 0x28, 0x0A]);
            var utf8 = Assert.Throws<KstatFormatException>(() => SnapshotChain.Load(path));
            Assert.Equal((2, 28), (utf8.Line, utf8.Column));
            Assert.Contains("UTF-8", utf8.Problem, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void An_absurdly_long_line_is_refused_without_reading_it_all()
    {
        var reader = new EndlessReader('x');
        var e = Assert.Throws<KstatFormatException>(() => SnapshotChain.Read(reader, sourceName: "endless"));
        Assert.Equal(1, e.Line);
        Assert.True(reader.CharsRead < 4 * 1024 * 1024, $"read {reader.CharsRead} characters");
    }

    [Fact]
    public void A_missing_file_is_an_IO_error_not_a_format_error()
    {
        Assert.Throws<FileNotFoundException>(() => KstatTree.Load(Path.Combine(Path.GetTempPath(), Guid.NewGuid() + ".txt")));
    }

    [Fact]
    public void Empty_and_blank_captures_are_empty_chains()
    {
        using var empty = SnapshotChain.Parse(string.Empty);
        Assert.Empty(empty.Headers);
        Assert.Equal(1, empty.RoundCount);
        using var blank = KstatTree.Parse("\n\n   \n");
        Assert.Empty(blank);
    }

    [Fact]
    public void A_kstat_name_starting_with_kstat_is_left_out_like_kstat_does()
    {
        using var chain = SnapshotChain.Parse("unix:0:kstat_headers:x\t1\nunix:0:var:v_buf\t100\n");
        Assert.Equal(["unix:0:var"], chain.Headers.Select(h => h.Key));
    }

    [Fact]
    public void Json_of_the_2013_kstat_with_unquoted_chars_and_trailing_commas_reads()
    {
        const string text =
            "[{\n\t\"module\": \"cpu_info\",\n\t\"instance\": 0,\n\t\"name\": \"cpu_info0\",\n\t\"class\": \"misc\",\n\t\"type\": 1,\n\t\"snaptime\": 120.971135132,\n" +
            "\t\"data\": {\n\t\t\"brand\": AMD Ryzen 7 2700X Eight-Core Processor,\n\t\t\"crtime\": 22.539390752,\n\t\t\"clock_MHz\": 3693,\n\t\t\"vendor_id\": AuthenticAMD,\n\t}\n},]\n";
        using var tree = KstatTree.Parse(text);
        var leaf = tree["cpu_info"][0]["cpu_info0"];
        Assert.Equal("AMD Ryzen 7 2700X Eight-Core Processor", (string)leaf["brand"]);
        Assert.Equal("AuthenticAMD", (string)leaf["vendor_id"]);
        Assert.Equal(3693, (long)leaf["clock_MHz"]);
        Assert.Equal(22_539_390_752L, leaf.CrTime);
    }

    [Fact]
    public void Json_keeps_its_type_and_reads_strings_that_look_like_numbers_as_strings()
    {
        const string text = "[{\"module\": \"sd\", \"instance\": 0, \"name\": \"sd0\", \"class\": \"disk\", \"type\": 3, \"snaptime\": 5,\n" +
                            "\"data\": {\"nread\": 5, \"rtime\": 987, \"label\": \"12\", \"what\": \"a\\?b\", \"crtime\": 1.5, \"snaptime\": 2.000000001}}]";
        using var chain = SnapshotChain.Parse(text, SnapshotFormat.Json);
        var header = chain.Headers.Single();
        Assert.Equal((KstatType.Io, 1_500_000_000L), (header.Type, header.CrTime));
        var reading = chain.Read(header);
        Assert.Equal(2_000_000_001L, reading.SnapTime);
        KstatAssert.Same(KstatValue.HrTime(987), reading["rtime"]);
        Assert.Equal(KstatValueKind.UInt64, reading["nread"].Kind);
        KstatAssert.Same(KstatValue.FromString("12"), reading["label"]);
        Assert.Equal("a?b", (string)reading["what"]);
    }

    [Fact]
    public void An_explicit_format_is_obeyed()
    {
        string path = CaptureFiles.PathOf("solaris11-vmware-system_pages-plain.txt");
        Assert.Throws<KstatFormatException>(() => SnapshotChain.Load(path, SnapshotFormat.Parseable));
        Assert.Throws<KstatFormatException>(() => SnapshotChain.Load(path, SnapshotFormat.Json));
        using var human = SnapshotChain.Load(path, SnapshotFormat.Human);
        Assert.Single(human.Headers);
    }

    /// <summary>A reader that never ends and never has a line break: a stand-in for a multi-gigabyte junk file.</summary>
    private sealed class EndlessReader(char fill) : TextReader
    {
        public long CharsRead { get; private set; }

        public override int Read(char[] buffer, int index, int count)
        {
            Array.Fill(buffer, fill, index, count);
            CharsRead += count;
            return count;
        }

        public override int Read() => fill;

        public override int Peek() => fill;
    }
}
