/*
 * The control API tests use to script the double's kernel (every function is prefixed kd_): add, remove
 * and re-create kstats, set values, grow a named kstat, inject faults, and count handles, allocations
 * and reads. Every function returns -1 with errno set when the kid is unknown or the request is invalid.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include "kd_internal.h"

#define LOCKED(expr)                        \
    do {                                    \
        pthread_mutex_lock(&kd_lock);       \
        kd_init_locked();                   \
        expr;                               \
        pthread_mutex_unlock(&kd_lock);     \
    } while (0)

static kd_kstat_t *find_or_errno(kid_t kid)
{
    kd_kstat_t *k = kd_find_locked(kid);
    if (k == NULL)
        errno = ENOENT;
    return k;
}

static kd_named_t *named_or_errno(kid_t kid, const char *name)
{
    kd_kstat_t *k = find_or_errno(kid);
    if (k == NULL)
        return NULL;
    for (uint_t i = 0; i < k->nnamed; i++)
        if (strncmp(k->named[i].name, name, KSTAT_STRLEN - 1) == 0)
            return &k->named[i];
    errno = ENOENT;
    return NULL;
}

KD_EXPORT kid_t kd_add(const char *module, int instance, const char *name, const char *class, int type, hrtime_t crtime)
{
    kid_t kid;
    LOCKED(kid = kd_add_locked(module, instance, name, class, type, crtime)->kid);
    return kid;
}

KD_EXPORT int kd_remove(kid_t kid)
{
    int rc = -1;
    pthread_mutex_lock(&kd_lock);
    kd_kstat_t *prev = NULL;
    for (kd_kstat_t *k = kd.head; k != NULL; prev = k, k = k->next) {
        if (k->kid != kid)
            continue;
        if (prev == NULL)
            kd.head = k->next;
        else
            prev->next = k->next;
        if (kd.tail == k)
            kd.tail = prev;
        for (uint_t i = 0; i < k->nnamed; i++)
            free(k->named[i].str);
        free(k->named);
        free(k->data);
        free(k);
        kd.kcid++;
        rc = 0;
        break;
    }
    if (rc != 0)
        errno = ENOENT;
    pthread_mutex_unlock(&kd_lock);
    return rc;
}

/* Deletes a kstat and creates one with the same identity, data and a new kid and crtime, as a driver reload does. */
KD_EXPORT kid_t kd_recreate(kid_t kid, hrtime_t crtime)
{
    pthread_mutex_lock(&kd_lock);
    kd_kstat_t *old = find_or_errno(kid);
    if (old == NULL) {
        pthread_mutex_unlock(&kd_lock);
        return -1;
    }
    kd_kstat_t *k = kd_add_locked(old->module, old->instance, old->name, old->class, old->type, crtime);
    k->flags = old->flags;
    k->layout = old->layout;
    free(k->data);
    k->size = old->size;
    k->ndata = old->ndata;
    k->data = old->size == 0 ? NULL : malloc(old->size);
    if (old->size != 0)
        memcpy(k->data, old->data, old->size);
    for (uint_t i = 0; i < old->nnamed; i++) {
        int at = kd_named_put_locked(k, old->named[i].name, old->named[i].type);
        memcpy(k->named[at].value, old->named[i].value, 16);
        k->named[at].str = old->named[i].str == NULL ? NULL : strdup(old->named[i].str);
    }
    kid_t id = k->kid;
    pthread_mutex_unlock(&kd_lock);
    kd_remove(kid);
    return id;
}

KD_EXPORT int kd_named_add(kid_t kid, const char *name, int data_type)
{
    int at = -1;
    pthread_mutex_lock(&kd_lock);
    kd_kstat_t *k = find_or_errno(kid);
    if (k != NULL)
        at = kd_named_put_locked(k, name, data_type);
    pthread_mutex_unlock(&kd_lock);
    return at;
}

/* Sets a numeric named value from its bits: 4 bytes for INT32, UINT32 and FLOAT, 8 for the others. */
KD_EXPORT int kd_named_set(kid_t kid, const char *name, uint64_t bits)
{
    pthread_mutex_lock(&kd_lock);
    kd_named_t *n = named_or_errno(kid, name);
    if (n != NULL) {
        memset(n->value, 0, 16);
        if (n->type == KSTAT_DATA_INT32 || n->type == KSTAT_DATA_UINT32 || n->type == KSTAT_DATA_FLOAT) {
            uint32_t v = (uint32_t)bits;
            memcpy(n->value, &v, 4);
        } else {
            memcpy(n->value, &bits, 8);
        }
    }
    pthread_mutex_unlock(&kd_lock);
    return n == NULL ? -1 : 0;
}

