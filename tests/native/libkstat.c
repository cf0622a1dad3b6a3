/*
 * The libkstat API of the test double, with libkstat's semantics (lib/libkstat/common/kstat.c): chain ids,
 * surviving headers that keep their address across kstat_chain_update, deleted headers freed with their data
 * before the new ones are allocated, new headers appended with ks_data NULL, kstat_read that allocates ks_data
 * and writes back ks_ndata, ks_data_size, ks_flags and ks_snaptime, ENXIO for a kstat that no longer exists.
 * Faults injected through kd_control.c reach the caller as libkstat would pass them on: the kernel's EAGAIN is
 * retried inside kstat_read (libkstat polls 100 ms and asks again, forever), every other errno is returned, and a
 * kstat_t allocation that fails in kstat_chain_update leaves the chain half updated with kc_chain_id unchanged.
 * A kstat_t the chain update frees is poisoned and kept (kd_bury); a call given one is counted and refused.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include "kd_internal.h"

static int take_fault(kd_fault_t *f, kid_t kid)
{
    if (f->count <= 0 || (f->kid != -1 && f->kid != kid))
        return 0;
    f->count--;
    errno = f->err;
    return 1;
}

/* libkstat's answer to the kernel's EAGAIN: poll(NULL, 0, 100) and ask again. The double's clock moves instead of the thread sleeping. */
static void absorb_eagain_locked(void)
{
    kd.eagain_retries++;
    kd.hrtime += 100000000LL;
}

static void copy_header(kstat_t *ksp, const kd_kstat_t *k)
{
    ksp->ks_crtime = k->crtime;
    ksp->ks_kid = k->kid;
    memcpy(ksp->ks_module, k->module, KSTAT_STRLEN);
    ksp->ks_instance = k->instance;
    memcpy(ksp->ks_name, k->name, KSTAT_STRLEN);
    ksp->ks_type = k->type;
    memcpy(ksp->ks_class, k->class, KSTAT_STRLEN);
    ksp->ks_flags = k->flags;
}

static size_t kernel_count(void)
{
    size_t n = 0;
    for (kd_kstat_t *k = kd.head; k != NULL; k = k->next)
        n++;
    return n;
}

/* The size kstat_read needs and the ks_ndata it reports, as the kernel computes them. */
static size_t data_size(const kd_kstat_t *k, uint_t *ndata)
{
    if (k->kid == 0) {
        *ndata = (uint_t)kernel_count();
        return *ndata * sizeof(kstat_t);
    }
    if (k->type == KSTAT_TYPE_NAMED) {
        size_t size = k->nnamed * sizeof(kstat_named_t);
        for (uint_t i = 0; i < k->nnamed; i++)
            if (k->named[i].type == KSTAT_DATA_STRING && k->named[i].str != NULL)
                size += strlen(k->named[i].str) + 1;
        *ndata = k->nnamed;
        return size;
    }
    *ndata = k->ndata;
    return k->size;
}

static void fill(const kd_kstat_t *k, unsigned char *out)
{
    if (k->kid == 0) {
        kstat_t *h = (kstat_t *)out;
        for (kd_kstat_t *e = kd.head; e != NULL; e = e->next, h++)
            copy_header(h, e);
        return;
    }
    if (k->type != KSTAT_TYPE_NAMED) {
        memcpy(out, k->data, k->size);
        return;
    }
    kstat_named_t *rec = (kstat_named_t *)out;
    char *strings = (char *)(rec + k->nnamed);
    for (uint_t i = 0; i < k->nnamed; i++) {
        const kd_named_t *n = &k->named[i];
        memcpy(rec[i].name, n->name, KSTAT_STRLEN);
        rec[i].data_type = n->type;
        memcpy(&rec[i].value, n->value, 16);
        if (n->type == KSTAT_DATA_STRING) {
            memset(&rec[i].value, 0, 16);
            if (n->str != NULL) {
                size_t len = strlen(n->str) + 1;
                memcpy(strings, n->str, len);
                rec[i].value.str.addr.ptr = strings;
                rec[i].value.str.len = (uint32_t)len;
                strings += len;
            }
        }
    }
}

