using Kstat.Tree.Tests.Support;

namespace Kstat.Native.Tests.Support;

/// <summary>The <c>kstat -p</c> captures among the real captures: the ones the double's loader reads.</summary>
internal static class ParseableCaptures
{
    public static TheoryData<string> Files =>
        [.. CaptureFiles.All.Select(p => Path.GetFileName(p)).Where(f => f.Contains("-p-", StringComparison.Ordinal))];
}