/* Sets the 16 bytes of a CHAR value: len bytes from bytes, the rest NUL (16 bytes leave no NUL at all). */
KD_EXPORT int kd_named_set_char(kid_t kid, const char *name, const unsigned char *bytes, int len)
{
    pthread_mutex_lock(&kd_lock);
    kd_named_t *n = named_or_errno(kid, name);
    if (n != NULL) {
        memset(n->value, 0, 16);
        memcpy(n->value, bytes, len > 16 ? 16 : (size_t)len);
    }
    pthread_mutex_unlock(&kd_lock);
    return n == NULL ? -1 : 0;
}

/* Sets a STRING value; NULL makes the record's pointer NULL, as some drivers leave it. */
KD_EXPORT int kd_named_set_string(kid_t kid, const char *name, const char *text)
{
    pthread_mutex_lock(&kd_lock);
    kd_named_t *n = named_or_errno(kid, name);
    if (n != NULL) {
        free(n->str);
        n->str = text == NULL ? NULL : strdup(text);
    }
    pthread_mutex_unlock(&kd_lock);
    return n == NULL ? -1 : 0;
}

/* Replaces the data of a non-NAMED kstat (INTR, IO, TIMER, RAW) with size bytes and ks_ndata records. */
KD_EXPORT int kd_set_data(kid_t kid, const void *bytes, size_t size, uint_t ndata)
{
    pthread_mutex_lock(&kd_lock);
    kd_kstat_t *k = find_or_errno(kid);
    if (k != NULL && k->type == KSTAT_TYPE_NAMED) {
        errno = EINVAL;
        k = NULL;
    }
    if (k != NULL) {
        free(k->data);
        k->data = size == 0 ? NULL : malloc(size);
        if (size != 0)
            memcpy(k->data, bytes, size);
        k->size = size;
        k->ndata = ndata;
    }
    pthread_mutex_unlock(&kd_lock);
    return k == NULL ? -1 : 0;
}

KD_EXPORT int kd_set_flags(kid_t kid, int flags)
{
    pthread_mutex_lock(&kd_lock);
    kd_kstat_t *k = find_or_errno(kid);
    if (k != NULL)
        k->flags = (uchar_t)flags;
    pthread_mutex_unlock(&kd_lock);
    return k == NULL ? -1 : 0;
}

/*
 * Writes a generation number into every integer statistic of a kstat (NAMED integers, and every 32-bit
 * word of INTR and RAW data), so a test can tell whether one read mixed two generations.
 */
KD_EXPORT int kd_stamp(kid_t kid, uint64_t generation)
{
    pthread_mutex_lock(&kd_lock);
    kd_kstat_t *k = find_or_errno(kid);
    if (k != NULL && k->type == KSTAT_TYPE_NAMED) {
        for (uint_t i = 0; i < k->nnamed; i++) {
            kd_named_t *n = &k->named[i];
            if (n->type == KSTAT_DATA_INT32 || n->type == KSTAT_DATA_UINT32) {
                uint32_t v = (uint32_t)generation;
                memcpy(n->value, &v, 4);
            } else if (n->type == KSTAT_DATA_INT64 || n->type == KSTAT_DATA_UINT64) {
                memcpy(n->value, &generation, 8);
            }
        }
    } else if (k != NULL && (k->type == KSTAT_TYPE_INTR || k->type == KSTAT_TYPE_RAW)) {
        uint32_t v = (uint32_t)generation;
        for (size_t off = 0; off + 4 <= k->size; off += 4)
            memcpy(k->data + off, &v, 4);
    }
    pthread_mutex_unlock(&kd_lock);
    return k == NULL ? -1 : 0;
}

static void set_fault(kd_fault_t *f, kid_t kid, int err, int count)
{
    pthread_mutex_lock(&kd_lock);
    f->kid = kid;
    f->err = err;
    f->count = count;
    pthread_mutex_unlock(&kd_lock);
}

/*
 * The next count kstat_open calls fail with err, as open(2) of /dev/kstat or the first chain update fails
 * (EAGAIN from malloc(3C) when memory is short: the C kstat(1) retries it every 200 ms).
 */
KD_EXPORT void kd_fail_open(int err, int count) { set_fault(&kd.fail_open, -1, err, count); }

