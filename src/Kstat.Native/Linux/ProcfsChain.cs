using Kstat.Tree;

namespace Kstat.Native;

/// <summary>
/// The commonly scripted illumos kstats synthesised from Linux <c>/proc</c> (and <c>/sys</c>), under their illumos
/// names and units: <c>cpu_stat</c>, <c>cpu:N:sys</c>, <c>cpu_info</c>, <c>unix:0:system_misc</c>,
/// <c>unix:0:system_pages</c>, <c>link:0:&lt;if&gt;</c>, block devices as I/O kstats, and OpenZFS's
/// <c>/proc/spl/kstat</c> as they are. The README's "Linux (/proc)" section has the mapping table.
/// </summary>
/// <remarks>
/// <para>Cheap to build and to update: the chain reads only <c>/proc/stat</c>, <c>/proc/net/dev</c> and
/// <c>/proc/diskstats</c> to learn which CPUs, interfaces and disks exist, and lists directories; <see cref="Read"/>
/// reads the files one kstat needs, at that moment. Statistics Linux cannot give are absent, never zero.</para>
/// <para>A missing or unreadable file drops only the kstats built on it; a malformed line fails only the read of
/// the kstat that needs it, with a <see cref="KstatFormatException"/> naming the file and line.</para>
/// <para><c>crtime</c> has one rule, so that two runs on one machine agree and a re-created kstat is still seen: Linux
/// does not tell when a CPU, interface or disk appeared, so a kstat present when the chain is opened has <c>crtime</c>
/// 0 (since boot), and one that appears during <see cref="Update"/> (new, or back after vanishing) has the
/// CLOCK_MONOTONIC time of that update, the clock of <c>snaptime</c>.</para>
/// <para>Thread safe: <see cref="Read"/> may run on any number of threads, also during <see cref="Update"/>.</para>
/// </remarks>
public sealed class ProcfsChain : IKstatChain
{
    private readonly ProcfsContext _context;
    private readonly Lock _updateLock = new();
    private volatile Inventory _inventory;
    private long _nextKid;
    private long _chainId;
    private volatile bool _disposed;

    /// <summary>Opens the kstats of a Linux <c>/proc</c> tree (and its <c>/sys</c> tree).</summary>
    /// <param name="root">The procfs root; tests point it at a fixture tree.</param>
    /// <param name="sysRoot">The sysfs root, for CPU state and topology.</param>
    /// <remarks>Reads the three index files and lists directories; no kstat is read.</remarks>
    /// <exception cref="ArgumentException">A root is empty.</exception>
    public ProcfsChain(string root = "/proc", string sysRoot = "/sys")
        : this(new ProcfsFileSystem(root, sysRoot), MonotonicClock.Now, Environment.SystemPageSize)
    {
    }

    internal ProcfsChain(ProcfsFileSystem files, Func<long> clock, int pageSize)
    {
        _context = new ProcfsContext(files, clock, pageSize);
        _inventory = Build(ProcfsScan.Scan(files), null);
        _chainId = 1;
    }

    /// <summary>Gets the procfs root the chain reads.</summary>
    public string Root => _context.Files.ProcRoot;

    /// <summary>Gets the sysfs root the chain reads.</summary>
    public string SysRoot => _context.Files.SysRoot;

    /// <inheritdoc/>
    public long ChainId => Interlocked.Read(ref _chainId);

    /// <inheritdoc/>
    public IReadOnlyList<KstatHeader> Headers => _inventory.Headers;

    /// <summary>Looks again at which CPUs, interfaces, disks and SPL kstats exist; bumps <see cref="ChainId"/> when that changed.</summary>
    /// <returns><see langword="true"/> when kstats appeared or vanished.</returns>
    /// <remarks>A kstat that vanished and came back gets a new <see cref="KstatHeader.Kid"/> and, as <c>crtime</c>, the
    /// CLOCK_MONOTONIC time of this update (nanoseconds since boot), later than the <c>crtime</c> it had before.</remarks>
    /// <exception cref="ObjectDisposedException">The chain is disposed.</exception>
    public bool Update()
    {
        lock (_updateLock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            var before = _inventory;
            var after = Build(ProcfsScan.Scan(_context.Files), before);
            _inventory = after;
            bool changed = !after.ByKid.Keys.ToHashSet().SetEquals(before.ByKid.Keys);
            if (changed)
            {
                Interlocked.Increment(ref _chainId);
            }

            return changed;
        }
    }

    /// <summary>Reads the files one kstat needs, now, into one reading whose <c>snaptime</c> is CLOCK_MONOTONIC in ns.</summary>
    /// <param name="header">A header from <see cref="Headers"/>.</param>
    /// <returns>The kstat's statistics.</returns>
    /// <exception cref="KstatNotFoundException">The kstat is no longer in the chain, or what it describes is gone.</exception>
    /// <exception cref="KstatFormatException">A file it needs is malformed; the message names the file and line.</exception>
    /// <exception cref="KstatException">A file it needs could not be read.</exception>
    /// <exception cref="ObjectDisposedException">The chain is disposed.</exception>
    public KstatReading Read(KstatHeader header)
    {
        ArgumentNullException.ThrowIfNull(header);
        ObjectDisposedException.ThrowIf(_disposed, this);
        var inventory = _inventory;
        if (!inventory.ByKid.TryGetValue(header.Kid, out var kstat) || kstat.Key != header.Key)
        {
            throw new KstatNotFoundException(null, header.Key);
        }

        return kstat.Read(_context);
    }

    /// <summary>Marks the chain closed; it holds no open files.</summary>
    public void Dispose() => _disposed = true;

    private Inventory Build(List<ProcfsKstat> kstats, Inventory? previous)
    {
        var headers = new List<KstatHeader>(kstats.Count);
        var byKid = new Dictionary<long, ProcfsKstat>(kstats.Count);
        var keys = new HashSet<string>(StringComparer.Ordinal);

        // crtime: Linux does not tell when a CPU, interface or disk appeared, so a kstat already there when the chain
        // opens gets 0 (boot: what every run on the machine agrees on), and one that appears later (or comes back)
        // gets the monotonic time of the scan that first saw it: later than any crtime it had before.
        long crtime = previous is null ? 0 : _context.Now();
        foreach (var kstat in kstats)
        {
            if (!keys.Add(kstat.Key))
            {
                continue; // two devices mapped to one key: the first wins
            }

            KstatHeader header;
            if (previous is not null && previous.ByKey.TryGetValue(kstat.Key, out var old) && previous.ByKid[old.Kid].SameIdentity(kstat))
            {
                header = old;
            }
            else
            {
                header = new KstatHeader(kstat.Module, kstat.Instance, kstat.Name, kstat.Class, kstat.Type, crtime, Interlocked.Increment(ref _nextKid));
            }

            headers.Add(header);
            byKid.Add(header.Kid, kstat);
        }

        return new Inventory(headers, byKid);
    }

    /// <summary>One immutable view of the chain: the headers and, per kid, how to read that kstat.</summary>
    private sealed class Inventory(List<KstatHeader> headers, Dictionary<long, ProcfsKstat> byKid)
    {
        public System.Collections.ObjectModel.ReadOnlyCollection<KstatHeader> Headers { get; } = headers.AsReadOnly();

        public Dictionary<long, ProcfsKstat> ByKid { get; } = byKid;

        public Dictionary<string, KstatHeader> ByKey { get; } = headers.ToDictionary(h => h.Key, StringComparer.Ordinal);
    }
}
