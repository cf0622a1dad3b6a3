using System.Collections.Immutable;
using System.Text;
using Kstat.Tree;
using static Interop.Kstat;

namespace Kstat.Native;

/// <content>Walking <c>kc_chain</c> into headers, and what the chain remembers per kstat id.</content>
public sealed partial class LibKstatChain
{
    /// <summary>
    /// Re-reads the chain after <c>kstat_open</c> or a changed <c>kstat_chain_update</c>. A kstat that survived keeps
    /// its entry (its header object and its cached NAMED layout); libkstat leaves surviving <c>kstat_t</c>s untouched.
    /// </summary>
    /// <remarks>Call under <see cref="_lock"/>.</remarks>
    private unsafe void Walk()
    {
        var kc = _handle.Control;
        var entries = new Dictionary<long, Entry>(_entries.Count + 16);
        var headers = ImmutableArray.CreateBuilder<KstatHeader>(_entries.Count + 16);
        for (kstat_t* ksp = kc->kc_chain; ksp != null; ksp = ksp->ks_next)
        {
            long kid = ksp->ks_kid;
            if (_entries.TryGetValue(kid, out var entry))
            {
                entry.Ksp = ksp;
            }
            else
            {
                entry = NewEntry(ksp);
            }

            entries[kid] = entry;
            if (entry.Header is not null)
            {
                headers.Add(entry.Header);
            }
        }

        _entries = entries;
        Volatile.Write(ref _headers, headers.DrainToImmutable());
        Volatile.Write(ref _chainId, kc->kc_chain_id);
    }

    /// <summary>Makes the entry of a kstat first seen; one the tree leaves out gets no header but is remembered, so it is decided once.</summary>
    private unsafe Entry NewEntry(kstat_t* ksp)
    {
        var entry = new Entry { Ksp = ksp };
        string name = CString(ksp->ks_name);
        if (name.StartsWith("kstat_", StringComparison.Ordinal) || ksp->ks_type > KSTAT_TYPE_TIMER)
        {
            return entry;
        }

        string module = CString(ksp->ks_module);
        if (ksp->ks_type == KSTAT_TYPE_RAW)
        {
            entry.Raw = RawDecoders.Find(module, name);
            if (entry.Raw is null && !_options.IncludeUnknownRaw)
            {
                return entry;
            }
        }

        entry.Header = new KstatHeader(module, ksp->ks_instance, name, CString(ksp->ks_class),
            (KstatType)ksp->ks_type, ksp->ks_crtime, ksp->ks_kid);
        return entry;
    }

    private static unsafe string CString(byte* chars)
    {
        var bytes = new ReadOnlySpan<byte>(chars, KSTAT_STRLEN);
        int nul = bytes.IndexOf((byte)0);
        return Encoding.UTF8.GetString(nul < 0 ? bytes : bytes[..nul]);
    }

    /// <summary>What the chain knows of one kstat id: its <c>kstat_t*</c> in the current chain, and its header and decoders.</summary>
    private sealed unsafe class Entry
    {
        /// <summary>The kstat in the current chain; replaced on every walk, used only under the lock.</summary>
        internal kstat_t* Ksp;

        /// <summary>The header, or null when the kstat is left out of <see cref="Headers"/>.</summary>
        internal KstatHeader? Header;

        internal RawDecoder? Raw;

        internal NamedLayout? Layout;
    }
}