/*
 * The kernel answers the next count reads of kid (-1: any kstat) with err. kstat_read passes it on as libkstat
 * does: EAGAIN is retried (kd_eagain_retries counts it, the clock moves 100 ms), so the caller never sees it;
 * ENOMEM of a KSTAT_FLAG_VAR_SIZE kstat is retried with a bigger buffer; any other errno fails the call.
 */
KD_EXPORT void kd_fail_read(kid_t kid, int err, int count) { set_fault(&kd.fail_read, kid, err, count); }

/*
 * The next count reads of the headers (kstat 0) by a kstat_chain_update that finds the chain changed fail with
 * err, before anything is freed; EAGAIN is retried inside, as kstat_read does. An unchanged chain reads nothing.
 */
KD_EXPORT void kd_fail_update(int err, int count) { set_fault(&kd.fail_update, -1, err, count); }

/*
 * libkstat's partial failure: after `after` more successful kstat_t allocations in kstat_chain_update (counted
 * across calls), the next one fails with err (ENOMEM, or EAGAIN as illumos malloc(3C) also reports), once. That
 * update returns -1 having freed the deleted kstats and linked the new ones allocated so far, kc_chain_id
 * unchanged. A negative after disarms it.
 */
KD_EXPORT void kd_fail_chain_alloc(int after, int err)
{
    pthread_mutex_lock(&kd_lock);
    kd_init_locked();
    kd.alloc_countdown = after < 0 ? -1 : after;
    kd.alloc_err = err;
    pthread_mutex_unlock(&kd_lock);
}

KD_EXPORT void kd_set_hrtime(hrtime_t now) { LOCKED(kd.hrtime = now); }

static long counter(const long *value)
{
    long n;
    LOCKED(n = *value);
    return n;
}

/* Handles kstat_open returned and kstat_close has not freed yet. */
KD_EXPORT long kd_open_handles(void) { return counter(&kd.open_handles); }

/* Blocks handed to libkstat callers (handles, kstat_t headers, ks_data) and not freed yet. */
KD_EXPORT long kd_live_allocations(void) { return counter(&kd.live_allocations); }

/* kstat_read calls since kd_reset, failed ones included (the retries inside one call are not counted). */
KD_EXPORT long kd_reads(void) { return counter(&kd.reads); }

/* The kernel's EAGAIN answers kstat_read and kstat_chain_update retried since kd_reset. */
KD_EXPORT long kd_eagain_retries(void) { return counter(&kd.eagain_retries); }

/* Calls given a kstat_t that kstat_chain_update had freed, since kd_reset: a use after free, refused with EFAULT. */
KD_EXPORT long kd_poisoned_uses(void) { return counter(&kd.poisoned_uses); }

KD_EXPORT kid_t kd_chain_id(void)
{
    kid_t id;
    LOCKED(id = kd.kcid);
    return id;
}

KD_EXPORT const char *kd_last_error(void) { return kd.last_error; }

/* Appends a named record even when the name exists (a driver bug Perl's hash hides); returns its index. */
KD_EXPORT int kd_named_append(kid_t kid, const char *name, int data_type)
{
    int at = -1;
    pthread_mutex_lock(&kd_lock);
    kd_kstat_t *k = find_or_errno(kid);
    if (k != NULL && k->type == KSTAT_TYPE_NAMED) {
        char unique[KSTAT_STRLEN] = "\001";
        at = kd_named_put_locked(k, unique, data_type);
        memset(k->named[at].name, 0, KSTAT_STRLEN);
        strncpy(k->named[at].name, name, KSTAT_STRLEN - 1);
    }
    pthread_mutex_unlock(&kd_lock);
    return at;
}

/* Sets the numeric value of the record at index (see kd_named_set for the widths). */
KD_EXPORT int kd_named_set_at(kid_t kid, int index, uint64_t bits)
{
    pthread_mutex_lock(&kd_lock);
    kd_kstat_t *k = find_or_errno(kid);
    kd_named_t *n = k != NULL && index >= 0 && (uint_t)index < k->nnamed ? &k->named[index] : NULL;
    if (n != NULL) {
        memset(n->value, 0, 16);
        memcpy(n->value, &bits, n->type == KSTAT_DATA_INT32 || n->type == KSTAT_DATA_UINT32 ? 4 : 8);
    }
    pthread_mutex_unlock(&kd_lock);
    return n == NULL ? -1 : 0;
}
