using System.Collections.Immutable;
using System.Text;
using Kstat.Tree;
using static Interop.Kstat;

namespace Kstat.Native;

/// <content>Walking <c>kc_chain</c> into headers, and what the chain remembers per kstat id.</content>
public sealed partial class LibKstatChain
{
    /// <summary>
    /// Re-reads the chain after <c>kstat_open</c> or any <c>kstat_chain_update</c> that may have changed it. A kstat that
    /// survived keeps its entry (its header object and its decoder) with the pointer of this walk; libkstat
    /// leaves surviving <c>kstat_t</c>s untouched. A kstat no longer in the chain loses its entry, so its header reads as
    /// not found and its freed <c>kstat_t</c> is never passed to libkstat again.
    /// </summary>
    /// <param name="publish">Whether the walk becomes <see cref="Headers"/> and <see cref="ChainId"/>: false after a
    /// failed update, whose half-updated chain must not be published but whose freed kstats must be forgotten.</param>
    /// <remarks>
    /// Call under <see cref="_lock"/>. The entries are one array of structs sorted by kid (libkstat's chain is in kid
    /// order already), searched by bisection: a quarter of the memory of a dictionary of entry objects, which
    /// matters on a chain of tens of thousands of kstats held for the life of a monitor.
    /// </remarks>
    private unsafe void Walk(bool publish)
    {
        var kc = _handle.Control;
        int count = 0;
        for (kstat_t* ksp = kc->kc_chain; ksp != null; ksp = ksp->ks_next)
        {
            count++;
        }

        var old = _entries;
        var entries = new Entry[count];
        var headers = publish ? ImmutableArray.CreateBuilder<KstatHeader>(count) : null;
        Dictionary<string, string>? strings = null;
        bool sorted = true;
        int n = 0;
        for (kstat_t* ksp = kc->kc_chain; ksp != null && n < count; ksp = ksp->ks_next)
        {
            long kid = ksp->ks_kid;
            int at = Find(old, kid);
            ref var entry = ref entries[n];
            if (at >= 0)
            {
                entry = old[at];
                entry.Ksp = ksp;
            }
            else
            {
                entry = NewEntry(ksp, strings ??= new(StringComparer.Ordinal));
            }

            sorted &= n == 0 || entries[n - 1].Kid < kid;
            n++;
            if (entry.Header is not null)
            {
                headers?.Add(entry.Header);
            }
        }

        if (!sorted)
        {
            Array.Sort(entries, static (x, y) => x.Kid.CompareTo(y.Kid));
        }

        _entries = entries;
        if (headers is not null)
        {
            Volatile.Write(ref _headers, headers.DrainToImmutable());
            Volatile.Write(ref _chainId, kc->kc_chain_id);
        }
    }

    /// <summary>Finds a kid in entries sorted by kid; returns its index or a negative number.</summary>
    private static int Find(Entry[] entries, long kid)
    {
        int lo = 0;
        int hi = entries.Length - 1;
        while (lo <= hi)
        {
            int mid = lo + ((hi - lo) >> 1);
            long at = entries[mid].Kid;
            if (at == kid)
            {
                return mid;
            }

            if (at < kid)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }

        return -1;
    }

    /// <summary>Makes the entry of a kstat first seen; one the tree leaves out gets no header but is remembered, so it is decided once.</summary>
    /// <param name="ksp">The kstat, as this walk found it.</param>
    /// <param name="strings">The module, name and class strings made in this walk: a chain repeats them thousands of times.</param>
    private unsafe Entry NewEntry(kstat_t* ksp, Dictionary<string, string> strings)
    {
        var entry = new Entry { Kid = ksp->ks_kid, Ksp = ksp };
        string name = CString(ksp->ks_name, strings);
        if (name.StartsWith("kstat_", StringComparison.Ordinal) || ksp->ks_type > KSTAT_TYPE_TIMER)
        {
            return entry;
        }

        string module = CString(ksp->ks_module, strings);
        if (ksp->ks_type == KSTAT_TYPE_RAW)
        {
            entry.Raw = RawDecoders.Find(module, name);
            if (entry.Raw is null && !_options.IncludeUnknownRaw)
            {
                return entry;
            }
        }

        entry.Header = new KstatHeader(module, ksp->ks_instance, name, CString(ksp->ks_class, strings),
            (KstatType)ksp->ks_type, ksp->ks_crtime, ksp->ks_kid);
        return entry;
    }

    /// <summary>Decodes a NUL-padded <c>char[KSTAT_STRLEN]</c>, returning the walk's earlier string when it has the same text.</summary>
    private static unsafe string CString(byte* chars, Dictionary<string, string> strings)
    {
        var bytes = new ReadOnlySpan<byte>(chars, KSTAT_STRLEN);
        int nul = bytes.IndexOf((byte)0);
        Span<char> text = stackalloc char[KSTAT_STRLEN];
        text = text[..Encoding.UTF8.GetChars(nul < 0 ? bytes : bytes[..nul], text)];
        var lookup = strings.GetAlternateLookup<ReadOnlySpan<char>>();
        if (!lookup.TryGetValue(text, out string? value))
        {
            value = new string(text);
            strings.Add(value, value);
        }

        return value;
    }

    /// <summary>What the chain knows of one kstat id: its <c>kstat_t*</c> in the current chain, and its header and decoder.</summary>
    private unsafe struct Entry
    {
        /// <summary>The kstat id (<c>ks_kid</c>), the sort key.</summary>
        internal long Kid;

        /// <summary>The kstat in the current chain; replaced on every walk, used only under the lock.</summary>
        internal kstat_t* Ksp;

        /// <summary>The header, or null when the kstat is left out of <see cref="Headers"/>.</summary>
        internal KstatHeader? Header;

        // A RAW kstat's RawDecoder (found by the walk) or a NAMED kstat's NamedDecoder (made at its first read), never
        // both: one field, 8 bytes less per kstat.
        private object? _decoder;

        internal RawDecoder? Raw
        {
            readonly get => _decoder as RawDecoder;
            set => _decoder = value;
        }

        internal NamedDecoder? Named
        {
            readonly get => _decoder as NamedDecoder;
            set => _decoder = value;
        }
    }
}
