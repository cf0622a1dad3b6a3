/*
 * kstat -p as the illumos kstat(1) prints it, over any libkstat chain: a kstat's statistics (its data, class,
 * crtime, snaptime) in kstat(1)'s insertion order by strcasecmp, kstats sorted by module, instance and name,
 * one fprintf per line. Shared by the dump baseline and the kstat -p start-up baseline, so both print alike.
 */
#ifndef KB_PRINT_H
#define KB_PRINT_H

#include <stdio.h>
#include "kstat_abi.h"

typedef struct kb_stat {
    const char *name;
    int kind;
    union {
        int64_t i;
        uint64_t u;
        const char *s;
    } v;
    char text[17]; /* a CHAR value, NUL-terminated */
    int width;     /* a raw char array: its size (it need not end in a NUL) */
} kb_stat_t;

typedef struct kb_kstat {
    const kstat_t *ksp;
    kb_stat_t *stats;
    int nstats;
} kb_kstat_t;

/* True for the kstats kstat(1) and the bindings leave out (kstat_headers, kstat_types). */
int kb_skipped(const kstat_t *ksp);

/*
 * Reads ksp and lists what kstat -p prints of it into out (which keeps pointers into ksp's data): class, crtime,
 * every statistic and snaptime, or class and crtime alone when the read fails. NAMED kstats, and RAW kstats whose
 * layout the double describes (kd_raw_field: cpu_stat, var, ncstats, sysinfo, vminfo, mntinfo).
 */
void kb_collect(kstat_ctl_t *kc, const kstat_t *ksp, kb_kstat_t *out);

/* qsort comparison of kb_kstat_t: module (strcasecmp), instance, name (strcasecmp). */
int kb_compare_kstats(const void *a, const void *b);

/* Prints every line of one collected kstat: module:instance:name:statistic, a TAB, the value. */
void kb_print_parseable(FILE *out, const kb_kstat_t *k);

/* Frees what kb_collect allocated. */
void kb_release(kb_kstat_t *k);

#endif
