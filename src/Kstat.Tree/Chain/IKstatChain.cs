namespace Kstat.Tree;

/// <summary>
/// A source of kstats with libkstat's semantics: a chain of headers that can be walked without
/// reading any data, a read of one kstat, and a chain update.
/// </summary>
/// <remarks>
/// Implementations are libkstat itself (<c>LibKstatChain</c>), Linux <c>/proc</c> (<c>ProcfsChain</c>) and
/// captures of kstat(1) output (<c>SnapshotChain</c>). Like Perl's <c>Sun::Solaris::Kstat</c>, a chain leaves
/// kstats whose name starts with <c>kstat_</c> and raw kstats it cannot decode out of <see cref="Headers"/>.
/// Implementations must allow <see cref="Read"/> from several threads, also while <see cref="Update"/> runs, and may
/// return the same (immutable) <see cref="KstatReading"/> object more than once.
/// </remarks>
public interface IKstatChain : IDisposable
{
    /// <summary>Gets the id of the chain as it is now (<c>kc_chain_id</c>); it changes when the chain changes.</summary>
    long ChainId { get; }

    /// <summary>Gets the headers of the chain as it is now; no kstat data is read.</summary>
    IReadOnlyList<KstatHeader> Headers { get; }

    /// <summary>Brings the chain up to date (<c>kstat_chain_update</c>).</summary>
    /// <returns><see langword="true"/> when <see cref="Headers"/> changed.</returns>
    /// <exception cref="KstatException">The chain could not be updated.</exception>
    bool Update();

    /// <summary>Reads one kstat (<c>kstat_read</c>) and decodes its data.</summary>
    /// <param name="header">A header from <see cref="Headers"/>.</param>
    /// <returns>The values read, all from one snapshot of the kstat.</returns>
    /// <exception cref="KstatNotFoundException">The kstat no longer exists.</exception>
    /// <exception cref="KstatException">The kstat could not be read or decoded.</exception>
    KstatReading Read(KstatHeader header);
}
