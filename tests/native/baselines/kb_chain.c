/* See kb_chain.h. Values come from a fixed splitmix64 sequence, so every run builds the same chain. */
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include "kb_chain.h"

#define KB_EXPORT __attribute__((visibility("default")))

/* The test double's control API (tests/native/kd_control.c, kd_kernel.c). */
typedef int kid_t;
extern void kd_reset(void);
extern kid_t kd_add(const char *module, int instance, const char *name, const char *class, int type, int64_t crtime);
extern int kd_named_add(kid_t kid, const char *name, int data_type);
extern int kd_named_set(kid_t kid, const char *name, uint64_t bits);
extern int kd_named_set_char(kid_t kid, const char *name, const unsigned char *bytes, int len);

enum { TYPE_NAMED = 1, DATA_CHAR = 0, DATA_INT32 = 1, DATA_UINT32 = 2, DATA_INT64 = 3, DATA_UINT64 = 4 };

static uint64_t splitmix64(uint64_t *state)
{
    uint64_t z = (*state += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

/* A counter of realistic width: from one to twenty decimal digits. */
static uint64_t counter(uint64_t *state) { return splitmix64(state) >> (splitmix64(state) % 64); }

static const char *const monitor_stats[KB_MONITOR_STATS] = {
    "cpu_nsec_idle", "cpu_nsec_user", "cpu_nsec_kernel", "cpu_nsec_dtrace", "cpu_nsec_intr", "cpu_ticks_idle",
    "cpu_ticks_user", "cpu_ticks_kernel", "cpu_ticks_wait", "bread", "bwrite", "lread", "lwrite", "pswitch",
    "syscall", "intr"};

KB_EXPORT int kb_build_monitor(int nkstats)
{
    uint64_t state = 42;
    kd_reset();
    for (int i = 0; i < nkstats; i++) {
        kid_t kid = kd_add("cpu", i, "sys", "misc", TYPE_NAMED, 1000000000LL + i * 1000LL);
        if (kid < 0)
            return -1;
        for (int j = 0; j < KB_MONITOR_STATS; j++) {
            kd_named_add(kid, monitor_stats[j], DATA_UINT64);
            kd_named_set(kid, monitor_stats[j], counter(&state));
        }
    }
    return nkstats;
}

static const char *const dump_modules[40] = {
    "zfs", "unix", "cpu", "sd", "e1000g", "ip", "tcp", "udp", "mac", "link", "zone_misc", "memory_cap", "caps",
    "lofi", "nfs", "ufs", "vmem", "arc", "ixgbe", "igb", "vnic", "aggr", "ata", "ahci", "mpt_sas", "nvme",
    "blkdev", "kmem_cache", "sockfs", "lgrp", "pci", "ptc", "rpcmod", "sctp", "icmp", "ipsecah", "zone_vfs",
    "Console", "ACPI", "pcplusmp"};
static const char *const dump_names[5] = {"stats", "Misc", "io_queue", "vdev_cache", "Counters"};
static const char *const dump_stats[10] = {"rbytes64", "obytes64", "ipackets", "Opackets", "ierrors",
                                           "oerrors", "collisions", "link_state", "ifspeed", "media"};
static const int dump_types[10] = {DATA_UINT64, DATA_UINT64, DATA_UINT32, DATA_UINT32, DATA_INT32,
                                   DATA_INT32,  DATA_UINT64, DATA_INT64,  DATA_UINT64, DATA_CHAR};
static const char *const media[4] = {"1000baseT", "10GbaseSR", "100baseTX", "unknown"};

KB_EXPORT int kb_build_dump(int nkstats, int nstats)
{
    uint64_t state = 7;
    if (nkstats > 40 * 100 * 5 || nstats > 10)
        return -1;
    kd_reset();
    for (int i = 0; i < nkstats; i++) {
        /*
         * (module, instance, name) is a bijection of i. Modules come in clusters, as drivers create their kstats, in
         * an order that is not kstat(1)'s, and so do the names within an instance. Two name stems in five carry the
         * instance (as sd3, e1000g0 or cpu_stat7 do); the rest repeat (as stats or sys).
         */
        int module = i / 500, instance = (i / 5) % 100, stem = i % 5;
        char name[32];
        if (stem >= 3)
            snprintf(name, sizeof(name), "%s%d", dump_names[stem], instance);
        else
            snprintf(name, sizeof(name), "%s", dump_names[stem]);
        kid_t kid = kd_add(dump_modules[module], instance, name, i % 3 == 0 ? "net" : "misc", TYPE_NAMED,
                           1000000000LL + i * 1000LL);
        if (kid < 0)
            return -1;
        for (int j = 0; j < nstats; j++) {
            kd_named_add(kid, dump_stats[j], dump_types[j]);
            if (dump_types[j] == DATA_CHAR) {
                const char *text = media[splitmix64(&state) % 4];
                kd_named_set_char(kid, dump_stats[j], (const unsigned char *)text, (int)strlen(text));
            } else {
                uint64_t v = counter(&state);
                if (dump_types[j] == DATA_INT32 || dump_types[j] == DATA_INT64)
                    v = (splitmix64(&state) & 1) ? (uint64_t)(-(int64_t)(v >> 1)) : v >> 1;
                kd_named_set(kid, dump_stats[j], v);
            }
        }
    }
    return nkstats;
}
