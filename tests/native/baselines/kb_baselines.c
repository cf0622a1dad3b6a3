/*
 * The C baselines: the work each C# benchmark does, done in plain C through the same libkstat test double.
 *
 *   kstat-baselines CASE BATCHES OPS [cpu|wall]
 *
 * CASE is monitor, dump or open. It runs BATCHES batches of OPS operations after one warm-up batch and prints
 * "CASE<TAB>median ns per operation<TAB>operations" (the median of the batch means, which a shared machine
 * disturbs less than a mean). Times are the thread's CPU time (CLOCK_THREAD_CPUTIME_ID, the clock the C#
 * side uses too), or wall-clock time (CLOCK_MONOTONIC) with "wall".
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "kstat_abi.h"
#include "kb_chain.h"
#include "kb_print.h"

static volatile uint64_t sink; /* keeps the compiler from dropping the work */

static clockid_t clock_id = CLOCK_THREAD_CPUTIME_ID;

static double now_ns(void)
{
    struct timespec ts;
    clock_gettime(clock_id, &ts);
    return ts.tv_sec * 1e9 + ts.tv_nsec;
}

static void die(const char *what)
{
    perror(what);
    exit(3);
}

/* Sums every numeric statistic of a NAMED kstat: what a monitor does with the values it read. */
static uint64_t walk_values(const kstat_t *ksp)
{
    uint64_t sum = 0;
    const kstat_named_t *n = ksp->ks_data;
    for (uint_t i = 0; i < ksp->ks_ndata; i++) {
        switch (n[i].data_type) {
        case KSTAT_DATA_INT32: sum += (uint64_t)n[i].value.i32; break;
        case KSTAT_DATA_UINT32: sum += n[i].value.ui32; break;
        case KSTAT_DATA_INT64: sum += (uint64_t)n[i].value.i64; break;
        case KSTAT_DATA_UINT64: sum += n[i].value.ui64; break;
        default: sum += (uint64_t)n[i].value.c[0]; break;
        }
    }
    return sum;
}

/* ---- monitor: one round = kstat_chain_update + kstat_read of every watched kstat + walk its values ---- */

static kstat_ctl_t *monitor_kc;
static kstat_t *monitor_ks[KB_MONITOR_KSTATS];
static int monitor_n;

static void monitor_walk(void)
{
    monitor_n = 0;
    for (kstat_t *ksp = monitor_kc->kc_chain; ksp != NULL; ksp = ksp->ks_next)
        if (!kb_skipped(ksp) && strcmp(ksp->ks_module, "cpu") == 0 && monitor_n < KB_MONITOR_KSTATS)
            monitor_ks[monitor_n++] = ksp;
}

static void monitor_setup(void)
{
    if (kb_build_monitor(KB_MONITOR_KSTATS) < 0 || (monitor_kc = kstat_open()) == NULL)
        die("monitor setup");
    monitor_walk();
}

static void monitor_op(void)
{
    kid_t id = kstat_chain_update(monitor_kc);
    if (id == -1)
        die("kstat_chain_update");
    if (id != 0)
        monitor_walk();
    uint64_t sum = 0;
    for (int i = 0; i < monitor_n; i++) {
        if (kstat_read(monitor_kc, monitor_ks[i], NULL) == -1)
            die("kstat_read");
        sum += walk_values(monitor_ks[i]);
    }
    sink += sum;
}

/* ---- dump: kstat -p of the whole chain to /dev/null, in kstat(1) order (kb_print.c) ---- */

static FILE *devnull;

static void dump_setup(void)
{
    if (kb_build_dump(KB_DUMP_KSTATS, KB_DUMP_STATS) < 0)
        die("dump setup");
    /* KB_DUMP_STDOUT=1 prints to stdout instead, to check the output against the C# writer's. */
    const char *to_stdout = getenv("KB_DUMP_STDOUT");
    devnull = to_stdout != NULL && strcmp(to_stdout, "1") == 0 ? stdout : fopen("/dev/null", "w");
    if (devnull == NULL)
        die("/dev/null");
}

static void dump_op(void)
{
    kstat_ctl_t *kc = kstat_open();
    if (kc == NULL)
        die("kstat_open");
    size_t cap = 0;
    for (kstat_t *ksp = kc->kc_chain; ksp != NULL; ksp = ksp->ks_next)
        cap++;
    kb_kstat_t *all = calloc(cap, sizeof(*all));
    size_t n = 0;
    for (kstat_t *ksp = kc->kc_chain; ksp != NULL; ksp = ksp->ks_next)
        if (!kb_skipped(ksp) && ksp->ks_type == KSTAT_TYPE_NAMED)
            kb_collect(kc, ksp, &all[n++]);
    qsort(all, n, sizeof(*all), kb_compare_kstats);
    for (size_t i = 0; i < n; i++) {
        kb_print_parseable(devnull, &all[i]);
        kb_release(&all[i]);
    }
    free(all);
    kstat_close(kc);
}

