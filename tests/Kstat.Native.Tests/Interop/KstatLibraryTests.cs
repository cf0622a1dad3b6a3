using Kstat.Native.Tests.Support;
using Kstat.Tree.Tests.Support;

namespace Kstat.Native.Tests.Interop;

public class KstatLibraryTests
{
    [Fact]
    public void A_missing_KSTAT_LIBRARY_file_says_which_file_and_what_to_do()
    {
        string path = Path.Combine(Path.GetTempPath(), $"no-such-dir-{Guid.NewGuid():N}", "libkstat.so.1");

        var e = Assert.Throws<DllNotFoundException>(() => KstatLibrary.Load(path));

        Assert.Contains("KSTAT_LIBRARY", e.Message, StringComparison.Ordinal);
        Assert.Contains(path, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_KSTAT_LIBRARY_file_that_is_no_library_is_refused_clearly()
    {
        string path = CaptureFiles.PathOf("SOURCES.md");

        var e = Assert.Throws<DllNotFoundException>(() => KstatLibrary.Load(path));

        Assert.Contains("could not be loaded as libkstat", e.Message, StringComparison.Ordinal);
        Assert.Contains(path, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void KSTAT_LIBRARY_loads_the_named_file()
    {
        KstatDouble.Touch();

        Assert.NotEqual(IntPtr.Zero, KstatLibrary.Load(KstatDouble.Path));
    }
}
