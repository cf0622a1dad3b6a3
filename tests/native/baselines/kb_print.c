/* See kb_print.h. */
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include "kb_print.h"

/* The double's description of its raw layouts (tests/native/kd_raw.c). */
extern const char *kd_raw_field(const char *layout, int index, int *offset, int *size, int *kind);

enum { V_INT32, V_UINT32, V_INT64, V_UINT64, V_HRTIME, V_STRING, V_CHAR, V_ARRAY };

int kb_skipped(const kstat_t *ksp) { return strncmp(ksp->ks_name, "kstat_", 6) == 0; }

static void add_sorted(kb_kstat_t *k, const kb_stat_t *line)
{
    /* Stable insertion by strcasecmp, as kstat(1) builds its list. */
    int at = k->nstats;
    while (at > 0 && strcasecmp(k->stats[at - 1].name, line->name) > 0) {
        k->stats[at] = k->stats[at - 1];
        at--;
    }
    k->stats[at] = *line;
    k->nstats++;
}

/* The raw layout kstat(1) decodes a RAW kstat with, by module and name as its raw decoders key them; NULL if none. */
static const char *raw_layout(const kstat_t *ksp)
{
    if (strcmp(ksp->ks_module, "cpu_stat") == 0)
        return "cpu_stat";
    if (strcmp(ksp->ks_module, "nfs") == 0 && strcmp(ksp->ks_name, "mntinfo") == 0)
        return "mntinfo";
    if (strcmp(ksp->ks_module, "unix") != 0)
        return NULL;
    static const char *const unix_layouts[] = {"var", "ncstats", "sysinfo", "vminfo"};
    for (size_t i = 0; i < sizeof(unix_layouts) / sizeof(unix_layouts[0]); i++)
        if (strcmp(ksp->ks_name, unix_layouts[i]) == 0)
            return unix_layouts[i];
    return NULL;
}

static int raw_field_count(const char *layout)
{
    int n = 0, offset, size, kind;
    while (layout != NULL && kd_raw_field(layout, n, &offset, &size, &kind) != NULL)
        n++;
    return n;
}

static void collect_named(const kstat_t *ksp, kb_kstat_t *out)
{
    const kstat_named_t *rec = ksp->ks_data;
    for (uint_t i = 0; i < ksp->ks_ndata; i++) {
        kb_stat_t line = {.name = rec[i].name};
        switch (rec[i].data_type) {
        case KSTAT_DATA_INT32: line.kind = V_INT32; line.v.i = rec[i].value.i32; break;
        case KSTAT_DATA_UINT32: line.kind = V_UINT32; line.v.u = rec[i].value.ui32; break;
        case KSTAT_DATA_INT64: line.kind = V_INT64; line.v.i = rec[i].value.i64; break;
        case KSTAT_DATA_UINT64: line.kind = V_UINT64; line.v.u = rec[i].value.ui64; break;
        case KSTAT_DATA_STRING:
            line.kind = V_STRING;
            line.v.s = rec[i].value.str.addr.ptr == NULL ? "" : rec[i].value.str.addr.ptr;
            break;
        default:
            line.kind = V_CHAR;
            memcpy(line.text, rec[i].value.c, 16);
            line.text[16] = '\0';
            break;
        }
        add_sorted(out, &line);
    }
}

static void collect_raw(const kstat_t *ksp, const char *layout, kb_kstat_t *out)
{
    const unsigned char *data = ksp->ks_data;
    int offset, size, kind;
    const char *name;
    for (int i = 0; (name = kd_raw_field(layout, i, &offset, &size, &kind)) != NULL; i++) {
        if ((size_t)(offset + size) > ksp->ks_data_size)
            break;
        kb_stat_t line = {.name = name};
        if (kind == 's') {
            line.kind = V_ARRAY;
            line.v.s = (const char *)data + offset;
            line.width = size;
        } else if (size == 8) {
            line.kind = V_UINT64;
            memcpy(&line.v.u, data + offset, 8);
        } else if (kind == 'i') {
            int32_t v;
            memcpy(&v, data + offset, 4);
            line.kind = V_INT32;
            line.v.i = v;
        } else {
            uint32_t v;
            memcpy(&v, data + offset, 4);
            line.kind = V_UINT32;
            line.v.u = v;
        }
        add_sorted(out, &line);
    }
}

void kb_collect(kstat_ctl_t *kc, const kstat_t *ksp, kb_kstat_t *out)
{
    out->ksp = ksp;
    out->nstats = 0;
    int ok = kstat_read(kc, (kstat_t *)ksp, NULL) != -1;
    const char *layout = ksp->ks_type == KSTAT_TYPE_RAW ? raw_layout(ksp) : NULL;
    int n = !ok ? 0 : ksp->ks_type == KSTAT_TYPE_NAMED ? (int)ksp->ks_ndata : raw_field_count(layout);
    out->stats = malloc((size_t)(n + 3) * sizeof(kb_stat_t));
    kb_stat_t line = {.name = "class", .kind = V_STRING, .v.s = ksp->ks_class};
    add_sorted(out, &line);
    line = (kb_stat_t){.name = "crtime", .kind = V_HRTIME, .v.i = ksp->ks_crtime};
    add_sorted(out, &line);
    if (!ok)
        return;
    if (ksp->ks_type == KSTAT_TYPE_NAMED)
        collect_named(ksp, out);
    else if (layout != NULL)
        collect_raw(ksp, layout, out);
    line = (kb_stat_t){.name = "snaptime", .kind = V_HRTIME, .v.i = ksp->ks_snaptime};
    add_sorted(out, &line);
}

int kb_compare_kstats(const void *a, const void *b)
{
    const kstat_t *x = ((const kb_kstat_t *)a)->ksp, *y = ((const kb_kstat_t *)b)->ksp;
    int c = strcasecmp(x->ks_module, y->ks_module);
    if (c != 0)
        return c;
    if (x->ks_instance != y->ks_instance)
        return x->ks_instance < y->ks_instance ? -1 : 1;
    return strcasecmp(x->ks_name, y->ks_name);
}

static void print_value(FILE *out, const kb_stat_t *s)
{
    switch (s->kind) {
    case V_INT32: fprintf(out, "%d", (int)s->v.i); break;
    case V_UINT32: fprintf(out, "%u", (unsigned)s->v.u); break;
    case V_INT64: fprintf(out, "%lld", (long long)s->v.i); break;
    case V_UINT64: fprintf(out, "%llu", (unsigned long long)s->v.u); break;
    case V_HRTIME:
        if (s->v.i == 0)
            fputc('0', out);
        else
            fprintf(out, "%.9f", s->v.i / 1000000000.0);
        break;
    case V_CHAR: fputs(s->text, out); break;
    case V_ARRAY: fprintf(out, "%.*s", s->width, s->v.s); break;
    default: fputs(s->v.s, out); break;
    }
}

void kb_print_parseable(FILE *out, const kb_kstat_t *k)
{
    const kstat_t *ksp = k->ksp;
    for (int j = 0; j < k->nstats; j++) {
        fprintf(out, "%s:%d:%s:%s\t", ksp->ks_module, ksp->ks_instance, ksp->ks_name, k->stats[j].name);
        print_value(out, &k->stats[j]);
        fputc('\n', out);
    }
}

void kb_release(kb_kstat_t *k)
{
    free(k->stats);
    k->stats = NULL;
}
