using System.Collections.Immutable;
using System.Runtime.InteropServices;

namespace Kstat.Tree;

/// <summary>
/// Turns the kstats a reader finds into rounds: types their values, gives each kstat a stable id (a new one when
/// its <c>crtime</c> changes between rounds, as a re-created kstat gets a new <c>ks_kid</c>) and numbers the chain.
/// </summary>
/// <remarks>
/// <para>Memory is the data kept. A kstat is completed (typed, given its header and reading) as soon as the reader
/// moves on to another one, so that its lines never outlive it: one <see cref="KstatAccumulator"/> serves every
/// kstat, and the round keeps only a struct entry per kstat. A kstat printed again later in the same round goes on
/// from the statistics its reading gives back. What a round teaches about a kstat (its identity) is recorded when
/// the round closes, so that completing a kstat again within a round sees the same past.</para>
/// <para>Names are interned (looked up by span, so a line costs no string for them), schemas are shared by every
/// kstat with the same names (<see cref="CaptureSchemas"/>), and a header that does not change is shared between
/// rounds.</para>
/// </remarks>
internal sealed partial class CaptureBuilder
{
    private readonly CaptureLineReader _lines;
    private readonly List<SnapshotRound> _rounds = [];
    private readonly Dictionary<KstatId, int> _current; // the kstats of the round in progress: their entries
    private List<CaptureEntry> _entries;
    private List<CaptureEntry> _closed = []; // the last round's entries, until a kstat needs what they teach
    private readonly Dictionary<KstatId, CaptureIdentity> _identities = [];
    private readonly Dictionary<string, string> _strings = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _stringsBySpan;
    private readonly CaptureSchemas _schemas = new();
    private readonly KstatAccumulator _kstat;
    private int _open = -1; // the entry of the kstat being read, if any
    private long? _reusedKid;
    private ImmutableArray<KstatHeader> _previous;
    private string? _timestamp;
    private long _chainId;
    private long _nextKid = 1;

