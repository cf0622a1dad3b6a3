/*
 * The raw structs the Perl module decodes, described by the C compiler (offsetof/sizeof on the declarations
 * in kstat_abi.h) under Perl's key names, in Perl's order. Tests set fields by name through this table,
 * so the C# decoders are checked against offsets they did not compute themselves.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include "kd_internal.h"

typedef struct kd_field {
    const char *name;
    int offset;
    int size;
    char kind; /* 'u' unsigned, 'i' signed, 's' char array */
} kd_field_t;

#define CS_U(n, m) {n, (int)offsetof(cpu_stat_t, m), 4, 'u'}
#define CS_I(n, m) {n, (int)offsetof(cpu_stat_t, m), 4, 'i'}
#define SI(m) CS_U(#m, cpu_sysinfo.m)
#define VM(m) CS_U(#m, cpu_vminfo.m)

static const kd_field_t cpu_stat_fields[] = {
    CS_U("idle", cpu_sysinfo.cpu[0]), CS_U("user", cpu_sysinfo.cpu[1]), CS_U("kernel", cpu_sysinfo.cpu[2]),
    CS_U("wait", cpu_sysinfo.cpu[3]), CS_U("wait_io", cpu_sysinfo.wait[0]), CS_U("wait_swap", cpu_sysinfo.wait[1]),
    CS_U("wait_pio", cpu_sysinfo.wait[2]),
    SI(bread), SI(bwrite), SI(lread), SI(lwrite), SI(phread), SI(phwrite), SI(pswitch), SI(trap), SI(intr), SI(syscall),
    SI(sysread), SI(syswrite), SI(sysfork), SI(sysvfork), SI(sysexec), SI(readch), SI(writech), SI(rcvint), SI(xmtint),
    SI(mdmint), SI(rawch), SI(canch), SI(outch), SI(msg), SI(sema), SI(namei), SI(ufsiget), SI(ufsdirblk), SI(ufsipage),
    SI(ufsinopage), SI(inodeovf), SI(fileovf), SI(procovf), SI(intrthread), SI(intrblk), SI(idlethread), SI(inv_swtch),
    SI(nthreads), SI(cpumigrate), SI(xcalls), SI(mutex_adenters), SI(rw_rdfails), SI(rw_wrfails), SI(modload),
    SI(modunload), SI(bawrite),
    CS_I("iowait", cpu_syswait.iowait), CS_I("swap", cpu_syswait.swap), CS_I("physio", cpu_syswait.physio),
    VM(pgrec), VM(pgfrec), VM(pgin), VM(pgpgin), VM(pgout), VM(pgpgout), VM(swapin), VM(pgswapin), VM(swapout),
    VM(pgswapout), VM(zfod), VM(dfree), VM(scan), VM(rev), VM(hat_fault), VM(as_fault), VM(maj_fault), VM(cow_fault),
    VM(prot_fault), VM(softlock), VM(kernel_asflt), VM(pgrrun), VM(execpgin), VM(execpgout), VM(execfree),
    VM(anonpgin), VM(anonpgout), VM(anonfree), VM(fspgin), VM(fspgout), VM(fsfree),
    {NULL, 0, 0, 0}};

#define VAR(m) {#m, (int)offsetof(struct var, m), 4, 'i'}
static const kd_field_t var_fields[] = {
    VAR(v_buf), VAR(v_call), VAR(v_proc), VAR(v_maxupttl), VAR(v_nglobpris), VAR(v_maxsyspri), VAR(v_clist),
    VAR(v_maxup), VAR(v_hbuf), VAR(v_hmask), VAR(v_pbuf), VAR(v_sptmap), VAR(v_maxpmem), VAR(v_autoup), VAR(v_bufhwm),
    {NULL, 0, 0, 0}};

#define NC(m) {#m, (int)offsetof(struct ncstats, m), 4, 'i'}
static const kd_field_t ncstats_fields[] = {
    NC(hits), NC(misses), NC(enters), NC(dbl_enters), NC(long_enter), NC(long_look), NC(move_to_front), NC(purges),
    {NULL, 0, 0, 0}};

#define SYS(m) {#m, (int)offsetof(sysinfo_t, m), 4, 'u'}
static const kd_field_t sysinfo_fields[] = {
    SYS(updates), SYS(runque), SYS(runocc), SYS(swpque), SYS(swpocc), SYS(waiting), {NULL, 0, 0, 0}};

#define VMI(m) {#m, (int)offsetof(vminfo_t, m), 8, 'u'}
static const kd_field_t vminfo_fields[] = {
    VMI(freemem), VMI(swap_resv), VMI(swap_alloc), VMI(swap_avail), VMI(swap_free), VMI(updates), {NULL, 0, 0, 0}};

