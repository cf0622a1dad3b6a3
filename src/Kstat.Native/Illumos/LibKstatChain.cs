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
/// a header is mapped to its <c>kstat_t*</c> by <see cref="KstatHeader.Kid"/> under the lock, so no pointer freed by
/// a chain update is ever used.</para>
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
    /// <exception cref="KstatException"><c>kstat_open</c> failed, also after the retries on <c>EAGAIN</c>.</exception>
    public LibKstatChain()
        : this(new LibKstatChainOptions())
    {
    }

    /// <summary>Opens the kernel's kstat chain (<c>kstat_open</c>) with options.</summary>
    /// <param name="options">The options.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    /// <exception cref="DllNotFoundException">libkstat cannot be loaded (not illumos or Solaris, or <c>KSTAT_LIBRARY</c> names a missing file).</exception>
    /// <exception cref="UnauthorizedAccessException"><c>/dev/kstat</c> cannot be opened (<c>EACCES</c>, <c>EPERM</c>).</exception>
    /// <exception cref="KstatException"><c>kstat_open</c> failed, also after the retries on <c>EAGAIN</c>.</exception>
    public LibKstatChain(LibKstatChainOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        KstatLibrary.EnsureResolver();
        _handle = Open(options);
        lock (_lock)
        {
            Walk();
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
    /// <remarks><c>kstat_chain_update</c>: 0 leaves the chain as it is; a new chain id re-walks it. <c>EAGAIN</c> is retried.</remarks>
    /// <exception cref="KstatException"><c>kstat_chain_update</c> returned -1; <see cref="KstatException.Errno"/> says why.</exception>
    /// <exception cref="ObjectDisposedException">The chain is disposed.</exception>
    public bool Update()
    {
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            int id;
            for (int attempt = 0; (id = kstat_chain_update(_handle)) == -1; attempt++)
            {
                int errno = KstatErrno.Last();
                if (!ShouldRetry(errno, attempt))
                {
                    KstatErrno.Throw(errno, "kstat_chain_update", null);
                }
            }

            if (id == 0)
            {
                return false;
            }

            Walk();
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

    private static SafeKstatControlHandle Open(LibKstatChainOptions options)
    {
        for (int attempt = 0; ; attempt++)
        {
            var handle = kstat_open();
            if (!handle.IsInvalid)
            {
                return handle;
            }

            int errno = KstatErrno.Last();
            handle.Dispose();
            if (errno != EAGAIN || attempt >= options.RetryCount)
            {
                KstatErrno.Throw(errno, "kstat_open", null);
            }

            Thread.Sleep(options.RetryDelay);
        }
    }

    private bool ShouldRetry(int errno, int attempt)
    {
        if (errno != EAGAIN || attempt >= _options.RetryCount)
        {
            return false;
        }

        // libkstat's own read loop sleeps too, holding the caller's serialisation: other readers wait, as they would in C.
        Thread.Sleep(_options.RetryDelay);
        return true;
    }
}
