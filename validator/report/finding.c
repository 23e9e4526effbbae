/*
 * finding.c - the findings list: a growable array of owned findings.
 */
#include "advisor/finding.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../util/grow.h"
#include "../util/hash.h"
#include "../util/str.h"

void al_findings_init(al_findings *list)
{
    memset(list, 0, sizeof(*list));
}

static void finding_release(al_finding *f)
{
    free(f->file);
    free(f->pointer);
    free(f->message);
    free(f->fix);
}

void al_findings_release(al_findings *list)
{
    size_t i;
    for (i = 0; i < list->count; i++)
        finding_release(&list->items[i]);
    free(list->items);
    memset(list, 0, sizeof(*list));
}

static int reserve(al_findings *list, size_t extra)
{
    return al_grow(&list->items, &list->cap, list->count + extra, sizeof(*list->items), 16);
}

int al_findings_add(al_findings *list, const char *file, int line, int column, int end_line,
                    int end_column, const char *pointer, const char *rule, al_severity severity,
                    const char *message)
{
    al_finding f;

    if (severity == AL_SEV_OFF)
        return 0;
    if (reserve(list, 1) != 0)
        return -1;
    memset(&f, 0, sizeof(f));
    f.file = al_strdup_or_null(file ? file : "");
    f.pointer = al_strdup_or_null(pointer);
    f.message = al_strdup_or_null(message ? message : "");
    if (!f.file || !f.message || (pointer && !f.pointer)) {
        finding_release(&f);
        return -1;
    }
    f.line = line;
    f.column = column;
    f.end_line = end_line < line ? line : end_line;
    f.end_column = (f.end_line == line && end_column < column) ? column : end_column;
    f.rule = rule;
    f.severity = severity;
    f.seq = list->count;
    f.off = AL_NO_SPAN;
    f.end = AL_NO_SPAN;
    list->items[list->count++] = f;
    list->by_severity[severity]++;
    return 0;
}

int al_findings_take(al_findings *dst, al_findings *src)
{
    size_t i;
    if (reserve(dst, src->count) != 0)
        return -1;
    for (i = 0; i < src->count; i++) {
        al_finding f = src->items[i];
        f.seq = dst->count;
        dst->items[dst->count++] = f;
        dst->by_severity[f.severity]++;
    }
    free(src->items);
    memset(src, 0, sizeof(*src));
    return 0;
}

al_finding *al_findings_last(al_findings *list)
{
    return list->count ? &list->items[list->count - 1] : NULL;
}

int al_finding_set_fix(al_finding *f, const char *fix)
{
    char *d = al_strdup_or_null(fix);
    if (fix && !d)
        return -1;
    free(f->fix);
    f->fix = d;
    return 0;
}

/* FNV-1a of S (LEN bytes) without its carriage returns: CRLF and LF files fingerprint alike. */
static uint64_t fnv(uint64_t h, const char *s, size_t len)
{
    const char *cr;
    while ((cr = memchr(s, '\r', len)) != NULL) {
        h = al_fnv1a(h, s, (size_t)(cr - s));
        len -= (size_t)(cr - s) + 1;
        s = cr + 1;
    }
    return al_fnv1a(h, s, len);
}

unsigned long long al_fingerprint(const char *rule, const char *pointer, const char *text,
                                  size_t len)
{
    uint64_t h = AL_FNV1A_BASIS;
    char n[24];
    int k;
    h = fnv(h, rule, strlen(rule) + 1);
    h = fnv(h, pointer ? pointer : "", pointer ? strlen(pointer) + 1 : 1);
    if (text && len > AL_FINGERPRINT_TEXT_MAX) {
        /* a huge value (the whole body, for a finding at the root): its start and its length */
        k = snprintf(n, sizeof(n), "%zu", len);
        h = fnv(h, n, (size_t)k + 1);
        len = AL_FINGERPRINT_TEXT_MAX;
    }
    h = fnv(h, text ? text : "", text ? len : 0);
    return h ? h : 1;
}

void al_findings_remove(al_findings *list, size_t i)
{
    if (i >= list->count)
        return;
    list->by_severity[list->items[i].severity]--;
    finding_release(&list->items[i]);
    memmove(&list->items[i], &list->items[i + 1], (list->count - i - 1) * sizeof(*list->items));
    list->count--;
}

void al_findings_recount(al_findings *list)
{
    size_t i;
    memset(list->by_severity, 0, sizeof(list->by_severity));
    for (i = 0; i < list->count; i++)
        list->by_severity[list->items[i].severity]++;
}

static int compare(const void *a, const void *b)
{
    const al_finding *x = a, *y = b;
    int c = strcmp(x->file, y->file);
    if (c)
        return c;
    if (x->line != y->line)
        return x->line < y->line ? -1 : 1;
    if (x->column != y->column)
        return x->column < y->column ? -1 : 1;
    if (x->seq != y->seq)
        return x->seq < y->seq ? -1 : 1;
    return 0;
}

void al_findings_sort(al_findings *list)
{
    if (list->count > 1)
        qsort(list->items, list->count, sizeof(*list->items), compare);
}

const char *al_severity_name(al_severity sev)
{
    switch (sev) {
    case AL_SEV_ERROR: return "error";
    case AL_SEV_WARNING: return "warning";
    case AL_SEV_INFO: return "info";
    default: return "off";
    }
}

int al_severity_parse(const char *name, al_severity *out)
{
    static const struct {
        const char *name;
        al_severity sev;
    } names[] = {
        { "error", AL_SEV_ERROR },
        { "warning", AL_SEV_WARNING },
        { "info", AL_SEV_INFO },
        { "off", AL_SEV_OFF },
    };
    size_t i;
    for (i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
        if (strcmp(name, names[i].name) == 0) {
            *out = names[i].sev;
            return 0;
        }
    }
    return -1;
}
