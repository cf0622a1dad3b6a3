/*
 * The illumos libkstat ABI (LP64), re-declared for the Linux test double. Field orders and types follow
 * sys/kstat.h, kstat.h, sys/sysinfo.h, sys/var.h, sys/dnlc.h and nfs/nfs_clnt.h; every size and offset is
 * pinned by _Static_assert to the numbers in the project's libkstat ABI reference, so a layout slip fails
 * the build instead of a test.
 */
#ifndef KSTAT_ABI_H
#define KSTAT_ABI_H

#include <stddef.h>
#include <stdint.h>

typedef int64_t hrtime_t;
typedef int kid_t;
typedef unsigned char uchar_t;
typedef unsigned int uint_t;
typedef unsigned long long u_longlong_t;

#define KSTAT_STRLEN 31

#define KSTAT_TYPE_RAW 0
#define KSTAT_TYPE_NAMED 1
#define KSTAT_TYPE_INTR 2
#define KSTAT_TYPE_IO 3
#define KSTAT_TYPE_TIMER 4

#define KSTAT_DATA_CHAR 0
#define KSTAT_DATA_INT32 1
#define KSTAT_DATA_UINT32 2
#define KSTAT_DATA_INT64 3
#define KSTAT_DATA_UINT64 4
#define KSTAT_DATA_FLOAT 5
#define KSTAT_DATA_DOUBLE 6
#define KSTAT_DATA_STRING 9

#define KSTAT_FLAG_VAR_SIZE 0x02
#define KSTAT_FLAG_LONGSTRINGS 0x40

typedef struct kstat {
    hrtime_t ks_crtime;
    struct kstat *ks_next;
    kid_t ks_kid;
    char ks_module[KSTAT_STRLEN];
    uchar_t ks_resv;
    int ks_instance;
    char ks_name[KSTAT_STRLEN];
    uchar_t ks_type;
    char ks_class[KSTAT_STRLEN];
    uchar_t ks_flags;
    void *ks_data;
    uint_t ks_ndata;
    size_t ks_data_size;
    hrtime_t ks_snaptime;
    int (*ks_update)(struct kstat *, int);
    void *ks_private;
    int (*ks_snapshot)(struct kstat *, void *, int);
    void *ks_lock;
} kstat_t;

typedef struct kstat_ctl {
    kid_t kc_chain_id;
    kstat_t *kc_chain;
    int kc_kd;
} kstat_ctl_t;

typedef struct kstat_named {
    char name[KSTAT_STRLEN];
    uchar_t data_type;
    union {
        char c[16];
        int32_t i32;
        uint32_t ui32;
        struct {
            union {
                char *ptr;
                char __pad[8];
            } addr;
            uint32_t len;
        } str;
        int64_t i64;
        uint64_t ui64;
        long l;
        unsigned long ul;
        long long ll;
        unsigned long long ull;
        float f;
        double d;
    } value;
} kstat_named_t;

typedef struct kstat_intr {
    uint_t intrs[5];
} kstat_intr_t;

typedef struct kstat_io {
    u_longlong_t nread;
    u_longlong_t nwritten;
    uint_t reads;
    uint_t writes;
    hrtime_t wtime;
    hrtime_t wlentime;
    hrtime_t wlastupdate;
    hrtime_t rtime;
    hrtime_t rlentime;
    hrtime_t rlastupdate;
    uint_t wcnt;
    uint_t rcnt;
} kstat_io_t;

typedef struct kstat_timer {
    char name[KSTAT_STRLEN];
    uchar_t resv;
    u_longlong_t num_events;
    hrtime_t elapsed_time;
    hrtime_t min_time;
    hrtime_t max_time;
    hrtime_t start_time;
    hrtime_t stop_time;
} kstat_timer_t;

