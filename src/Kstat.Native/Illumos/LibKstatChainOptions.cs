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

    /// <summary>Gets how many times a call that fails with <c>EAGAIN</c> is retried before it throws; 10 by default.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is negative.</exception>
    public int RetryCount
    {
        get;
        init
        {
            ArgumentOutOfRangeException.ThrowIfNegative(value);
            field = value;
        }
    } = 10;

    /// <summary>Gets the pause before each retry after <c>EAGAIN</c>; 100 ms by default, as libkstat's own read loop.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is negative.</exception>
    public TimeSpan RetryDelay
    {
        get;
        init
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, TimeSpan.Zero);
            field = value;
        }
    } = TimeSpan.FromMilliseconds(100);
}
