using Kstat.Tree;

namespace Kstat.Tree.Tests.Support;

/// <summary>
/// The kstats of a test chain as libkstat keeps them: added, removed and re-created at any time, seen in
/// <see cref="Headers"/> only after <see cref="Update"/>, which moves <see cref="ChainId"/> on when anything changed.
/// A kstat's kid counts from 1 and its crtime is 1000 × its kid.
/// </summary>
/// <param name="sync">The lock the owning chain holds around its own steps (it may hold it around these too).</param>
public sealed class ChainMembers(Lock sync)
{
    private readonly List<KstatHeader> _pending = [];
    private KstatHeader[] _headers = [];
    private long _nextKid = 1;
    private bool _dirty;

    public long ChainId { get; private set; }

    public IReadOnlyList<KstatHeader> Headers => Volatile.Read(ref _headers);

    /// <summary>Adds a NAMED kstat, given as <c>module:instance:name</c>.</summary>
    public KstatHeader Add(string key, string @class = "misc")
    {
        lock (sync)
        {
            var parts = key.Split(':');
            long kid = _nextKid++;
            var header = new KstatHeader(parts[0], int.Parse(parts[1]), parts[2], @class, KstatType.Named, 1000 * kid, kid);
            _pending.Add(header);
            _dirty = true;
            return header;
        }
    }

    public void Remove(string key)
    {
        lock (sync)
        {
            _pending.RemoveAll(h => h.Key == key);
            _dirty = true;
        }
    }

    /// <summary>Publishes the kstats added and removed since the last update.</summary>
    /// <returns>Whether anything changed (and the chain id moved on).</returns>
    public bool Update()
    {
        lock (sync)
        {
            if (!_dirty)
            {
                return false;
            }

            _dirty = false;
            Volatile.Write(ref _headers, _pending.ToArray());
            ChainId++;
            return true;
        }
    }

    /// <summary>Tells whether the kstat of this kid is in the chain as last updated.</summary>
    public bool Contains(long kid) => Array.Exists(Volatile.Read(ref _headers), h => h.Kid == kid);
}
