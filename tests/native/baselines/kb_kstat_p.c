/*
 * The C baseline of the kstat command's start-up case: one whole process doing what `kstat -p --file CAPTURE
 * [SELECTOR ...]` does, in plain C over the libkstat test double, as the illumos kstat(1) would over the kernel.
 *
 *   kstat-p-baseline CAPTURE [module:instance:name ...]
 *
 * It loads the first round of a `kstat -p` capture into the double (kd_load_capture: the capture's text parsed
 * into kstats), opens the chain, reads the kstats the selectors name (every kstat without one) and prints them as
 * kstat -p on stdout in kstat(1)'s order (kb_print.c), per selector in command-line order. A selector names a
 * kstat exactly (kstat(1)'s gmatch on a pattern without wildcards); an empty field matches anything. Exit status
 * as kstat(1)'s: 0 something printed, 1 nothing matched, 3 the capture could not be loaded.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "kstat_abi.h"
#include "kb_print.h"

/* The double's capture loader and its last error (tests/native/kd_capture.c, kd_control.c). */
extern int kd_load_capture(const char *path);
extern const char *kd_last_error(void);

typedef struct selector {
    char *module, *instance, *name;
} selector_t;

static selector_t parse_selector(char *text)
{
    selector_t s = {text, "", ""};
    char *colon = strchr(text, ':');
    if (colon != NULL) {
        *colon = '\0';
        s.instance = colon + 1;
        if ((colon = strchr(s.instance, ':')) != NULL) {
            *colon = '\0';
            s.name = colon + 1;
        }
    }
    return s;
}

static int field_matches(const char *field, const char *value)
{
    return *field == '\0' || strcmp(field, value) == 0;
}

static int matches(const selector_t *s, const kstat_t *ksp)
{
    char instance[16];
    snprintf(instance, sizeof(instance), "%d", ksp->ks_instance);
    return field_matches(s->module, ksp->ks_module) && field_matches(s->instance, instance) &&
           field_matches(s->name, ksp->ks_name);
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: %s CAPTURE [module:instance:name ...]\n", argv[0]);
        return 2;
    }
    if (kd_load_capture(argv[1]) < 0) {
        fprintf(stderr, "kstat-p-baseline: %s\n", kd_last_error());
        return 3;
    }
    kstat_ctl_t *kc = kstat_open();
    if (kc == NULL) {
        perror("kstat_open");
        return 3;
    }
    int nselectors = argc > 2 ? argc - 2 : 1;
    selector_t *selectors = calloc((size_t)nselectors, sizeof(*selectors));
    for (int i = 0; i < nselectors; i++)
        selectors[i] = argc > 2 ? parse_selector(argv[i + 2]) : (selector_t){"", "", ""};
    size_t cap = 0;
    for (kstat_t *ksp = kc->kc_chain; ksp != NULL; ksp = ksp->ks_next)
        cap++;
    kb_kstat_t *selected = calloc(cap, sizeof(*selected));
    int printed = 0;
    for (int i = 0; i < nselectors; i++) {
        size_t n = 0;
        for (kstat_t *ksp = kc->kc_chain; ksp != NULL; ksp = ksp->ks_next)
            if (!kb_skipped(ksp) && matches(&selectors[i], ksp))
                kb_collect(kc, ksp, &selected[n++]);
        qsort(selected, n, sizeof(*selected), kb_compare_kstats);
        for (size_t j = 0; j < n; j++) {
            kb_print_parseable(stdout, &selected[j]);
            kb_release(&selected[j]);
        }
        printed |= n > 0;
    }
    free(selected);
    free(selectors);
    kstat_close(kc);
    return fflush(stdout) == 0 ? !printed : 3;
}
