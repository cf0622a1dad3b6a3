/* The double's kernel state: the kstat list in kid order, allocation accounting and the graveyard, the built-in kstats. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "kd_internal.h"

kd_kernel_t kd;
pthread_mutex_t kd_lock = PTHREAD_MUTEX_INITIALIZER;

/* Counts only memory handed to libkstat callers (handles, headers, ks_data), so tests can see leaks. */
void *kd_alloc(size_t size)
{
    void *p = calloc(1, size);
    if (p == NULL)
        abort();
    kd.live_allocations++;
    return p;
}

void kd_free(void *p)
{
    if (p != NULL) {
        kd.live_allocations--;
        free(p);
    }
}

/*
 * How many bytes of buried blocks are kept before the oldest go back to the allocator. A stale pointer is
 * used right after the call that freed its block (the next read of a kstat a failed update deleted), so a
 * quarantine in AddressSanitizer's manner catches it; a bound keeps a churn of millions of kstats flat.
 */
#define KD_GRAVEYARD_BYTES ((size_t)32 << 20)

/*
 * Frees a block handed to a caller (it no longer counts as live) without giving it back to the allocator:
 * it is filled with KD_POISON and kept, so its address is not reused and kd_refuse_poisoned_locked knows a
 * kstat_t that was freed. Used where libkstat's kstat_chain_update frees deleted kstats. Call under kd_lock.
 */
void kd_bury(void *p, size_t size)
{
    if (p == NULL)
        return;
    kd_grave_t *grave = malloc(sizeof(*grave));
    if (grave == NULL)
        abort();
    kd.live_allocations--;
    memset(p, KD_POISON, size);
    *grave = (kd_grave_t){.next = NULL, .block = p, .size = size};
    if (kd.graves_tail == NULL)
        kd.graves = grave;
    else
        kd.graves_tail->next = grave;
    kd.graves_tail = grave;
    kd.grave_bytes += size;
    while (kd.grave_bytes > KD_GRAVEYARD_BYTES && kd.graves != grave) {
        kd_grave_t *oldest = kd.graves;
        kd.graves = oldest->next;
        kd.grave_bytes -= oldest->size;
        free(oldest->block);
        free(oldest);
    }
}

void kd_release_graves_locked(void)
{
    for (kd_grave_t *grave = kd.graves; grave != NULL;) {
        kd_grave_t *next = grave->next;
        free(grave->block);
        free(grave);
        grave = next;
    }
    kd.graves = kd.graves_tail = NULL;
    kd.grave_bytes = 0;
}

/* At process end, so a leak checker sees the graveyard released. */
__attribute__((destructor)) static void release_graves_at_exit(void)
{
    pthread_mutex_lock(&kd_lock);
    kd_release_graves_locked();
    pthread_mutex_unlock(&kd_lock);
}

/*
 * Refuses a kstat_t that kd_bury poisoned: counts the use, says where in kd_last_error, fails with EFAULT.
 * The test is the poisoned ks_crtime, ks_next and ks_kid (a live kstat_t's kid is never negative); reading
 * them is safe while the block is in the graveyard. Call under kd_lock, before anything else reads ksp.
 */
int kd_refuse_poisoned_locked(const kstat_t *ksp, const char *call)
{
    kid_t poisoned_kid;
    memset(&poisoned_kid, KD_POISON, sizeof(poisoned_kid));
    if (ksp->ks_kid != poisoned_kid) /* the one test on the path of every read */
        return 0;
    const unsigned char *bytes = (const unsigned char *)ksp;
    for (size_t i = 0; i < offsetof(kstat_t, ks_kid); i++)
        if (bytes[i] != KD_POISON)
            return 0;
    kd.poisoned_uses++;
    snprintf(kd.last_error, sizeof(kd.last_error), "%s was given kstat_t %p, which kstat_chain_update had freed", call, (const void *)ksp);
    errno = EFAULT;
    return 1;
}

static void copy_name(char *to, const char *from)
{
    memset(to, 0, KSTAT_STRLEN);
    if (from != NULL)
        strncpy(to, from, KSTAT_STRLEN - 1);
}

static void free_kstat(kd_kstat_t *k)
{
    for (uint_t i = 0; i < k->nnamed; i++)
        free(k->named[i].str);
    free(k->named);
    free(k->data);
    free(k);
}

static int compare_kids(const void *a, const void *b)
{
    kid_t x = (*(kd_kstat_t *const *)a)->kid, y = (*(kd_kstat_t *const *)b)->kid;
    return (x > y) - (x < y);
}

static void rebuild_index_locked(void)
{
    size_t n = 0;
    for (kd_kstat_t *k = kd.head; k != NULL; k = k->next)
        n++;
    if (n > kd.index_cap) {
        kd.index_cap = n * 2;
        kd.index = realloc(kd.index, kd.index_cap * sizeof(*kd.index));
        if (kd.index == NULL)
            abort();
    }
    n = 0;
    for (kd_kstat_t *k = kd.head; k != NULL; k = k->next)
        kd.index[n++] = k;
    qsort(kd.index, n, sizeof(*kd.index), compare_kids);
    kd.index_len = n;
    kd.index_kcid = kd.kcid;
}

/*
 * The kernel finds a kstat by kid in an AVL tree; a walk from the head for every call would make reading a
 * whole chain quadratic (seconds for 20,000 kstats), swamping what the benchmarks compare. Every add and
 * remove bumps kd.kcid, so an index built at the current chain id is exact; it is rebuilt on the first
 * lookup after a change. The tail is checked first: a generator sets the values of the kstat it just added.
 */
