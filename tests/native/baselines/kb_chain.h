/*
 * The deterministic chains every benchmark runs on, generated in the libkstat test double through its
 * control API (kd_*). The C baselines and the C# benchmarks call the same functions, so both sides read
 * exactly the same kstats.
 */
#ifndef KB_CHAIN_H
#define KB_CHAIN_H

#define KB_MONITOR_KSTATS 200
#define KB_MONITOR_STATS 16
#define KB_DUMP_KSTATS 20000
#define KB_DUMP_STATS 10

/* Resets the double and adds cpu:<i>:sys, i < nkstats, each with KB_MONITOR_STATS UINT64 statistics. */
int kb_build_monitor(int nkstats);

/*
 * Resets the double and adds nkstats NAMED kstats: 40 modules (in clusters, as drivers create them) of 100
 * instances of 5 name stems, in an order kstat(1) has to sort; two stems in five get the instance number appended
 * (as sd3 or e1000g0 do).
 * Each has nstats (at most 10) statistics of mixed types: UINT64, INT64, UINT32, INT32 and one CHAR.
 */
int kb_build_dump(int nkstats, int nstats);

#endif
