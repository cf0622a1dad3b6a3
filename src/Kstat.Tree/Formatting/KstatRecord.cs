namespace Kstat.Tree;

/// <summary>One kstat as kstat(1) prints it: its header and the values read, or no values when the read failed.</summary>
/// <param name="Header">The kstat's header: module, instance, name, class, type and <c>crtime</c>.</param>
/// <param name="Reading">The values read, or <c>null</c> when the read failed: kstat(1) then prints only <c>crtime</c> (and <c>class</c> under <c>-p</c>).</param>
public sealed record KstatRecord(KstatHeader Header, KstatReading? Reading);
