namespace Kstat.Tree;

/// <summary>Options of a <see cref="KstatTree"/>, the twin of the arguments of Perl's <c>Sun::Solaris::Kstat->new()</c>.</summary>
public sealed class KstatTreeOptions
{
    /// <summary>
    /// Gets or sets a value indicating whether C <c>char</c> arrays (<c>KSTAT_DATA_CHAR</c>, the timer name, the NFS
    /// strings) are cut at their first NUL, as Perl's <c>strip_strings =&gt; 1</c> does.
    /// </summary>
    /// <remarks>
    /// Defaults to <see langword="true"/> (kstat(1) and the Perl kstat command strip too); Perl's module defaults to
    /// false, which keeps all bytes with their NUL padding: set it to <see langword="false"/> for that.
    /// </remarks>
    public bool StripStrings { get; init; } = true;
}
