using System.Collections.Frozen;

namespace Kstat.Tree;

/// <summary>
/// The statistics each non-named kstat type has (kstat_io_t, kstat_intr_t, kstat_timer_t) and those of the raw
/// decoders kstat(1) knows, with their kinds: how a capture without a type column gets its types back.
/// </summary>
internal static class KstatShapes
{
    private const KstatValueKind U32 = KstatValueKind.UInt32;
    private const KstatValueKind I32 = KstatValueKind.Int32;
    private const KstatValueKind U64 = KstatValueKind.UInt64;
    private const KstatValueKind Time = KstatValueKind.HrTime;

    private static readonly FrozenDictionary<string, KstatValueKind> Io = Shape(
        ("nread", U64), ("nwritten", U64), ("reads", U32), ("writes", U32),
        ("wtime", Time), ("wlentime", Time), ("wlastupdate", Time), ("rtime", Time), ("rlentime", Time), ("rlastupdate", Time),
        ("wcnt", U32), ("rcnt", U32));

    private static readonly FrozenDictionary<string, KstatValueKind> Intr = Shape(
        ("hard", U32), ("soft", U32), ("watchdog", U32), ("spurious", U32), ("multiple_service", U32));

    private static readonly FrozenDictionary<string, KstatValueKind> Timer = Shape(
        ("name", KstatValueKind.String), ("num_events", U64),
        ("elapsed_time", Time), ("min_time", Time), ("max_time", Time), ("start_time", Time), ("stop_time", Time));

    // Keyed like kstat(1)'s lookup_raw_kstat_fn: module and name with their digits removed.
    private static readonly FrozenDictionary<string, FrozenDictionary<string, KstatValueKind>> Raw =
        new Dictionary<string, FrozenDictionary<string, KstatValueKind>>(StringComparer.Ordinal)
        {
            ["cpu_stat:cpu_stat"] = Shape(
                [.. Names(U32, "idle user kernel wait wait_io wait_swap wait_pio bread bwrite lread lwrite phread phwrite pswitch trap intr syscall"
                    + " sysread syswrite sysfork sysvfork sysexec readch writech rcvint xmtint mdmint rawch canch outch msg sema namei ufsiget"
                    + " ufsdirblk ufsipage ufsinopage inodeovf fileovf procovf intrthread intrblk idlethread inv_swtch nthreads cpumigrate xcalls"
                    + " mutex_adenters rw_rdfails rw_wrfails modload modunload bawrite"),
                 .. Names(I32, "iowait swap physio"),
                 .. Names(U32, "pgrec pgfrec pgin pgpgin pgout pgpgout swapin pgswapin swapout pgswapout zfod dfree scan rev hat_fault as_fault"
                    + " maj_fault cow_fault prot_fault softlock kernel_asflt pgrrun execpgin execpgout execfree anonpgin anonpgout anonfree fspgin"
                    + " fspgout fsfree")]),
            ["unix:var"] = Shape([.. Names(I32, "v_buf v_call v_proc v_maxupttl v_nglobpris v_maxsyspri v_clist v_maxup v_hbuf v_hmask v_pbuf"
                + " v_sptmap v_maxpmem v_autoup v_bufhwm")]),
            ["unix:ncstats"] = Shape([.. Names(I32, "hits misses enters dbl_enters long_enter long_look move_to_front purges")]),
            ["unix:sysinfo"] = Shape([.. Names(U32, "updates runque runocc swpque swpocc waiting")]),
            ["unix:vminfo"] = Shape([.. Names(U64, "freemem swap_resv swap_alloc swap_avail swap_free updates")]),
            ["nfs:mntinfo"] = Shape(
                [.. Names(KstatValueKind.String, "mik_proto mik_curserver"),
                 .. Names(U32, "mik_vers mik_flags mik_secmod mik_curread mik_curwrite mik_acregmin mik_acregmax mik_acdirmin mik_acdirmax"
                    + " lookup_srtt lookup_deviate lookup_rtxcur read_srtt read_deviate read_rtxcur write_srtt write_deviate write_rtxcur"
                    + " mik_noresponse mik_failover mik_remap"),
                 .. Names(I32, "mik_timeo mik_retrans")]),
        }.ToFrozenDictionary(StringComparer.Ordinal);

