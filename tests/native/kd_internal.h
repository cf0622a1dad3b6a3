/*
 * The test double's "kernel": the kstats that exist, the chain id (KCID), injected faults and counters.
 * libkstat.c serves the libkstat API from it; kd_control.c and kd_capture.c let tests script it.
 */
#ifndef KD_INTERNAL_H
#define KD_INTERNAL_H

#include <pthread.h>
#include "kstat_abi.h"

#define KD_EXPORT __attribute__((visibility("default")))

typedef struct kd_named {
    char name[KSTAT_STRLEN];
    uchar_t type;
    unsigned char value[16]; /* the union's bytes, as the record holds them */
    char *str;               /* STRING: the text, or NULL for a NULL pointer */
} kd_named_t;

typedef struct kd_kstat {
    kid_t kid;
    char module[KSTAT_STRLEN];
    int instance;
    char name[KSTAT_STRLEN];
    char class[KSTAT_STRLEN];
    uchar_t type;
    uchar_t flags;
    hrtime_t crtime;
    kd_named_t *named; /* NAMED */
    uint_t nnamed;
    uint_t named_cap;
    unsigned char *data; /* every other type: the bytes kstat_read returns */
    size_t size;
    uint_t ndata;
    int layout; /* RAW shaped by kd_raw_shape: the index of its layout, else -1 */
    struct kd_kstat *next; /* in kid order */
} kd_kstat_t;

typedef struct kd_fault {
    int count; /* how many more calls fail */
    int err;
    kid_t kid; /* reads only: -1 for any kstat */
} kd_fault_t;

/* A block the double "freed": poisoned and kept, so a stale pointer to it is caught instead of reading reused memory. */
typedef struct kd_grave {
    struct kd_grave *next; /* the next younger grave */
    void *block;
    size_t size;
} kd_grave_t;

/* Every byte of a buried block: a kstat_t's ks_kid reads (kid_t)0xa5a5a5a5, negative, which no live kstat has. */
#define KD_POISON 0xa5

typedef struct kd_kernel {
    kd_kstat_t *head;
    kd_kstat_t *tail;
    kd_kstat_t **index; /* every kstat sorted by kid, for kd_find_locked; valid while kcid == index_kcid */
    size_t index_len;
    size_t index_cap;
    kid_t index_kcid;
    kid_t kcid;
    kid_t next_kid;
    hrtime_t hrtime;
    kd_fault_t fail_open;
    kd_fault_t fail_read;
    kd_fault_t fail_update;
    int alloc_countdown; /* kstat_chain_update's kstat_t allocations that succeed before one fails; -1: none fails */
    int alloc_err;
    long open_handles;
    long live_allocations;
    long reads;
    long eagain_retries; /* EAGAIN answers kstat_read retried, as libkstat does, instead of returning them */
    long poisoned_uses;  /* calls given a kstat_t the double freed: a caller's use after free, refused */
    kd_grave_t *graves;  /* oldest first */
    kd_grave_t *graves_tail;
    size_t grave_bytes;
    int initialised;
    char last_error[512];
} kd_kernel_t;

extern kd_kernel_t kd;
extern pthread_mutex_t kd_lock;

void kd_init_locked(void);
void kd_clear_locked(void);
void kd_add_builtins_locked(void);
kd_kstat_t *kd_find_locked(kid_t kid);
kd_kstat_t *kd_find_key_locked(const char *module, int instance, const char *name);
kd_kstat_t *kd_add_locked(const char *module, int instance, const char *name, const char *class, int type, hrtime_t crtime);
int kd_named_put_locked(kd_kstat_t *k, const char *name, int type);
int kd_raw_shape_locked(kd_kstat_t *k, const char *layout);
int kd_raw_field_locked(kd_kstat_t *k, const char *field, uint64_t value, const char *text);
void *kd_alloc(size_t size);
void kd_free(void *p);
void kd_bury(void *p, size_t size);
void kd_release_graves_locked(void);
int kd_refuse_poisoned_locked(const kstat_t *ksp, const char *call);

#endif
