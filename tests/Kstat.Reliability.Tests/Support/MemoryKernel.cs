using Kstat.Tree;

namespace Kstat.Reliability.Tests.Support;

/// <summary>
/// An in-memory twin of the C test double's kernel, for developing and cross-checking the harnesses without
/// native code: kstats in kid order, a chain id bumped by every add and remove, one pending read fault, one
/// pending update fault and one pending allocation fault of the chain update, a snapshot clock that advances
/// 1000 ns per read. Faults reach the caller as the double's libkstat passes them on.
/// </summary>
public sealed class MemoryKernel : IChurnKernel
{
    private readonly Lock _lock = new();
    private readonly SortedDictionary<long, Kstat> _kstats = [];
    private long _kcid = 1;
    private long _nextKid = 2;
    private long _hrtime = 1_000_000_000;
    private (long Kid, int Errno, int Count) _readFault;
    private (int Errno, int Count) _updateFault;
    private (int Countdown, int Errno) _allocFault = (-1, 0);
    private long _openHandles;
    private long _liveAllocations;

    public string Name => "memory";

    public long OpenHandles => Interlocked.Read(ref _openHandles);

    public long LiveAllocations => Interlocked.Read(ref _liveAllocations);

    public long PoisonedUses => 0;

    public void Reset()
    {
        lock (_lock)
        {
            _kstats.Clear();
            _kcid = 1;
            _nextKid = 2;
            _hrtime = 1_000_000_000;
            _readFault = default;
            _updateFault = default;
            _allocFault = (-1, 0);
        }
    }

    public IKstatChain Open() => new Chain(this);

    public long Add(string moduleName, int instance, string name, long crTime)
    {
        lock (_lock)
        {
            long kid = _nextKid++;
            _kstats.Add(kid, new Kstat(new KstatHeader(moduleName, instance, name, "misc", KstatType.Named, crTime, kid)));
            _kcid++;
            return kid;
        }
    }

    public void Remove(long kid)
    {
        lock (_lock)
        {
            if (_kstats.Remove(kid))
            {
                _kcid++;
            }
        }
    }

    public long Recreate(long kid, long crTime)
    {
        lock (_lock)
        {
            var old = _kstats[kid];
            long id = Add(old.Header.Module, old.Header.Instance, old.Header.Name, crTime);
            _kstats[id].Stats.AddRange(old.Stats);
            Remove(kid);
            return id;
        }
    }

    public void AddStat(long kid, string name, StatKind kind)
    {
        lock (_lock)
        {
            var stats = _kstats[kid].Stats;
            int at = stats.FindIndex(s => s.Name == name);
            if (at >= 0)
            {
                stats[at] = stats[at] with { Kind = kind };
            }
            else
            {
                stats.Add(new Stat(name, kind, 0));
            }
        }
    }

    public void SetStat(long kid, string name, ulong bits)
    {
        lock (_lock)
        {
            var stats = _kstats[kid].Stats;
            int at = stats.FindIndex(s => s.Name == name);
            stats[at] = stats[at] with { Bits = Truncate(stats[at].Kind, bits) };
        }
    }

    public void Stamp(long kid, ulong generation)
    {
        lock (_lock)
        {
            var stats = _kstats[kid].Stats;
            for (int i = 0; i < stats.Count; i++)
            {
                stats[i] = stats[i] with { Bits = Truncate(stats[i].Kind, generation) };
            }
        }
    }

    public void FailRead(long kid, int errno, int count)
    {
        lock (_lock)
        {
            _readFault = (kid, errno, count);
        }
    }

    public void FailUpdate(int errno, int count)
    {
        lock (_lock)
        {
            _updateFault = (errno, count);
        }
    }

    public void FailChainAlloc(int after, int errno)
    {
        lock (_lock)
        {
            _allocFault = (after < 0 ? -1 : after, errno);
        }
    }

    public void Dispose()
    {
    }

    /// <summary>The value a statistic of this kind holds for these bits, as the tree should decode it.</summary>
    public static KstatValue Decode(StatKind kind, ulong bits) => kind switch
    {
        StatKind.Int32 => KstatValue.FromInt32(unchecked((int)(uint)bits)),
        StatKind.UInt32 => KstatValue.FromUInt32((uint)bits),
        StatKind.Int64 => KstatValue.FromInt64(unchecked((long)bits)),
        _ => KstatValue.FromUInt64(bits),
    };