    /// <param name="lines">The reader, for the errors found when a kstat is completed.</param>
    /// <param name="expectedKstats">How many kstats a round may hold (sizes the round's tables once), or 0.</param>
    public CaptureBuilder(CaptureLineReader lines, int expectedKstats = 0)
    {
        _lines = lines;
        _current = new Dictionary<KstatId, int>(expectedKstats);
        _entries = new List<CaptureEntry>(expectedKstats);
        _kstat = new KstatAccumulator(this);
        _stringsBySpan = _strings.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>Returns one shared instance of a string that repeats (module, name and statistic names).</summary>
    public string Intern(string text)
    {
        if (_strings.TryGetValue(text, out var shared))
        {
            return shared;
        }

        _strings.Add(text, text);
        return text;
    }

    /// <summary>Returns the shared string with these characters, making it the first time.</summary>
    public string Intern(ReadOnlySpan<char> text)
    {
        if (_stringsBySpan.TryGetValue(text, out var shared))
        {
            return shared;
        }

        string made = text.ToString();
        _strings.Add(made, made);
        return made;
    }

    /// <summary>A <c>-T</c> timestamp line: it starts a round (closing the one in progress, if it holds anything).</summary>
    public void Timestamp(string text)
    {
        if (_entries.Count > 0 || _timestamp is not null)
        {
            CloseRound();
        }

        _timestamp = text.Trim();
    }

    /// <summary>A round separator (a blank line in <c>-p</c> output): closes the round in progress unless it is empty.</summary>
    public void EndRound()
    {
        if (_entries.Count > 0)
        {
            CloseRound();
        }
    }

    /// <summary>Gets a kstat of the round in progress, adding it when it is not there yet.</summary>
    /// <param name="module">The module.</param>
    /// <param name="instance">The instance.</param>
    /// <param name="name">The name.</param>
    /// <param name="repeatStartsRound">When the kstat is already in the round: <see langword="true"/> starts a new round
    /// (human output has no other round marker), <see langword="false"/> adds to it (the last value wins).</param>
    /// <returns>The kstat, ready for its statistics (until the next call).</returns>
    public KstatAccumulator Kstat(ReadOnlySpan<char> module, int instance, ReadOnlySpan<char> name, bool repeatStartsRound)
    {
        // Kstats come grouped by module: the module of the kstat before is mostly this one.
        string shared = _kstat.Id.Module is { } last && module.SequenceEqual(last) ? last : Intern(module);
        return Kstat(new KstatId(shared, instance, Intern(name)), repeatStartsRound);
    }

    /// <inheritdoc cref="Kstat(ReadOnlySpan{char}, int, ReadOnlySpan{char}, bool)"/>
    public KstatAccumulator Kstat(string module, int instance, string name, bool repeatStartsRound) =>
        Kstat(new KstatId(Intern(module), instance, Intern(name)), repeatStartsRound);

    /// <summary>Closes the last round and returns them all; a capture with no kstat gives one empty round.</summary>
    public IReadOnlyList<SnapshotRound> Finish()
    {
        if (_entries.Count > 0 || _timestamp is not null || _rounds.Count == 0)
        {
            CloseRound();
        }

        return _rounds;
    }

    /// <summary>Closes the round in progress, even when it is empty (a JSON <c>[]</c>).</summary>
    public void CloseRound()
    {
        CompleteOpen();
        var headers = ImmutableArray.CreateBuilder<KstatHeader>(_entries.Count);
        var readings = new Dictionary<long, KstatReading?>(_entries.Count);
        foreach (var entry in CollectionsMarshal.AsSpan(_entries))
        {
            var header = entry.Header;
            if (header.Name.StartsWith("kstat_", StringComparison.Ordinal))
            {
                continue; // kstat(1) never prints these; a chain leaves them out (IKstatChain).
            }

            headers.Add(header);
            readings[header.Kid] = entry.Reading;
        }

        var round = headers.DrainToImmutable();
        if (_previous.IsDefault || !SameHeaders(_previous, round))
        {
            _chainId++;
        }

        _previous = round;
        _rounds.Add(new SnapshotRound(round, readings, _timestamp, _chainId));
        _current.Clear();

        // What this round teaches is recorded when the next round has a kstat: a capture of one round never needs it.
        RecordClosed();
        (_closed, _entries) = (_entries, _closed);
        _timestamp = null;
    }

    internal static string Shorten(string text) => text.Length <= 40 ? text : string.Concat(text.AsSpan(0, 40), "…");

    private KstatAccumulator Kstat(KstatId id, bool repeatStartsRound)
    {
        if (_open >= 0 && _kstat.Id.Equals(id) && !repeatStartsRound)
        {
            return _kstat;
        }

        CompleteOpen();
        ref int slot = ref CollectionsMarshal.GetValueRefOrAddDefault(_current, id, out bool printed);
        if (printed && !repeatStartsRound)
        {
            // Printed again later in the round: it goes on from what its earlier lines made, as if they were together.
            var earlier = _entries[slot];
            _kstat.Resume(id, earlier);
            _reusedKid = earlier.FreshKid ? earlier.Header.Kid : null;
            _open = slot;
            return _kstat;
        }

        if (printed)
        {
            CloseRound(); // human output: a kstat printed again starts the next round
            slot = ref CollectionsMarshal.GetValueRefOrAddDefault(_current, id, out _);
        }

        slot = _entries.Count;
        _open = _entries.Count;
        _entries.Add(default);
        _kstat.Reset(id);
        return _kstat;
    }

    private void CompleteOpen()
    {
        if (_open >= 0)
        {
            _entries[_open] = Complete(_kstat);
            _open = -1;
            _reusedKid = null;
        }
    }

    private void RecordClosed()
    {
        foreach (var entry in CollectionsMarshal.AsSpan(_closed))
        {
            var header = entry.Header;
            _identities[new KstatId(header.Module, header.Instance, header.Name)] = entry.Identity;
        }

        _closed.Clear();
    }

    private static bool SameHeaders(ImmutableArray<KstatHeader> before, ImmutableArray<KstatHeader> now) =>
        before.Length == now.Length && new HashSet<KstatHeader>(before).SetEquals(now);
}