KD_EXPORT kstat_ctl_t *kstat_open(void)
{
    pthread_mutex_lock(&kd_lock);
    kd_init_locked();
    if (take_fault(&kd.fail_open, -1)) {
        pthread_mutex_unlock(&kd_lock);
        return NULL;
    }
    kstat_ctl_t *kc = kd_alloc(sizeof(kstat_ctl_t));
    kc->kc_kd = 3;
    kd.open_handles++;
    pthread_mutex_unlock(&kd_lock);
    if (kstat_chain_update(kc) == -1) {
        int err = errno;
        kstat_close(kc);
        errno = err;
        return NULL;
    }
    return kc;
}

/*
 * Frees the chain for good, not through kd_bury: after kstat_close the caller has no handle to reach a kstat_t
 * through, and the open benchmarks close chains of 20,000 kstats in a loop, which poisoning would swamp.
 */
KD_EXPORT int kstat_close(kstat_ctl_t *kc)
{
    if (kc == NULL) {
        errno = EINVAL;
        return -1;
    }
    pthread_mutex_lock(&kd_lock);
    for (kstat_t *ksp = kc->kc_chain; ksp != NULL;) {
        kstat_t *next = ksp->ks_next;
        kd_free(ksp->ks_data);
        kd_free(ksp);
        ksp = next;
    }
    kd_free(kc);
    kd.open_handles--;
    pthread_mutex_unlock(&kd_lock);
    return 0;
}

KD_EXPORT kid_t kstat_chain_update(kstat_ctl_t *kc)
{
    if (kc == NULL) {
        errno = EINVAL;
        return -1;
    }
    pthread_mutex_lock(&kd_lock);
    /* KSTAT_IOC_CHAIN_ID cannot fail: an unchanged chain returns 0 before anything else is asked. */
    if (kc->kc_chain_id == kd.kcid) {
        pthread_mutex_unlock(&kd_lock);
        return 0;
    }
    /* libkstat reads the headers with kstat_read of kstat 0, which retries EAGAIN; any other failure changes nothing. */
    while (take_fault(&kd.fail_update, -1)) {
        if (errno != EAGAIN) {
            pthread_mutex_unlock(&kd_lock);
            return -1;
        }
        absorb_eagain_locked();
    }
    /* First every deleted kstat is unlinked and freed. Both the chain and the kernel list are in kid order. */
    kd_kstat_t *k = kd.head;
    kstat_t **link = &kc->kc_chain;
    kid_t last = -1;
    while (*link != NULL) {
        kstat_t *ksp = *link;
        while (k != NULL && k->kid < ksp->ks_kid)
            k = k->next;
        if (k != NULL && k->kid == ksp->ks_kid) {
            last = ksp->ks_kid;
            link = &ksp->ks_next;
        } else {
            *link = ksp->ks_next;
            kd_bury(ksp->ks_data, ksp->ks_data_size);
            kd_bury(ksp, sizeof(kstat_t));
        }
    }
    /*
     * Then the new ones are allocated and appended. When an allocation fails libkstat returns -1 there: the
     * chain is well formed (the last link is NULL), holds the survivors and the new kstats allocated so far,
     * and keeps its old kc_chain_id, so the next call finishes the update.
     */
    for (k = kd.head; k != NULL; k = k->next) {
        if (k->kid <= last)
            continue;
        if (kd.alloc_countdown == 0) {
            kd.alloc_countdown = -1;
            errno = kd.alloc_err;
            pthread_mutex_unlock(&kd_lock);
            return -1;
        }
        if (kd.alloc_countdown > 0)
            kd.alloc_countdown--;
        kstat_t *ksp = kd_alloc(sizeof(kstat_t));
        copy_header(ksp, k);
        *link = ksp;
        link = &ksp->ks_next;
    }
    kc->kc_chain_id = kd.kcid;
    kid_t id = kd.kcid;
    pthread_mutex_unlock(&kd_lock);
    return id;
}

