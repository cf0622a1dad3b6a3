using System.Collections.Immutable;
using Kstat.Tree;
using static Interop.Kstat;

namespace Kstat.Native;

/// <summary>
/// The kstat chain of the running illumos or Solaris kernel, through <c>libkstat.so.1</c>: <c>kstat_open</c>,
/// <c>kstat_chain_update</c>, <c>kstat_read</c> and <c>kstat_close</c>.
/// </summary>
/// <remarks>
/// <para>The library is <c>libkstat.so.1</c> from the system's search path, or the file the environment variable
/// <c>KSTAT_LIBRARY</c> names (read once per process, before the first call).</para>
/// <para>Thread safety: every native call on the handle runs under one lock (libkstat is MT-Unsafe), so
/// <see cref="Read"/> may be called from any thread, also during <see cref="Update"/>; a <see cref="KstatTree"/> re-reads
/// its leaves in batches that hold the lock once for many reads. Headers carry no pointer:
/// a header is mapped to its <c>kstat_t*</c> by <see cref="KstatHeader.Kid"/> under the lock, and every such pointer
/// comes from the last walk of the chain, which follows every <c>kstat_chain_update</c> that may have freed one
/// (a failed one too), so no pointer freed by a chain update is ever used.</para>
/// <para>No call is retried and nothing sleeps under the lock: libkstat itself retries the kernel's <c>EAGAIN</c>
/// (<c>kstat_read</c> polls 100 ms and asks again, also for the headers a chain update reads). An <c>EAGAIN</c> that
/// reaches the caller comes from <c>malloc(3C)</c> inside libkstat when memory is short; it is thrown as a
/// <see cref="KstatException"/> like any other errno, and the next call may succeed.</para>
/// <para>Like Perl's Sun::Solaris::Kstat, the chain leaves out kstats whose name starts with <c>kstat_</c> and raw
/// kstats without a decoder (cpu_stat, var, ncstats, sysinfo, vminfo and nfs mntinfo have one).</para>
/// </remarks>
public sealed partial class LibKstatChain : IKstatChain, IKstatBatchReader
{
    private readonly Lock _lock = new();
    private readonly SafeKstatControlHandle _handle;
    private readonly LibKstatChainOptions _options;
    private readonly NamedShapes _shapes = new(); // used under _lock
    private Entry[] _entries = []; // sorted by kid; see Walk
    private IReadOnlyList<KstatHeader> _headers = ImmutableArray<KstatHeader>.Empty;
    private long _chainId;
    private volatile bool _disposed;

    /// <summary>Opens the kernel's kstat chain (<c>kstat_open</c>).</summary>
    /// <exception cref="DllNotFoundException">libkstat cannot be loaded (not illumos or Solaris, or <c>KSTAT_LIBRARY</c> names a missing file).</exception>
    /// <exception cref="UnauthorizedAccessException"><c>/dev/kstat</c> cannot be opened (<c>EACCES</c>, <c>EPERM</c>).</exception>
    /// <exception cref="KstatException"><c>kstat_open</c> failed; <see cref="KstatException.Errno"/> says why.</exception>
    public LibKstatChain()
        : this(new LibKstatChainOptions())
    {
    }

    /// <summary>Opens the kernel's kstat chain (<c>kstat_open</c>) with options.</summary>
    /// <param name="options">Which kstats to keep beyond Perl's (<see cref="LibKstatChainOptions.IncludeUnknownRaw"/>).</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    /// <exception cref="DllNotFoundException">libkstat cannot be loaded (not illumos or Solaris, or <c>KSTAT_LIBRARY</c> names a missing file).</exception>
    /// <exception cref="UnauthorizedAccessException"><c>/dev/kstat</c> cannot be opened (<c>EACCES</c>, <c>EPERM</c>).</exception>
    /// <exception cref="KstatException"><c>kstat_open</c> failed; <see cref="KstatException.Errno"/> says why.</exception>
    public LibKstatChain(LibKstatChainOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        KstatLibrary.EnsureResolver();
        _handle = kstat_open();
        if (_handle.IsInvalid)
        {
            int errno = KstatErrno.Last();
            _handle.Dispose();
            KstatErrno.Throw(errno, "kstat_open", null);
        }

        lock (_lock)
        {
            Walk(publish: true);
        }
    }

    /// <inheritdoc/>
    /// <exception cref="ObjectDisposedException">The chain is disposed.</exception>
    public long ChainId
    {
        get
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            return Volatile.Read(ref _chainId);
        }
    }

    /// <inheritdoc/>
    /// <remarks>A snapshot that stays valid: an update replaces the list rather than changing it.</remarks>
    /// <exception cref="ObjectDisposedException">The chain is disposed.</exception>
    public IReadOnlyList<KstatHeader> Headers
    {
        get
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            return Volatile.Read(ref _headers);
        }
    }

    /// <inheritdoc/>
    /// <remarks>
    /// <para><c>kstat_chain_update</c>: 0 leaves the chain as it is; a new chain id re-walks it.</para>
    /// <para>When it fails (-1), libkstat may have freed the deleted kstats and appended only some of the new ones; the
    /// chain is then well formed but half updated, and its id has not moved. <see cref="Headers"/> and
    /// <see cref="ChainId"/> stay as they were, a header of a kstat that was freed reads as
    /// <see cref="KstatNotFoundException"/>, the others read as before, and the next <see cref="Update"/> completes
    /// the update.</para>
    /// </remarks>
    /// <exception cref="KstatException"><c>kstat_chain_update</c> returned -1; <see cref="KstatException.Errno"/> says why.</exception>
    /// <exception cref="ObjectDisposedException">The chain is disposed.</exception>
    public bool Update()
    {
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            int id = kstat_chain_update(_handle);
            if (id == -1)
            {
                int errno = KstatErrno.Last();

                // The failed call may have freed kstat_t's the entries point at. Walking the half-updated chain now,
                // before the lock is released, rebinds the survivors and forgets the freed: forgetting every pointer
                // instead would make the next read re-walk, a check on every read. Nothing is published: the chain id
                // did not move, and the next Update() sees the same change again, completes it and publishes it.
                Walk(publish: false);
                KstatErrno.Throw(errno, "kstat_chain_update", null);
            }

            if (id == 0)
            {
                return false;
            }

            Walk(publish: true);
            return true;
        }
    }

    /// <summary>Closes the handle (<c>kstat_close</c>); afterwards every member throws <see cref="ObjectDisposedException"/>.</summary>
    /// <remarks>Waits for a read or update in progress. Calling it twice does nothing.</remarks>
    public void Dispose()
    {
        lock (_lock)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            _entries = [];
            _headers = ImmutableArray<KstatHeader>.Empty;
            _handle.Dispose();
        }
    }
}
