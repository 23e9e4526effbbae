/*
 * suppress.c - severities from the config, suppressions, unused suppressions.
 *
 * The config is resolved once per file into that file's policy (config.h:
 * severities and the suppress entries naming it): the findings of one file
 * are contiguous before sorting (one slot each), so a one-entry cache keyed
 * by the display path resolves each file once in practice. Header
 * suppressions are sorted by file and rule id once, then looked up by
 * binary search for each finding.
 */
#include "suppress.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../rules/rule.h"
#include "../rules/check.h"
#include "../util/glob.h"
#include "../util/grow.h"

void al_suppressions_init(al_suppressions *list)
{
    memset(list, 0, sizeof(*list));
}

void al_suppressions_release(al_suppressions *list)
{
    size_t i;
    for (i = 0; i < list->count; i++) {
        free(list->items[i].file);
        free(list->items[i].name);
    }
    free(list->items);
    memset(list, 0, sizeof(*list));
}

static int reserve(al_suppressions *list, size_t extra)
{
    return al_grow(&list->items, &list->cap, list->count + extra, sizeof(*list->items), 8);
}

int al_suppressions_take(al_suppressions *dst, al_suppressions *src)
{
    if (reserve(dst, src->count) != 0)
        return -1;
    if (src->count)
        memcpy(dst->items + dst->count, src->items, src->count * sizeof(*src->items));
    dst->count += src->count;
    free(src->items);
    memset(src, 0, sizeof(*src));
    return 0;
}

static int is_sep(char c)
{
    return c == ',' || c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

int al_suppressions_from_header(al_suppressions *list, al_doc *doc, const char *file)
{
    const al_attr *a = al_doc_attr(doc, AL_IGNORE_ATTR);
    const char *v;
    size_t i = 0;
    if (!a)
        return 0;
    v = a->value;
    while (v[i]) {
        al_header_suppression *h;
        size_t s;
        al_pos p, q;
        while (v[i] && is_sep(v[i]))
            i++;
        if (!v[i])
            break;
        s = i;
        while (v[i] && !is_sep(v[i]))
            i++;
        if (reserve(list, 1) != 0)
            return -1;
        h = &list->items[list->count];
        memset(h, 0, sizeof(*h));
        h->file = strdup(file);
        h->name = strndup(v + s, i - s);
        if (!h->file || !h->name) {
            free(h->file);
            free(h->name);
            return -1;
        }
        h->rule = al_rule_find(h->name);
        h->off = a->value_off + s;
        h->end = a->value_off + i;
        p = al_source_pos(&doc->src, h->off);
        q = al_source_pos(&doc->src, h->end);
        h->line = p.line;
        h->column = p.column;
        h->end_line = q.line;
        h->end_column = q.column;
        list->count++;
    }
    return 0;
}

typedef struct policy_cache {
    const al_config *cfg;
    char *file;       /* owned copy of the key, NULL when empty */
    al_policy policy; /* FILE's policy */
    int failed;       /* memory ran out */
} policy_cache;

/* FILE's policy, resolved when FILE differs from the last one asked for. */
static const al_policy *policy_for(policy_cache *pc, const char *file)
{
    char *rel;
    if (pc->file && !strcmp(pc->file, file))
        return &pc->policy;
    free(pc->file);
    al_policy_release(&pc->policy);
    pc->file = strdup(file);
    rel = pc->cfg ? al_config_relpath_new(pc->cfg, file) : NULL;
    if (!pc->file || al_policy_resolve(&pc->policy, pc->cfg, rel) != 0)
        pc->failed = 1;
    free(rel);
    return &pc->policy;
}

static void policy_cache_release(policy_cache *pc)
{
    free(pc->file);
    al_policy_release(&pc->policy);
}

static int cmp_header(const void *a, const void *b)
{
    const al_header_suppression *x = a, *y = b;
    int c = strcmp(x->file, y->file);
    return c ? c : strcmp(x->name, y->name);
}

/* Marks and returns whether an entry of HDR (sorted by file and id) names F's rule in F's file. */
static int header_suppresses(al_suppressions *hdr, const al_finding *f)
{
    size_t lo = 0, hi = hdr->count;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        const al_header_suppression *h = &hdr->items[mid];
        int c = strcmp(h->file, f->file);
        if (!c)
            c = strcmp(h->name, f->rule);
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo == hdr->count || strcmp(hdr->items[lo].file, f->file) ||
        strcmp(hdr->items[lo].name, f->rule))
        return 0;
    hdr->items[lo].used++;
    return 1;
}

/* USED counts, per config suppression, per rule id: [s][r] at used[off[s] + r]. */
static int config_suppresses(const al_config *cfg, const al_policy *pol, const al_finding *f,
                             size_t *used, const size_t *off)
{
    size_t k, s, r;
    if (!cfg)
        return 0;
    for (k = 0; k < pol->nsuppress; k++) {
        const al_config_suppression *cs = &cfg->suppress[s = pol->suppress[k]];
        for (r = 0; r < cs->nrules; r++) {
            if (!strcmp(cs->rules[r]->id, f->rule)) {
                used[off[s] + r]++;
                return 1;
            }
        }
    }
    return 0;
}