kd_kstat_t *kd_find_locked(kid_t kid)
{
    if (kd.tail != NULL && kd.tail->kid == kid)
        return kd.tail;
    if (kd.index_kcid != kd.kcid)
        rebuild_index_locked();
    size_t lo = 0, hi = kd.index_len;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        kid_t at = kd.index[mid]->kid;
        if (at == kid)
            return kd.index[mid];
        if (at < kid)
            lo = mid + 1;
        else
            hi = mid;
    }
    return NULL;
}

kd_kstat_t *kd_find_key_locked(const char *module, int instance, const char *name)
{
    for (kd_kstat_t *k = kd.head; k != NULL; k = k->next)
        if (k->instance == instance && strncmp(k->module, module, KSTAT_STRLEN - 1) == 0 &&
            strncmp(k->name, name, KSTAT_STRLEN - 1) == 0)
            return k;
    return NULL;
}

static void append(kd_kstat_t *k)
{
    if (kd.tail == NULL)
        kd.head = k;
    else
        kd.tail->next = k;
    kd.tail = k;
    kd.kcid++;
}

kd_kstat_t *kd_add_locked(const char *module, int instance, const char *name, const char *class, int type, hrtime_t crtime)
{
    kd_kstat_t *k = calloc(1, sizeof(*k));
    if (k == NULL)
        abort();
    k->kid = kd.next_kid++;
    copy_name(k->module, module);
    k->instance = instance;
    copy_name(k->name, name);
    copy_name(k->class, class);
    k->type = (uchar_t)type;
    k->crtime = crtime;
    k->ndata = 1;
    k->layout = -1;
    switch (type) {
    case KSTAT_TYPE_INTR:
        k->size = sizeof(kstat_intr_t);
        break;
    case KSTAT_TYPE_IO:
        k->size = sizeof(kstat_io_t);
        break;
    case KSTAT_TYPE_TIMER:
        k->size = sizeof(kstat_timer_t);
        break;
    default:
        k->size = 0;
        break;
    }
    k->data = k->size == 0 ? NULL : calloc(1, k->size);
    append(k);
    return k;
}

/* Adds a named statistic, or changes the type of an existing one; returns its index. */
int kd_named_put_locked(kd_kstat_t *k, const char *name, int type)
{
    if (k->type != KSTAT_TYPE_NAMED) {
        errno = EINVAL;
        return -1;
    }
    for (uint_t i = 0; i < k->nnamed; i++) {
        if (strncmp(k->named[i].name, name, KSTAT_STRLEN - 1) == 0) {
            k->named[i].type = (uchar_t)type;
            return (int)i;
        }
    }
    if (k->nnamed == k->named_cap) {
        k->named_cap = k->named_cap == 0 ? 8 : k->named_cap * 2;
        k->named = realloc(k->named, k->named_cap * sizeof(kd_named_t));
        if (k->named == NULL)
            abort();
    }
    kd_named_t *n = &k->named[k->nnamed];
    memset(n, 0, sizeof(*n));
    copy_name(n->name, name);
    n->type = (uchar_t)type;
    return (int)k->nnamed++;
}

void kd_clear_locked(void)
{
    for (kd_kstat_t *k = kd.head; k != NULL;) {
        kd_kstat_t *next = k->next;
        free_kstat(k);
        k = next;
    }
    kd.head = kd.tail = NULL;
    kd.index_len = 0;
    kd.index_kcid = -1; /* stale: kstats were freed without a chain id change */
}

void kd_add_builtins_locked(void)
{
    /* unix:0:kstat_headers is always kid 0; consumers skip both by the kstat_ name prefix. */
    kid_t saved = kd.next_kid;
    kd.next_kid = 0;
    kd_add_locked("unix", 0, "kstat_headers", "kstat", KSTAT_TYPE_RAW, 0)->flags = KSTAT_FLAG_VAR_SIZE;
    kd.next_kid = saved > 1 ? saved : 1;
    kd_kstat_t *types = kd_add_locked("unix", 0, "kstat_types", "kstat", KSTAT_TYPE_NAMED, 0);
    static const char *names[] = {"raw", "name=value", "interrupt", "i/o", "event_timer"};
    for (int i = 0; i < 5; i++) {
        int at = kd_named_put_locked(types, names[i], KSTAT_DATA_UINT32);
        uint32_t v = (uint32_t)i;
        memcpy(types->named[at].value, &v, sizeof(v));
    }
}

void kd_init_locked(void)
{
    if (kd.initialised)
        return;
    kd.initialised = 1;
    kd.kcid = 1;
    kd.next_kid = 1;
    kd.hrtime = 1000000000LL;
    kd.alloc_countdown = -1;
    kd_add_builtins_locked();
}

KD_EXPORT void kd_reset(void)
{
    pthread_mutex_lock(&kd_lock);
    kd_init_locked();
    kd_clear_locked();
    memset(&kd.fail_open, 0, sizeof(kd.fail_open));
    memset(&kd.fail_read, 0, sizeof(kd.fail_read));
    memset(&kd.fail_update, 0, sizeof(kd.fail_update));
    kd.alloc_countdown = -1;
    kd.alloc_err = 0;
    kd.reads = 0;
    kd.eagain_retries = 0;
    kd.poisoned_uses = 0;
    kd_release_graves_locked();
    kd.hrtime = 1000000000LL;
    kd.last_error[0] = '\0';
    kd_add_builtins_locked();
    pthread_mutex_unlock(&kd_lock);
}
