namespace Kstat.Tree;

/// <summary>The text formats of kstat(1) that <see cref="SnapshotChain"/> reads.</summary>
public enum SnapshotFormat
{
    /// <summary>Detect the format from the first line that is not blank and not a <c>-T</c> timestamp.</summary>
    Auto = 0,

    /// <summary>
    /// <c>kstat -p</c>: <c>module:instance:name:statistic&lt;TAB&gt;value</c>; also <c>-C</c> (a colon instead of the TAB),
    /// <c>-l</c> (names only) and captures whose TABs were expanded to spaces.
    /// </summary>
    Parseable = 1,

    /// <summary><c>kstat -j</c>: the illumos JSON (2016, with its <c>\?</c> escape and <c>[, {</c> rounds, and the 2013 variants).</summary>
    Json = 2,

    /// <summary>The default human-readable output of the C kstat(1) and the older Perl kstat: <c>module:</c>/<c>name:</c> headers and indented rows.</summary>
    Human = 3,
}
