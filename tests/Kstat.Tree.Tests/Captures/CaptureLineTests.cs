using System.Text;
using Kstat.Tree;

namespace Kstat.Tree.Tests.Captures;

/// <summary>
/// Lines come out whole and exact wherever the reads of the input cut them (the reader hands out lines from its
/// buffer), and bad input far into a file is reported at its own line and column.
/// </summary>
public class CaptureLineTests
{
    // The reader's buffer holds 32,768 characters; these lengths put line ends, CRLFs and bad bytes around its edges.
    private const int Buffer = 32768;

    [Theory]
    [InlineData(Buffer - 1)]
    [InlineData(Buffer)]
    [InlineData(Buffer + 1)]
    [InlineData((3 * Buffer) + 17)]
    public void Values_longer_than_a_read_and_CRLFs_across_reads_come_through_whole(int length)
    {
        string prefix = "m:0:n:long\t";
        string value = string.Concat(Enumerable.Range(0, length).Select(i => (char)('a' + (i % 26))));
        string text = $"{prefix}{value}\r\nm:0:n:after\t7\r\n";
        foreach (var chain in ReadBothWays(text))
        {
            using (chain)
            {
                var reading = chain.Read(chain.Headers[0]);
                Assert.Equal(value, (string)reading["long"]);
                Assert.Equal(7, (long)reading["after"]);
            }
        }
    }

    [Theory]
    [InlineData(Buffer - 2)]
    [InlineData(Buffer - 1)]
    [InlineData(Buffer)]
    public void A_CRLF_cut_by_the_end_of_a_read_still_ends_the_line(int crAt)
    {
        // Lines of 20 characters and one of the right length so that its '\r' is the last character of the first read.
        var text = new StringBuilder();
        int line = 0;
        while (text.Length + 40 < crAt)
        {
            text.Append(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"m:{line++ % 10}:n:s\t{line % 10,4}\r\n"));
        }

        string last = "m:0:n:z\t";
        int fill = crAt - text.Length - last.Length;
        text.Append(last).Append('y', fill).Append("\r\nm:1:n:t\t1\r\n");
        Assert.Equal('\r', text[crAt]);
        foreach (var chain in ReadBothWays(text.ToString()))
        {
            using (chain)
            {
                var z = (string)chain.Read(chain.Headers.Single(h => h.Key == "m:0:n")).Values[^1];
                Assert.DoesNotContain('\r', z);
                Assert.Equal(1, (long)chain.Read(chain.Headers.Single(h => h.Key == "m:1:n"))["t"]);
            }
        }
    }

    [Theory]
    [InlineData(5)]
    [InlineData(Buffer - 3)]
    [InlineData(Buffer)]
    [InlineData(Buffer + 5)]
    [InlineData((2 * Buffer) + 100)]
    public void Bad_bytes_and_NULs_far_into_a_file_are_reported_where_they_are(int badAt)
    {
        // Lines of exactly 20 bytes ("m:0:n:sNNNNNN\tvalue\n") up to the line holding the bad byte.
        int lineLength = 20;
        int badLine = (badAt / lineLength) + 1;
        int column = Math.Clamp((badAt % lineLength) + 1, 11, 14); // in the value, after a well-formed key

        var good = new StringBuilder();
        for (int i = 1; i < badLine; i++)
        {
            good.Append(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"m:0:n:s{i:D6}\tvalue\n"));
        }

        byte[] before = Encoding.UTF8.GetBytes(good + "m:0:n:bad\t" + new string('v', column - 11));
        foreach (byte[] bad in new[] { new byte[] { 0xC3, 0x28 }, new byte[] { 0x00 }, new byte[] { 0xFF } })
        {
            string path = Path.GetTempFileName();
            try
            {
                File.WriteAllBytes(path, [.. before, .. bad, .. "tail\nm:0:n:more\t1\n"u8]);
                var e = Assert.Throws<KstatFormatException>(() => SnapshotChain.Load(path));
                Assert.Equal((path, badLine, column), (e.SourceName, e.Line, e.Column));
                Assert.Contains(bad[0] == 0 ? "NUL" : "UTF-8", e.Problem, StringComparison.Ordinal);
            }
            finally
            {
                File.Delete(path);
            }
        }
    }

    [Fact]
    public void A_replacement_character_in_a_string_is_text_not_a_bad_byte()
    {
        // Only a file this library decodes can have bad bytes; a string's U+FFFD is a character like any other.
        using var chain = SnapshotChain.Parse("m:0:n:s\ta\uFFFDb\n");
        Assert.Equal("a\uFFFDb", (string)chain.Read(chain.Headers[0])["s"]);
    }

    [Fact]
    public void A_byte_order_mark_and_a_last_line_without_its_end_are_read()
    {
        string path = Path.GetTempFileName();
        try
        {
            File.WriteAllBytes(path, [0xEF, 0xBB, 0xBF, .. "m:0:n:a\t1\nm:0:n:b\t2"u8]);
            using var chain = SnapshotChain.Load(path);
            Assert.Equal(["a", "b"], chain.Read(chain.Headers[0]).Keys);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task A_capture_is_loaded_from_a_named_pipe_that_has_no_length()
    {
        if (OperatingSystem.IsWindows())
        {
            return; // no mkfifo there
        }

        string path = Path.Combine(Path.GetTempPath(), $"kstat-fifo-{Guid.NewGuid():N}");
        using (var mkfifo = System.Diagnostics.Process.Start("mkfifo", path))
        {
            await mkfifo.WaitForExitAsync();
            Assert.Equal(0, mkfifo.ExitCode);
        }

        try
        {
            var writer = Task.Run(() => File.WriteAllText(path, "m:0:n:a\t1\nm:0:n:b\tx\n"));
            using var chain = SnapshotChain.Load(path);
            await writer;
            Assert.Equal(["a", "b"], chain.Read(chain.Headers.Single()).Keys);
        }
        finally
        {
            File.Delete(path);
        }
    }

    // The text through a reader that gives all it can per read, and through a file (a StreamReader's own reads).
    private static IEnumerable<SnapshotChain> ReadBothWays(string text)
    {
        yield return SnapshotChain.Parse(text);
        string path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, text, new UTF8Encoding(false));
            yield return SnapshotChain.Load(path);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