#define MI(n, m, k) {n, (int)offsetof(struct mntinfo_kstat, m), 4, k}
static const kd_field_t mntinfo_fields[] = {
    {"mik_proto", (int)offsetof(struct mntinfo_kstat, mik_proto), 128, 's'},
    MI("mik_vers", mik_vers, 'u'), MI("mik_flags", mik_flags, 'u'), MI("mik_secmod", mik_secmod, 'u'),
    MI("mik_curread", mik_curread, 'u'), MI("mik_curwrite", mik_curwrite, 'u'), MI("mik_timeo", mik_timeo, 'i'),
    MI("mik_retrans", mik_retrans, 'i'), MI("mik_acregmin", mik_acregmin, 'u'), MI("mik_acregmax", mik_acregmax, 'u'),
    MI("mik_acdirmin", mik_acdirmin, 'u'), MI("mik_acdirmax", mik_acdirmax, 'u'),
    MI("lookup_srtt", mik_timers[0].srtt, 'u'), MI("lookup_deviate", mik_timers[0].deviate, 'u'),
    MI("lookup_rtxcur", mik_timers[0].rtxcur, 'u'), MI("read_srtt", mik_timers[1].srtt, 'u'),
    MI("read_deviate", mik_timers[1].deviate, 'u'), MI("read_rtxcur", mik_timers[1].rtxcur, 'u'),
    MI("write_srtt", mik_timers[2].srtt, 'u'), MI("write_deviate", mik_timers[2].deviate, 'u'),
    MI("write_rtxcur", mik_timers[2].rtxcur, 'u'), MI("mik_noresponse", mik_noresponse, 'u'),
    MI("mik_failover", mik_failover, 'u'), MI("mik_remap", mik_remap, 'u'),
    {"mik_curserver", (int)offsetof(struct mntinfo_kstat, mik_curserver), 257, 's'},
    {NULL, 0, 0, 0}};

static const struct {
    const char *layout;
    size_t size;
    const kd_field_t *fields;
} layouts[] = {
    {"cpu_stat", sizeof(cpu_stat_t), cpu_stat_fields},
    {"var", sizeof(struct var), var_fields},
    {"ncstats", sizeof(struct ncstats), ncstats_fields},
    {"sysinfo", sizeof(sysinfo_t), sysinfo_fields},
    {"vminfo", sizeof(vminfo_t), vminfo_fields},
    {"mntinfo", sizeof(struct mntinfo_kstat), mntinfo_fields},
};

static int find_layout(const char *layout)
{
    for (size_t i = 0; i < sizeof(layouts) / sizeof(layouts[0]); i++)
        if (strcmp(layouts[i].layout, layout) == 0)
            return (int)i;
    errno = EINVAL;
    return -1;
}

/* Makes a RAW kstat hold a zeroed struct of the layout ("cpu_stat", "var", "ncstats", "sysinfo", "vminfo", "mntinfo"). */
int kd_raw_shape_locked(kd_kstat_t *k, const char *layout)
{
    int at = find_layout(layout);
    if (at < 0 || k->type != KSTAT_TYPE_RAW) {
        errno = EINVAL;
        return -1;
    }
    free(k->data);
    k->size = layouts[at].size;
    k->ndata = 1;
    k->data = calloc(1, k->size);
    k->layout = at;
    return 0;
}

static const kd_field_t *field_of(const kd_kstat_t *k, const char *field)
{
    if (k->layout >= 0)
        for (const kd_field_t *f = layouts[k->layout].fields; f->name != NULL; f++)
            if (strcmp(f->name, field) == 0)
                return f;
    errno = ENOENT;
    return NULL;
}

/* Sets one field of a shaped RAW kstat: numbers from value (truncated to the field), char arrays from text. */
int kd_raw_field_locked(kd_kstat_t *k, const char *field, uint64_t value, const char *text)
{
    const kd_field_t *f = field_of(k, field);
    if (f == NULL || f->offset + f->size > (int)k->size)
        return -1;
    if (f->kind == 's') {
        memset(k->data + f->offset, 0, (size_t)f->size);
        if (text != NULL)
            strncpy((char *)k->data + f->offset, text, (size_t)f->size);
    } else if (f->size == 4) {
        uint32_t v = (uint32_t)value;
        memcpy(k->data + f->offset, &v, 4);
    } else {
        memcpy(k->data + f->offset, &value, 8);
    }
    return 0;
}

KD_EXPORT int kd_raw_shape(kid_t kid, const char *layout)
{
    pthread_mutex_lock(&kd_lock);
    kd_kstat_t *k = kd_find_locked(kid);
    int rc = k == NULL ? (errno = ENOENT, -1) : kd_raw_shape_locked(k, layout);
    pthread_mutex_unlock(&kd_lock);
    return rc;
}

KD_EXPORT int kd_raw_set(kid_t kid, const char *field, uint64_t value, const char *text)
{
    pthread_mutex_lock(&kd_lock);
    kd_kstat_t *k = kd_find_locked(kid);
    int rc = k == NULL ? (errno = ENOENT, -1) : kd_raw_field_locked(k, field, value, text);
    pthread_mutex_unlock(&kd_lock);
    return rc;
}

/* Describes field index of a layout for tests: its name (NULL past the end), offset, size and kind. */
KD_EXPORT const char *kd_raw_field(const char *layout, int index, int *offset, int *size, int *kind)
{
    int at = find_layout(layout);
    if (at < 0 || index < 0)
        return NULL;
    const kd_field_t *f = layouts[at].fields;
    for (int i = 0; i < index; i++, f++)
        if (f->name == NULL)
            return NULL;
    if (f->name == NULL)
        return NULL;
    *offset = f->offset;
    *size = f->size;
    *kind = f->kind;
    return f->name;
}

KD_EXPORT long kd_raw_size(const char *layout)
{
    int at = find_layout(layout);
    return at < 0 ? -1 : (long)layouts[at].size;
}