KD_EXPORT kid_t kstat_read(kstat_ctl_t *kc, kstat_t *ksp, void *buf)
{
    if (kc == NULL || ksp == NULL) {
        errno = EINVAL;
        return -1;
    }
    pthread_mutex_lock(&kd_lock);
    if (kd_refuse_poisoned_locked(ksp, "kstat_read")) {
        pthread_mutex_unlock(&kd_lock);
        return -1;
    }
    kd.reads++;
    kd_kstat_t *k = kd_find_locked(ksp->ks_kid);
    while (take_fault(&kd.fail_read, ksp->ks_kid)) {
        if (errno == EAGAIN) {
            absorb_eagain_locked();
            continue;
        }
        /* ENOMEM for a variable-size kstat: libkstat grows ks_data to the size the kernel wrote back and asks again. */
        if (errno == ENOMEM && k != NULL && (k->flags & KSTAT_FLAG_VAR_SIZE))
            continue;
        pthread_mutex_unlock(&kd_lock);
        return -1;
    }
    if (k == NULL) {
        pthread_mutex_unlock(&kd_lock);
        errno = ENXIO;
        return -1;
    }
    uint_t ndata;
    size_t size = data_size(k, &ndata);
    if (ksp->ks_data == NULL || ksp->ks_data_size != size) {
        kd_free(ksp->ks_data);
        ksp->ks_data = kd_alloc(size == 0 ? 1 : size);
    }
    fill(k, ksp->ks_data);
    ksp->ks_ndata = ndata;
    ksp->ks_data_size = size;
    ksp->ks_flags = k->flags;
    ksp->ks_snaptime = kd.hrtime;
    kd.hrtime += 1000;
    if (buf != NULL) {
        memcpy(buf, ksp->ks_data, size);
        if (k->type == KSTAT_TYPE_NAMED && k->kid != 0) {
            kstat_named_t *rec = buf;
            for (uint_t i = 0; i < ndata; i++)
                if (rec[i].data_type == KSTAT_DATA_STRING && rec[i].value.str.addr.ptr != NULL)
                    rec[i].value.str.addr.ptr = (char *)buf + (rec[i].value.str.addr.ptr - (char *)ksp->ks_data);
        }
    }
    kid_t id = kd.kcid;
    pthread_mutex_unlock(&kd_lock);
    return id;
}

KD_EXPORT kid_t kstat_write(kstat_ctl_t *kc, kstat_t *ksp, void *buf)
{
    (void)buf;
    if (kc == NULL || ksp == NULL) {
        errno = EINVAL;
        return -1;
    }
    pthread_mutex_lock(&kd_lock);
    if (!kd_refuse_poisoned_locked(ksp, "kstat_write"))
        errno = EACCES;
    pthread_mutex_unlock(&kd_lock);
    return -1;
}

KD_EXPORT kstat_t *kstat_lookup(kstat_ctl_t *kc, char *module, int instance, char *name)
{
    for (kstat_t *ksp = kc->kc_chain; ksp != NULL; ksp = ksp->ks_next)
        if ((module == NULL || strcmp(ksp->ks_module, module) == 0) &&
            (instance == -1 || ksp->ks_instance == instance) &&
            (name == NULL || strcmp(ksp->ks_name, name) == 0))
            return ksp;
    errno = ENOENT;
    return NULL;
}

KD_EXPORT void *kstat_data_lookup(kstat_t *ksp, char *name)
{
    pthread_mutex_lock(&kd_lock);
    int poisoned = kd_refuse_poisoned_locked(ksp, "kstat_data_lookup");
    pthread_mutex_unlock(&kd_lock);
    if (poisoned)
        return NULL;
    size_t step;
    if (ksp->ks_type == KSTAT_TYPE_NAMED)
        step = sizeof(kstat_named_t);
    else if (ksp->ks_type == KSTAT_TYPE_TIMER)
        step = sizeof(kstat_timer_t);
    else {
        errno = EINVAL;
        return NULL;
    }
    char *p = ksp->ks_data;
    for (uint_t i = 0; i < ksp->ks_ndata; i++, p += step)
        if (strcmp(p, name) == 0)
            return p;
    errno = ENOENT;
    return NULL;
}