/* sys/sysinfo.h: the raw cpu_stat kstat. */
typedef struct cpu_sysinfo {
    uint_t cpu[4];
    uint_t wait[3];
    uint_t bread, bwrite, lread, lwrite, phread, phwrite, pswitch, trap, intr, syscall;
    uint_t sysread, syswrite, sysfork, sysvfork, sysexec, readch, writech, rcvint, xmtint, mdmint;
    uint_t rawch, canch, outch, msg, sema, namei, ufsiget, ufsdirblk, ufsipage, ufsinopage;
    uint_t inodeovf, fileovf, procovf, intrthread, intrblk, idlethread, inv_swtch, nthreads, cpumigrate, xcalls;
    uint_t mutex_adenters, rw_rdfails, rw_wrfails, modload, modunload, bawrite;
    uint_t rw_enters, win_uo_cnt, win_uu_cnt, win_so_cnt, win_su_cnt, win_suo_cnt;
} cpu_sysinfo_t;

typedef struct cpu_syswait {
    int iowait;
    int swap;
    int physio;
} cpu_syswait_t;

typedef struct cpu_vminfo {
    uint_t pgrec, pgfrec, pgin, pgpgin, pgout, pgpgout, swapin, pgswapin, swapout, pgswapout;
    uint_t zfod, dfree, scan, rev, hat_fault, as_fault, maj_fault, cow_fault, prot_fault, softlock;
    uint_t kernel_asflt, pgrrun, execpgin, execpgout, execfree, anonpgin, anonpgout, anonfree, fspgin, fspgout;
    uint_t fsfree;
} cpu_vminfo_t;

typedef struct cpu_stat {
    uint_t __cpu_stat_lock[2];
    cpu_sysinfo_t cpu_sysinfo;
    cpu_syswait_t cpu_syswait;
    cpu_vminfo_t cpu_vminfo;
} cpu_stat_t;

typedef struct sysinfo {
    uint_t updates, runque, runocc, swpque, swpocc, waiting;
} sysinfo_t;

typedef struct vminfo {
    uint64_t freemem, swap_resv, swap_alloc, swap_avail, swap_free, updates;
} vminfo_t;

struct var {
    int v_buf, v_call, v_proc, v_maxupttl, v_nglobpris, v_maxsyspri, v_clist, v_maxup;
    int v_hbuf, v_hmask, v_pbuf, v_sptmap, v_maxpmem, v_autoup, v_bufhwm;
};

struct ncstats {
    int hits, misses, enters, dbl_enters, long_enter, long_look, move_to_front, purges;
};

struct mntinfo_kstat {
    char mik_proto[128];
    uint32_t mik_vers;
    uint_t mik_flags;
    uint_t mik_secmod;
    uint32_t mik_curread;
    uint32_t mik_curwrite;
    int mik_timeo;
    int mik_retrans;
    uint_t mik_acregmin, mik_acregmax, mik_acdirmin, mik_acdirmax;
    struct mik_timers {
        uint32_t srtt;
        uint32_t deviate;
        uint32_t rtxcur;
    } mik_timers[4];
    uint32_t mik_noresponse;
    uint32_t mik_failover;
    uint32_t mik_remap;
    char mik_curserver[257];
};

_Static_assert(sizeof(kstat_ctl_t) == 24, "kstat_ctl_t size");
_Static_assert(offsetof(kstat_ctl_t, kc_chain) == 8, "kc_chain");
_Static_assert(offsetof(kstat_ctl_t, kc_kd) == 16, "kc_kd");

_Static_assert(sizeof(kstat_t) == 184, "kstat_t size");
_Static_assert(offsetof(kstat_t, ks_next) == 8, "ks_next");
_Static_assert(offsetof(kstat_t, ks_kid) == 16, "ks_kid");
_Static_assert(offsetof(kstat_t, ks_module) == 20, "ks_module");
_Static_assert(offsetof(kstat_t, ks_resv) == 51, "ks_resv");
_Static_assert(offsetof(kstat_t, ks_instance) == 52, "ks_instance");
_Static_assert(offsetof(kstat_t, ks_name) == 56, "ks_name");
_Static_assert(offsetof(kstat_t, ks_type) == 87, "ks_type");
_Static_assert(offsetof(kstat_t, ks_class) == 88, "ks_class");
_Static_assert(offsetof(kstat_t, ks_flags) == 119, "ks_flags");
_Static_assert(offsetof(kstat_t, ks_data) == 120, "ks_data");
_Static_assert(offsetof(kstat_t, ks_ndata) == 128, "ks_ndata");
_Static_assert(offsetof(kstat_t, ks_data_size) == 136, "ks_data_size");
_Static_assert(offsetof(kstat_t, ks_snaptime) == 144, "ks_snaptime");
_Static_assert(offsetof(kstat_t, ks_update) == 152, "ks_update");
_Static_assert(offsetof(kstat_t, ks_private) == 160, "ks_private");
_Static_assert(offsetof(kstat_t, ks_snapshot) == 168, "ks_snapshot");
_Static_assert(offsetof(kstat_t, ks_lock) == 176, "ks_lock");

