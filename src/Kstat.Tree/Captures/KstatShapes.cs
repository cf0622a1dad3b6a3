namespace Kstat.Tree;

/// <summary>
/// The statistics each non-named kstat type has (kstat_io_t, kstat_intr_t, kstat_timer_t) and those of the raw
/// decoders kstat(1) knows, with their kinds: how a capture without a type column gets its types back.
/// </summary>
/// <remarks>
/// Each shape is a <c>switch</c> over its names, which the compiler turns into code: nothing is built when the
/// first capture is read (a table of dictionaries cost the <c>kstat</c> command's start-up more than reading a small
/// capture did).
/// </remarks>
internal static class KstatShapes
{
    private const KstatValueKind U32 = KstatValueKind.UInt32;
    private const KstatValueKind I32 = KstatValueKind.Int32;
    private const KstatValueKind U64 = KstatValueKind.UInt64;
    private const KstatValueKind Time = KstatValueKind.HrTime;

    private static readonly Shape Io = new(12, IoKind);
    private static readonly Shape Intr = new(5, IntrKind);
    private static readonly Shape Timer = new(7, TimerKind);
    private static readonly Shape CpuStat = new(87, CpuStatKind);
    private static readonly Shape Var = new(15, VarKind);
    private static readonly Shape NcStats = new(8, NcStatsKind);
    private static readonly Shape SysInfo = new(6, SysInfoKind);
    private static readonly Shape VmInfo = new(6, VmInfoKind);
    private static readonly Shape MntInfo = new(25, MntInfoKind);

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
    public static Shape? FieldsOf(KstatType type, string module, string name) => type switch
    {
        KstatType.Io => Io,
        KstatType.Intr => Intr,
        KstatType.Timer => Timer,
        KstatType.Raw => RawFields(module, name),
        _ => null,
    };

    // The statistics of a shape are distinct, so as many of them as the shape has, all its own, are exactly its set.
    private static bool SameSet(Shape shape, ReadOnlySpan<string> statistics) =>
        statistics.Length == shape.Count && All(shape, statistics);

    private static bool All(Shape shape, ReadOnlySpan<string> statistics)
    {
        foreach (string statistic in statistics)
        {
            if (shape.KindOf(statistic) is null)
            {
                return false;
            }
        }

        return true;
    }

    // Keyed like kstat(1)'s lookup_raw_kstat_fn: module and name with their digits removed.
    private static Shape? RawFields(string module, string name)
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
        return key[..length] switch
        {
            "cpu_stat:cpu_stat" => CpuStat,
            "unix:var" => Var,
            "unix:ncstats" => NcStats,
            "unix:sysinfo" => SysInfo,
            "unix:vminfo" => VmInfo,
            "nfs:mntinfo" => MntInfo,
            _ => null,
        };
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

    private static KstatValueKind? IoKind(string statistic) => statistic switch
    {
        "nread" or "nwritten" => U64,
        "reads" or "writes" or "wcnt" or "rcnt" => U32,
        "wtime" or "wlentime" or "wlastupdate" or "rtime" or "rlentime" or "rlastupdate" => Time,
        _ => null,
    };

    private static KstatValueKind? IntrKind(string statistic) => statistic switch
    {
        "hard" or "soft" or "watchdog" or "spurious" or "multiple_service" => U32,
        _ => null,
    };

    private static KstatValueKind? TimerKind(string statistic) => statistic switch
    {
        "name" => KstatValueKind.String,
        "num_events" => U64,
        "elapsed_time" or "min_time" or "max_time" or "start_time" or "stop_time" => Time,
        _ => null,
    };

    private static KstatValueKind? CpuStatKind(string statistic) => statistic switch
    {
        "idle" or "user" or "kernel" or "wait" or "wait_io" or "wait_swap" or "wait_pio" or "bread" or "bwrite" or
            "lread" or "lwrite" or "phread" or "phwrite" or "pswitch" or "trap" or "intr" or "syscall" or "sysread" or
            "syswrite" or "sysfork" or "sysvfork" or "sysexec" or "readch" or "writech" or "rcvint" or "xmtint" or "mdmint"
            or "rawch" or "canch" or "outch" or "msg" or "sema" or "namei" or "ufsiget" or "ufsdirblk" or "ufsipage" or
            "ufsinopage" or "inodeovf" or "fileovf" or "procovf" or "intrthread" or "intrblk" or "idlethread" or "inv_swtch"
            or "nthreads" or "cpumigrate" or "xcalls" or "mutex_adenters" or "rw_rdfails" or "rw_wrfails" or "modload" or
            "modunload" or "bawrite" or "pgrec" or "pgfrec" or "pgin" or "pgpgin" or "pgout" or "pgpgout" or "swapin" or
            "pgswapin" or "swapout" or "pgswapout" or "zfod" or "dfree" or "scan" or "rev" or "hat_fault" or "as_fault" or
            "maj_fault" or "cow_fault" or "prot_fault" or "softlock" or "kernel_asflt" or "pgrrun" or "execpgin" or
            "execpgout" or "execfree" or "anonpgin" or "anonpgout" or "anonfree" or "fspgin" or "fspgout" or "fsfree" =>
            U32,
        "iowait" or "swap" or "physio" => I32,
        _ => null,
    };

    private static KstatValueKind? VarKind(string statistic) => statistic switch
    {
        "v_buf" or "v_call" or "v_proc" or "v_maxupttl" or "v_nglobpris" or "v_maxsyspri" or "v_clist" or "v_maxup" or
            "v_hbuf" or "v_hmask" or "v_pbuf" or "v_sptmap" or "v_maxpmem" or "v_autoup" or "v_bufhwm" => I32,
        _ => null,
    };

    private static KstatValueKind? NcStatsKind(string statistic) => statistic switch
    {
        "hits" or "misses" or "enters" or "dbl_enters" or "long_enter" or "long_look" or "move_to_front" or "purges" =>
            I32,
        _ => null,
    };

    private static KstatValueKind? SysInfoKind(string statistic) => statistic switch
    {
        "updates" or "runque" or "runocc" or "swpque" or "swpocc" or "waiting" => U32,
        _ => null,
    };

    private static KstatValueKind? VmInfoKind(string statistic) => statistic switch
    {
        "freemem" or "swap_resv" or "swap_alloc" or "swap_avail" or "swap_free" or "updates" => U64,
        _ => null,
    };

    private static KstatValueKind? MntInfoKind(string statistic) => statistic switch
    {
        "mik_proto" or "mik_curserver" => KstatValueKind.String,
        "mik_vers" or "mik_flags" or "mik_secmod" or "mik_curread" or "mik_curwrite" or "mik_acregmin" or "mik_acregmax"
            or "mik_acdirmin" or "mik_acdirmax" or "lookup_srtt" or "lookup_deviate" or "lookup_rtxcur" or "read_srtt" or
            "read_deviate" or "read_rtxcur" or "write_srtt" or "write_deviate" or "write_rtxcur" or "mik_noresponse" or
            "mik_failover" or "mik_remap" => U32,
        "mik_timeo" or "mik_retrans" => I32,
        _ => null,
    };

    /// <summary>The statistics of one layout: how many there are, and the kind of each (<c>null</c> for a name not in it).</summary>
    internal sealed class Shape(int count, Func<string, KstatValueKind?> kindOf)
    {
        public int Count { get; } = count;

        public KstatValueKind? KindOf(string statistic) => kindOf(statistic);
    }
}
