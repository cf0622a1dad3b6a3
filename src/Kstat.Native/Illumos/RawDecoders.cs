using System.Collections.Frozen;
using System.Collections.Immutable;

namespace Kstat.Native;

/// <summary>
/// The raw kstats Sun::Solaris::Kstat decodes (its <c>raw_kstat_lookup</c> table), with Perl's keys in Perl's
/// order and the LP64 offsets of sys/sysinfo.h, sys/var.h, sys/dnlc.h and nfs/nfs_clnt.h.
/// </summary>
/// <remarks>A kstat matches when its module and name with every digit removed, joined by <c>:</c>, equal a key.</remarks>
internal static class RawDecoders
{
    private static readonly FrozenDictionary<string, RawDecoder> s_byKey = new Dictionary<string, RawDecoder>(StringComparer.Ordinal)
    {
        ["cpu_stat:cpu_stat"] = CpuStat(),
        ["unix:var"] = Sequential("struct var", 60, RawFieldKind.Int32, 4,
            "v_buf", "v_call", "v_proc", "v_maxupttl", "v_nglobpris", "v_maxsyspri", "v_clist", "v_maxup",
            "v_hbuf", "v_hmask", "v_pbuf", "v_sptmap", "v_maxpmem", "v_autoup", "v_bufhwm"),
        ["unix:ncstats"] = Sequential("struct ncstats", 32, RawFieldKind.Int32, 4,
            "hits", "misses", "enters", "dbl_enters", "long_enter", "long_look", "move_to_front", "purges"),
        ["unix:sysinfo"] = Sequential("sysinfo_t", 24, RawFieldKind.UInt32, 4,
            "updates", "runque", "runocc", "swpque", "swpocc", "waiting"),
        ["unix:vminfo"] = Sequential("vminfo_t", 48, RawFieldKind.UInt64, 8,
            "freemem", "swap_resv", "swap_alloc", "swap_avail", "swap_free", "updates"),
        ["nfs:mntinfo"] = MntInfo(),
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Finds the decoder of a raw kstat, or null when Perl has none (the kstat is then left out).</summary>
    internal static RawDecoder? Find(string module, string name) =>
        s_byKey.GetValueOrDefault(string.Concat(StripDigits(module), ":", StripDigits(name)));

    /// <summary>Gets every decoder by its lookup key.</summary>
    internal static FrozenDictionary<string, RawDecoder> All => s_byKey;

    private static string StripDigits(string s) =>
        s.AsSpan().IndexOfAnyInRange('0', '9') < 0 ? s : string.Concat(s.Where(c => c is < '0' or > '9'));

    private static RawDecoder Sequential(string structName, int size, RawFieldKind kind, int width, params string[] names) =>
        new(structName, size, [.. names.Select((n, k) => new RawField(n, k * width, kind))]);

    private static RawDecoder CpuStat()
    {
        // cpu_stat_t: __cpu_stat_lock[2] (8 bytes), cpu_sysinfo_t at 8, cpu_syswait_t at 244, cpu_vminfo_t at 256.
        string[] sysinfo =
        [
            "idle", "user", "kernel", "wait", "wait_io", "wait_swap", "wait_pio",
            "bread", "bwrite", "lread", "lwrite", "phread", "phwrite", "pswitch", "trap", "intr", "syscall",
            "sysread", "syswrite", "sysfork", "sysvfork", "sysexec", "readch", "writech", "rcvint", "xmtint", "mdmint",
            "rawch", "canch", "outch", "msg", "sema", "namei", "ufsiget", "ufsdirblk", "ufsipage", "ufsinopage",
            "inodeovf", "fileovf", "procovf", "intrthread", "intrblk", "idlethread", "inv_swtch", "nthreads", "cpumigrate", "xcalls",
            "mutex_adenters", "rw_rdfails", "rw_wrfails", "modload", "modunload", "bawrite",
        ];
        string[] syswait = ["iowait", "swap", "physio"];
        string[] vminfo =
        [
            "pgrec", "pgfrec", "pgin", "pgpgin", "pgout", "pgpgout", "swapin", "pgswapin", "swapout", "pgswapout",
            "zfod", "dfree", "scan", "rev", "hat_fault", "as_fault", "maj_fault", "cow_fault", "prot_fault", "softlock",
            "kernel_asflt", "pgrrun", "execpgin", "execpgout", "execfree", "anonpgin", "anonpgout", "anonfree", "fspgin", "fspgout",
            "fsfree",
        ];

        // cpu[] is ordered idle, user, kernel, wait (CPU_IDLE = 0 ...), wait[] io, swap, pio: Perl's order is the struct's.
        var fields = sysinfo.Select((n, k) => new RawField(n, 8 + (4 * k), RawFieldKind.UInt32))
            .Concat(syswait.Select((n, k) => new RawField(n, 244 + (4 * k), RawFieldKind.Int32)))
            .Concat(vminfo.Select((n, k) => new RawField(n, 256 + (4 * k), RawFieldKind.UInt32)));
        return new RawDecoder("cpu_stat_t", 380, [.. fields]);
    }

    private static RawDecoder MntInfo()
    {
        var u = RawFieldKind.UInt32;
        var i = RawFieldKind.Int32;
        ImmutableArray<RawField> fields =
        [
            new("mik_proto", 0, RawFieldKind.Char, 128),
            new("mik_vers", 128, u), new("mik_flags", 132, u), new("mik_secmod", 136, u),
            new("mik_curread", 140, u), new("mik_curwrite", 144, u),
            new("mik_timeo", 148, i), new("mik_retrans", 152, i),
            new("mik_acregmin", 156, u), new("mik_acregmax", 160, u), new("mik_acdirmin", 164, u), new("mik_acdirmax", 168, u),

            // mik_timers[0..2] at 172 + 12·k: srtt, deviate, rtxcur; mik_timers[3] is not exported.
            new("lookup_srtt", 172, u), new("lookup_deviate", 176, u), new("lookup_rtxcur", 180, u),
            new("read_srtt", 184, u), new("read_deviate", 188, u), new("read_rtxcur", 192, u),
            new("write_srtt", 196, u), new("write_deviate", 200, u), new("write_rtxcur", 204, u),
            new("mik_noresponse", 220, u), new("mik_failover", 224, u), new("mik_remap", 228, u),
            new("mik_curserver", 232, RawFieldKind.Char, 257),
        ];
        return new RawDecoder("struct mntinfo_kstat", 492, fields);
    }
}