_Static_assert(sizeof(kstat_named_t) == 48, "kstat_named_t size");
_Static_assert(offsetof(kstat_named_t, data_type) == 31, "data_type");
_Static_assert(offsetof(kstat_named_t, value) == 32, "value");
_Static_assert(offsetof(kstat_named_t, value.str.len) == 40, "value.str.len");

_Static_assert(sizeof(kstat_intr_t) == 20, "kstat_intr_t size");

_Static_assert(sizeof(kstat_io_t) == 80, "kstat_io_t size");
_Static_assert(offsetof(kstat_io_t, reads) == 16, "reads");
_Static_assert(offsetof(kstat_io_t, wtime) == 24, "wtime");
_Static_assert(offsetof(kstat_io_t, rlastupdate) == 64, "rlastupdate");
_Static_assert(offsetof(kstat_io_t, wcnt) == 72, "wcnt");
_Static_assert(offsetof(kstat_io_t, rcnt) == 76, "rcnt");

_Static_assert(sizeof(kstat_timer_t) == 80, "kstat_timer_t size");
_Static_assert(offsetof(kstat_timer_t, num_events) == 32, "num_events");
_Static_assert(offsetof(kstat_timer_t, elapsed_time) == 40, "elapsed_time");
_Static_assert(offsetof(kstat_timer_t, stop_time) == 72, "stop_time");

_Static_assert(sizeof(cpu_stat_t) == 380, "cpu_stat_t size");
_Static_assert(offsetof(cpu_stat_t, cpu_sysinfo) == 8, "cpu_sysinfo");
_Static_assert(offsetof(cpu_stat_t, cpu_sysinfo.bread) == 36, "bread");
_Static_assert(offsetof(cpu_stat_t, cpu_sysinfo.bawrite) == 216, "bawrite");
_Static_assert(offsetof(cpu_stat_t, cpu_syswait) == 244, "cpu_syswait");
_Static_assert(offsetof(cpu_stat_t, cpu_vminfo) == 256, "cpu_vminfo");
_Static_assert(offsetof(cpu_stat_t, cpu_vminfo.fsfree) == 376, "fsfree");
_Static_assert(sizeof(sysinfo_t) == 24, "sysinfo_t size");
_Static_assert(sizeof(vminfo_t) == 48, "vminfo_t size");
_Static_assert(sizeof(struct var) == 60, "struct var size");
_Static_assert(sizeof(struct ncstats) == 32, "struct ncstats size");
_Static_assert(sizeof(struct mntinfo_kstat) == 492, "struct mntinfo_kstat size");
_Static_assert(offsetof(struct mntinfo_kstat, mik_timers) == 172, "mik_timers");
_Static_assert(offsetof(struct mntinfo_kstat, mik_noresponse) == 220, "mik_noresponse");
_Static_assert(offsetof(struct mntinfo_kstat, mik_curserver) == 232, "mik_curserver");

/* The libkstat functions (kstat.h). */
kstat_ctl_t *kstat_open(void);
int kstat_close(kstat_ctl_t *kc);
kid_t kstat_read(kstat_ctl_t *kc, kstat_t *ksp, void *buf);
kid_t kstat_write(kstat_ctl_t *kc, kstat_t *ksp, void *buf);
kid_t kstat_chain_update(kstat_ctl_t *kc);
kstat_t *kstat_lookup(kstat_ctl_t *kc, char *module, int instance, char *name);
void *kstat_data_lookup(kstat_t *ksp, char *name);

#endif
