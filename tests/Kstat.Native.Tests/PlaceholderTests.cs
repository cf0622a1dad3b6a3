namespace Kstat.Native.Tests;

public class NativeKstatTests
{
    [Fact]
    public void Open_on_an_os_without_a_source_says_what_to_use()
    {
        if (OperatingSystem.IsLinux())
        {
            return; // Linux gets /proc (see Linux/)
        }

        var e = Assert.Throws<PlatformNotSupportedException>(() => NativeKstat.Open());
        Assert.Contains("KstatTree.Load", e.Message, StringComparison.Ordinal);
    }
}
