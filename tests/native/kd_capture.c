/*
 * Loads the double's kernel from a `kstat -p` capture (module:instance:name:statistic, a TAB or a run of
 * spaces, the value), so a test can compare what LibKstatChain reads with what the capture says. Only the
 * first round is loaded, and trailing blanks are trimmed. Integers become NAMED INT64 (negative) or UINT64,
 * other values STRING; `class` and `crtime` set the header and `snaptime` is ignored. A kstat that Perl
 * decodes from a raw struct (cpu_stat:N:cpu_statN, unix:0:var, ...) becomes that RAW struct, its fields set
 * by name.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "kd_internal.h"

static int fail(const char *path, int line, int column, const char *problem)
{
    snprintf(kd.last_error, sizeof(kd.last_error), "%s:%d:%d: %s", path, line, column, problem);
    errno = EINVAL;
    return -1;
}

/* The layout Perl decodes a raw kstat with: module and name with every digit removed, as Kstat.xs keys it. */
static const char *raw_layout(const char *module, const char *name)
{
    char key[2 * KSTAT_STRLEN + 2];
    size_t n = 0;
    for (const char *p = module; *p != '\0'; p++)
        if (*p < '0' || *p > '9')
            key[n++] = *p;
    key[n++] = ':';
    for (const char *p = name; *p != '\0'; p++)
        if (*p < '0' || *p > '9')
            key[n++] = *p;
    key[n] = '\0';
    static const char *table[][2] = {{"cpu_stat:cpu_stat", "cpu_stat"}, {"unix:var", "var"},
                                     {"unix:ncstats", "ncstats"},        {"unix:sysinfo", "sysinfo"},
                                     {"unix:vminfo", "vminfo"},          {"nfs:mntinfo", "mntinfo"}};
    for (size_t i = 0; i < sizeof(table) / sizeof(table[0]); i++)
        if (strcmp(table[i][0], key) == 0)
            return table[i][1];
    return NULL;
}

static int parse_integer(const char *text, int *negative, uint64_t *bits)
{
    const char *p = text;
    *negative = *p == '-';
    if (*negative)
        p++;
    if (*p == '\0')
        return 0;
    for (const char *q = p; *q != '\0'; q++)
        if (*q < '0' || *q > '9')
            return 0;
    char *end;
    errno = 0;
    if (*negative) {
        long long v = strtoll(text, &end, 10);
        *bits = (uint64_t)v;
    } else {
        *bits = strtoull(text, &end, 10);
    }
    return errno == 0;
}

/* Seconds printed with up to nine decimals ("116.1198523") to nanoseconds, exactly. */
static int parse_seconds(const char *text, hrtime_t *ns)
{
    char *end;
    errno = 0;
    long long whole = strtoll(text, &end, 10);
    if (errno != 0 || end == text)
        return 0;
    long long fraction = 0;
    int digits = 0;
    if (*end == '.') {
        for (end++; *end >= '0' && *end <= '9'; end++)
            if (digits < 9) {
                fraction = fraction * 10 + (*end - '0');
                digits++;
            }
    }
    for (; digits < 9; digits++)
        fraction *= 10;
    *ns = whole * 1000000000LL + fraction;
    return *end == '\0';
}

static int load_value(kd_kstat_t *k, const char *stat, const char *value)
{
    int negative;
    uint64_t bits;
    int integer = parse_integer(value, &negative, &bits);
    if (k->type == KSTAT_TYPE_RAW)
        return kd_raw_field_locked(k, stat, integer ? bits : 0, value);
    int at = kd_named_put_locked(k, stat, integer ? (negative ? KSTAT_DATA_INT64 : KSTAT_DATA_UINT64) : KSTAT_DATA_STRING);
    if (at < 0)
        return -1;
    kd_named_t *n = &k->named[at];
    if (integer) {
        memcpy(n->value, &bits, 8);
    } else {
        free(n->str);
        n->str = strdup(value);
    }
    return 0;
}

