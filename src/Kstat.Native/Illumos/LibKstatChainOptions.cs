namespace Kstat.Native;

/// <summary>Options of a <see cref="LibKstatChain"/>.</summary>
public sealed class LibKstatChainOptions
{
    /// <summary>
    /// Gets a value indicating whether raw kstats without a decoder are kept, each as one statistic <c>raw</c>
    /// of kind <see cref="Kstat.Tree.KstatValueKind.Char"/> holding all its bytes.
    /// </summary>
    /// <remarks>
    /// Off by default: like Perl, the chain leaves them out. A tree with <c>StripStrings</c> on cuts the bytes at the
    /// first NUL; use <c>StripStrings = false</c> to keep them whole.
    /// </remarks>
    public bool IncludeUnknownRaw { get; init; }
}