    // The raw table looked up by a span, so that a kstat's key costs no string.
    private static readonly FrozenDictionary<string, FrozenDictionary<string, KstatValueKind>>.AlternateLookup<ReadOnlySpan<char>> RawBySpan =
        Raw.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>
    /// Infers the type of a kstat from its statistic names: exactly the I/O, interrupt or timer names give that type;
    /// a module and name that kstat(1) decodes as raw (cpu_stat, unix:var, …) whose names all belong to the decoder
    /// give <see cref="KstatType.Raw"/>; anything else is <see cref="KstatType.Named"/>.
    /// </summary>
    public static KstatType Infer(string module, string name, ReadOnlySpan<string> statistics)
    {
        if (statistics.Length == 0)
        {
            return KstatType.Named;
        }

        if (SameSet(Io, statistics))
        {
            return KstatType.Io;
        }

        if (SameSet(Intr, statistics))
        {
            return KstatType.Intr;
        }

        if (SameSet(Timer, statistics))
        {
            return KstatType.Timer;
        }

        if (RawFields(module, name) is { } fields && All(fields, statistics))
        {
            return KstatType.Raw;
        }

        return KstatType.Named;
    }

    /// <summary>Gets the kinds the statistics of a kstat of this type have, or <c>null</c> when only their text can tell (named kstats).</summary>
    public static FrozenDictionary<string, KstatValueKind>? FieldsOf(KstatType type, string module, string name) => type switch
    {
        KstatType.Io => Io,
        KstatType.Intr => Intr,
        KstatType.Timer => Timer,
        KstatType.Raw => RawFields(module, name),
        _ => null,
    };

    private static bool SameSet(FrozenDictionary<string, KstatValueKind> shape, ReadOnlySpan<string> statistics) =>
        statistics.Length == shape.Count && All(shape, statistics);

    private static bool All(FrozenDictionary<string, KstatValueKind> shape, ReadOnlySpan<string> statistics)
    {
        foreach (string statistic in statistics)
        {
            if (!shape.ContainsKey(statistic))
            {
                return false;
            }
        }

        return true;
    }

    // Keyed like kstat(1)'s lookup_raw_kstat_fn: module and name with their digits removed.
    private static FrozenDictionary<string, KstatValueKind>? RawFields(string module, string name)
    {
        if (module.Length + name.Length >= 128)
        {
            return null; // longer than any raw key
        }

        Span<char> key = stackalloc char[module.Length + name.Length + 1];
        int length = CopyWithoutDigits(module, key);
        if (key[..length] is not ("cpu_stat" or "unix" or "nfs"))
        {
            return null; // not a raw decoder's module, told before the name is copied: most kstats are named
        }

        key[length++] = ':';
        length += CopyWithoutDigits(name, key[length..]);
        return RawBySpan.TryGetValue(key[..length], out var fields) ? fields : null;
    }

    private static int CopyWithoutDigits(string text, Span<char> destination)
    {
        int length = 0;
        foreach (char c in text)
        {
            if (!char.IsAsciiDigit(c))
            {
                destination[length++] = c;
            }
        }

        return length;
    }

    private static IEnumerable<(string Name, KstatValueKind Kind)> Names(KstatValueKind kind, string names) =>
        names.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(n => (n, kind));

    private static FrozenDictionary<string, KstatValueKind> Shape(params (string Name, KstatValueKind Kind)[] fields) =>
        fields.ToFrozenDictionary(f => f.Name, f => f.Kind, StringComparer.Ordinal);
}