    private static ulong Truncate(StatKind kind, ulong bits) => kind is StatKind.Int32 or StatKind.UInt32 ? (uint)bits : bits;

    private static KstatException Fault(int errno, string key) => errno == Errno.ENXIO
        ? new KstatNotFoundException($"kstat_read of '{key}' failed: ENXIO", key, errno)
        : new KstatException($"kstat_read of '{key}' failed: errno {errno}", errno);

    private sealed record Stat(string Name, StatKind Kind, ulong Bits);

    private sealed class Kstat(KstatHeader header)
    {
        public KstatHeader Header { get; } = header;

        public List<Stat> Stats { get; } = [];
    }

    private sealed class Chain : IKstatChain
    {
        private readonly MemoryKernel _kernel;
        private KstatHeader[] _headers = [];
        private long _lastKid = -1; // the highest kid a chain update allocated a kstat for, a partial one too
        private bool _disposed;

        public Chain(MemoryKernel kernel)
        {
            _kernel = kernel;
            Interlocked.Increment(ref kernel._openHandles);
            ChainId = -1;
            Update();
        }

        public long ChainId { get; private set; }

        public IReadOnlyList<KstatHeader> Headers => Volatile.Read(ref _headers);

        public bool Update()
        {
            lock (_kernel._lock)
            {
                ObjectDisposedException.ThrowIf(_disposed, this);
                if (ChainId == _kernel._kcid)
                {
                    return false;
                }

                // The headers are read first: EAGAIN retried, any other fault fails before anything changes.
                ref var fault = ref _kernel._updateFault;
                while (fault.Count > 0)
                {
                    fault.Count--;
                    if (fault.Errno != Errno.EAGAIN)
                    {
                        throw new KstatException("kstat_chain_update failed", fault.Errno);
                    }
                }

                // Then the deleted kstats are dropped and the new ones (kids past the chain's last) allocated in kid
                // order, of which one may fail: the chain keeps those allocated before it, its id stays.
                ref var alloc = ref _kernel._allocFault;
                foreach (long kid in _kernel._kstats.Keys.Where(k => k > _lastKid))
                {
                    if (alloc.Countdown == 0)
                    {
                        alloc.Countdown = -1;
                        throw new KstatException("kstat_chain_update failed", alloc.Errno);
                    }

                    if (alloc.Countdown > 0)
                    {
                        alloc.Countdown--;
                    }

                    _lastKid = kid;
                }

                var headers = _kernel._kstats.Values.Select(k => k.Header).Where(h => !h.Name.StartsWith("kstat_", StringComparison.Ordinal)).ToArray();
                Interlocked.Add(ref _kernel._liveAllocations, headers.Length - _headers.Length);
                Volatile.Write(ref _headers, headers);
                ChainId = _kernel._kcid;
                return true;
            }
        }

        public KstatReading Read(KstatHeader header)
        {
            ArgumentNullException.ThrowIfNull(header);
            lock (_kernel._lock)
            {
                ObjectDisposedException.ThrowIf(_disposed, this);
                ref var fault = ref _kernel._readFault;
                while (fault.Count > 0 && (fault.Kid == -1 || fault.Kid == header.Kid))
                {
                    fault.Count--;
                    if (fault.Errno != Errno.EAGAIN)
                    {
                        throw Fault(fault.Errno, header.Key);
                    }
                }

                if (!_kernel._kstats.TryGetValue(header.Kid, out var kstat))
                {
                    throw Fault(Errno.ENXIO, header.Key);
                }

                long snap = _kernel._hrtime;
                _kernel._hrtime += 1000;
                return new KstatReading(snap, kstat.Stats.Select(s => new KeyValuePair<string, KstatValue>(s.Name, Decode(s.Kind, s.Bits))));
            }
        }

        public void Dispose()
        {
            lock (_kernel._lock)
            {
                if (_disposed)
                {
                    return;
                }

                _disposed = true;
                Interlocked.Decrement(ref _kernel._openHandles);
                Interlocked.Add(ref _kernel._liveAllocations, -_headers.Length);
            }
        }
    }
}
