namespace Kstat.Tree.Tests.Captures;

/// <summary>The format argument of the capture readers: every defined format is taken, anything else refused up front.</summary>
public sealed class SnapshotFormatTests
{
    private const string Capture = "unix:0:system_pages:freemem\t4096\n";

    [Theory]
    [InlineData(SnapshotFormat.Auto)]
    [InlineData(SnapshotFormat.Parseable)]
    public void A_defined_format_reads_the_capture(SnapshotFormat format)
    {
        using var chain = SnapshotChain.Parse(Capture, format);
        Assert.Equal("4096", chain.Read(Assert.Single(chain.Headers))["freemem"].ToString());
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(4)]
    public void A_value_that_is_no_format_is_refused_before_anything_is_read(int format)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => SnapshotChain.Parse(Capture, (SnapshotFormat)format));
        Assert.Equal("format", e.ParamName);
        Assert.Throws<ArgumentOutOfRangeException>(() => SnapshotChain.Load("no-such-file.txt", (SnapshotFormat)format));
    }
}