/* ---- open: kstat_open + walk + a hash index by module:instance:name, no reads ---- */

typedef struct index_entry {
    char *key;
    kstat_t *ksp;
    struct index_entry *next;
} index_entry_t;

static uint64_t hash_key(const char *s)
{
    uint64_t h = 1469598103934665603ULL; /* FNV-1a */
    for (; *s != '\0'; s++)
        h = (h ^ (unsigned char)*s) * 1099511628211ULL;
    return h;
}

static void open_setup(void)
{
    if (kb_build_dump(KB_DUMP_KSTATS, KB_DUMP_STATS) < 0)
        die("open setup");
}

static void open_op(void)
{
    kstat_ctl_t *kc = kstat_open();
    if (kc == NULL)
        die("kstat_open");
    size_t n = 0;
    for (kstat_t *ksp = kc->kc_chain; ksp != NULL; ksp = ksp->ks_next)
        n++;
    size_t buckets = 1;
    while (buckets < n * 2)
        buckets <<= 1;
    index_entry_t **table = calloc(buckets, sizeof(*table));
    index_entry_t *entries = malloc(n * sizeof(*entries));
    size_t used = 0;
    for (kstat_t *ksp = kc->kc_chain; ksp != NULL; ksp = ksp->ks_next) {
        if (kb_skipped(ksp))
            continue;
        char key[3 * KSTAT_STRLEN + 16];
        int len = snprintf(key, sizeof(key), "%s:%d:%s", ksp->ks_module, ksp->ks_instance, ksp->ks_name);
        index_entry_t *e = &entries[used++];
        e->key = malloc((size_t)len + 1);
        memcpy(e->key, key, (size_t)len + 1);
        e->ksp = ksp;
        uint64_t h = hash_key(key) & (buckets - 1);
        e->next = table[h];
        table[h] = e;
    }
    /* One lookup, so the index is used. */
    index_entry_t *hit = table[hash_key("cpu:0:stats") & (buckets - 1)];
    sink += hit != NULL;
    for (size_t i = 0; i < used; i++)
        free(entries[i].key);
    free(entries);
    free(table);
    kstat_close(kc);
}

int main(int argc, char **argv)
{
    if (argc < 4 || argc > 5 || (argc == 5 && strcmp(argv[4], "cpu") != 0 && strcmp(argv[4], "wall") != 0)) {
        fprintf(stderr, "usage: %s monitor|dump|open BATCHES OPS [cpu|wall]\n", argv[0]);
        return 2;
    }
    if (argc == 5 && strcmp(argv[4], "wall") == 0)
        clock_id = CLOCK_MONOTONIC;
    void (*setup)(void), (*op)(void);
    if (strcmp(argv[1], "monitor") == 0)
        setup = monitor_setup, op = monitor_op;
    else if (strcmp(argv[1], "dump") == 0)
        setup = dump_setup, op = dump_op;
    else if (strcmp(argv[1], "open") == 0)
        setup = open_setup, op = open_op;
    else {
        fprintf(stderr, "unknown case '%s'\n", argv[1]);
        return 2;
    }
    int batches = atoi(argv[2]), ops = atoi(argv[3]);
    if (batches < 1 || ops < 1) {
        fprintf(stderr, "BATCHES and OPS must be >= 1\n");
        return 2;
    }
    setup();
    for (int i = 0; i < ops; i++)
        op();
    double *means = malloc(batches * sizeof(double));
    for (int b = 0; b < batches; b++) {
        double start = now_ns();
        for (int i = 0; i < ops; i++)
            op();
        means[b] = (now_ns() - start) / ops;
    }
    for (int i = 1; i < batches; i++) /* insertion sort: a handful of batches */
        for (int j = i; j > 0 && means[j - 1] > means[j]; j--) {
            double t = means[j];
            means[j] = means[j - 1];
            means[j - 1] = t;
        }
    double median = batches % 2 ? means[batches / 2] : (means[batches / 2 - 1] + means[batches / 2]) / 2;
    printf("%s\t%.1f\t%d\n", argv[1], median, batches * ops);
    free(means);
    return 0;
}
