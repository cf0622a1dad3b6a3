namespace Kstat.Native.Tests;

public class NativeKstatTests
{
    [Fact]
    public void Linux_is_not_taken_for_a_libkstat_system()
    {
        Assert.True(!OperatingSystem.IsLinux() || !NativeKstat.IsIllumosOrSolaris());
    }

    [Fact]
    public void Open_on_an_os_without_a_source_says_what_to_use()
    {
        if (OperatingSystem.IsLinux() || NativeKstat.IsIllumosOrSolaris())
        {
            return; // these have a source: /proc (tests under Linux/) and libkstat
        }

        var e = Assert.Throws<PlatformNotSupportedException>(() => NativeKstat.Open());
        Assert.Contains("KstatTree.Load", e.Message, StringComparison.Ordinal);
    }
}