static int load_line(const char *path, int line, char *text)
{
    char *colon[3];
    char *p = text;
    for (int i = 0; i < 3; i++) {
        p = strchr(p, ':');
        if (p == NULL)
            return fail(path, line, 1, "expected module:instance:name:statistic");
        colon[i] = p++;
    }
    char *key_end = p + strcspn(p, " \t");
    if (*key_end == '\0')
        return fail(path, line, (int)(key_end - text) + 1, "expected a TAB and a value after the statistic name");
    char *value = key_end + strspn(key_end, " \t");
    *key_end = '\0';
    char *last = strrchr(colon[2], ':');
    *colon[0] = *colon[1] = *last = '\0';
    const char *module = text, *instance_text = colon[0] + 1, *name = colon[1] + 1, *stat = last + 1;
    char *end;
    long instance = strtol(instance_text, &end, 10);
    if (*instance_text == '\0' || *end != '\0')
        return fail(path, line, (int)(instance_text - text) + 1, "expected a decimal instance number");
    if (strlen(module) >= KSTAT_STRLEN || strlen(name) >= KSTAT_STRLEN || strlen(stat) >= KSTAT_STRLEN)
        return fail(path, line, 1, "a module, name or statistic is longer than 30 bytes");

    kd_kstat_t *k = kd_find_key_locked(module, (int)instance, name);
    if (k == NULL) {
        const char *layout = raw_layout(module, name);
        k = kd_add_locked(module, (int)instance, name, "", layout != NULL ? KSTAT_TYPE_RAW : KSTAT_TYPE_NAMED, 0);
        if (layout != NULL)
            kd_raw_shape_locked(k, layout);
    }
    if (strcmp(stat, "class") == 0) {
        memset(k->class, 0, KSTAT_STRLEN);
        strncpy(k->class, value, KSTAT_STRLEN - 1);
    } else if (strcmp(stat, "crtime") == 0) {
        if (!parse_seconds(value, &k->crtime))
            return fail(path, line, (int)(value - text) + 1, "expected seconds such as 71.231448016 for crtime");
    } else if (strcmp(stat, "snaptime") != 0 && load_value(k, stat, value) != 0) {
        return fail(path, line, (int)(stat - text) + 1, "the statistic is not a field of the raw struct its kstat has");
    }
    return 0;
}

/* Replaces every kstat but the built-in ones with the first round of a capture; returns the kstat count or -1. */
KD_EXPORT int kd_load_capture(const char *path)
{
    FILE *f = fopen(path, "r");
    if (f == NULL) {
        int err = errno;
        snprintf(kd.last_error, sizeof(kd.last_error), "%s: %s", path, strerror(err));
        errno = err;
        return -1;
    }
    pthread_mutex_lock(&kd_lock);
    kd_init_locked();
    kd_clear_locked();
    kd.kcid++;
    kid_t first = kd.next_kid;
    kd_add_builtins_locked();
    char buffer[4096];
    int line = 0, rc = 0, seen = 0;
    while (rc == 0 && fgets(buffer, sizeof(buffer), f) != NULL) {
        line++;
        /* Trailing blanks are no part of a value kstat(1) prints; tab-expanded captures may carry them. */
        size_t end = strcspn(buffer, "\r\n");
        while (end > 0 && (buffer[end - 1] == ' ' || buffer[end - 1] == '\t'))
            end--;
        buffer[end] = '\0';
        if (buffer[0] == '\0') {
            if (seen)
                break; /* the end of the first round */
            continue;
        }
        seen = 1;
        rc = load_line(path, line, buffer);
    }
    int count = 0;
    for (kd_kstat_t *k = kd.head; k != NULL; k = k->next)
        count += k->kid > first;
    pthread_mutex_unlock(&kd_lock);
    fclose(f);
    return rc == 0 ? count : -1;
}