static int report_header(policy_cache *pc, al_findings *list, const al_header_suppression *h,
                         const al_rule *unused)
{
    char msg[512];
    al_severity sev = al_policy_severity(policy_for(pc, h->file), unused);
    size_t before = list->count;
    al_finding *f;
    if (h->used)
        return 0;
    if (h->rule)
        snprintf(msg, sizeof(msg), "suppression of '%s' suppresses nothing in this file", h->name);
    else
        snprintf(msg, sizeof(msg), "suppression names unknown rule '%s'", h->name);
    if (al_findings_add(list, h->file, h->line, h->column, h->end_line, h->end_column, NULL,
                        unused->id, sev, msg) != 0)
        return -1;
    if (list->count > before) {
        f = al_findings_last(list);
        f->off = h->off;
        f->end = h->end;
        f->fingerprint = al_fingerprint(unused->id, NULL, h->name, strlen(h->name));
    }
    return 0;
}

/* Whether the run checked a file one of CS's globs names. */
static int entry_covered(const al_config *cfg, const al_config_suppression *cs,
                         char *const *checked, size_t nchecked)
{
    size_t i;
    for (i = 0; i < nchecked; i++) {
        char *rel = al_config_relpath_new(cfg, checked[i]);
        int hit = rel && al_glob_match_any(cs->files, cs->nfiles, rel);
        free(rel);
        if (hit)
            return 1;
    }
    return 0;
}

static int report_config(const al_config *cfg, al_findings *list, const size_t *used,
                         const size_t *off, char *const *checked, size_t nchecked,
                         const al_rule *unused)
{
    size_t s, r;
    char msg[512];
    al_severity sev = al_config_severity(cfg, NULL, unused);
    for (s = 0; s < cfg->nsuppress; s++) {
        const al_config_suppression *cs = &cfg->suppress[s];
        if (!entry_covered(cfg, cs, checked, nchecked))
            continue;
        for (r = 0; r < cs->nrules; r++) {
            size_t before = list->count;
            if (used[off[s] + r])
                continue;
            snprintf(msg, sizeof(msg),
                     "suppression of '%s' suppresses nothing in the files it names",
                     cs->rules[r]->id);
            if (al_findings_add(list, cfg->path, cs->line[r], cs->column[r], cs->line[r],
                                cs->column[r], NULL, unused->id, sev, msg) != 0)
                return -1;
            if (list->count > before)
                al_findings_last(list)->fingerprint =
                    al_fingerprint(unused->id, NULL, msg, strlen(msg));
        }
    }
    return 0;
}

int al_suppress_apply(const al_config *cfg, al_suppressions *hdr, al_findings *list, size_t first,
                      char *const *checked, size_t nchecked, size_t *suppressed)
{
    const al_rule *unused = al_rule_find("unused-suppression");
    size_t i, w, total = 0, *used = NULL, *off = NULL, s;
    policy_cache pc;
    int rc_status = 0;

    *suppressed = 0;
    if (hdr->count > 1)
        qsort(hdr->items, hdr->count, sizeof(*hdr->items), cmp_header);
    memset(&pc, 0, sizeof(pc));
    pc.cfg = cfg;
    if (cfg && cfg->nsuppress) {
        off = calloc(cfg->nsuppress, sizeof(*off));
        for (s = 0; off && s < cfg->nsuppress; s++) {
            off[s] = total;
            total += cfg->suppress[s].nrules;
        }
        used = calloc(total ? total : 1, sizeof(*used));
        if (!off || !used) {
            free(off);
            free(used);
            return -1;
        }
    }
    for (i = w = first; i < list->count; i++) {
        al_finding f = list->items[i];
        const al_rule *rule = al_rule_find(f.rule);
        const al_policy *pol = policy_for(&pc, f.file);
        al_severity sev = rule ? al_policy_severity(pol, rule) : f.severity;
        int drop = sev == AL_SEV_OFF;
        if (!drop && (header_suppresses(hdr, &f) || config_suppresses(cfg, pol, &f, used, off))) {
            drop = 1;
            (*suppressed)++;
        }
        if (drop) {
            free(f.file);
            free(f.pointer);
            free(f.message);
            free(f.fix);
            continue;
        }
        f.severity = sev;
        list->items[w++] = f;
    }
    list->count = w;
    for (i = 0; i < hdr->count && rc_status == 0; i++)
        rc_status = report_header(&pc, list, &hdr->items[i], unused);
    if (rc_status == 0 && cfg && cfg->nsuppress)
        rc_status = report_config(cfg, list, used, off, checked, nchecked, unused);
    al_findings_recount(list);
    if (pc.failed)
        rc_status = -1;
    policy_cache_release(&pc);
    free(used);
    free(off);
    return rc_status;
}
