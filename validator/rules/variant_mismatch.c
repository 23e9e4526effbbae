/*
 * variant_mismatch.c - rule 'variant-mismatch': the per-cloud variants of a
 * recommendationTypeId agree on friendly name, resource type and category.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "corpus.h"

static int eligible(const al_fact *f)
{
    return f->value[AL_FACT_TYPE_ID] && *f->value[AL_FACT_TYPE_ID];
}

static int cmp(const al_fact *a, const al_fact *b)
{
    return strcasecmp(a->value[AL_FACT_TYPE_ID], b->value[AL_FACT_TYPE_ID]);
}

static const struct {
    al_fact_field field;
    const char *name;
    int nocase;
} compared[] = {
    { AL_FACT_FRIENDLY_NAME, "recommendationFriendlyName", 0 },
    { AL_FACT_RESOURCE_TYPE, "recommendationResourceType", 1 },
    { AL_FACT_CATEGORY, "recommendationCategory", 0 },
};

static int same(const char *a, const char *b, int nocase)
{
    return nocase ? !strcasecmp(a, b) : !strcmp(a, b);
}

/* Index (into IDX) of the value most variants have; ties go to the first met. */
static size_t majority(al_corpus_check *cc, const size_t *idx, size_t n, al_fact_field field,
                       int nocase)
{
    size_t best = 0, best_count = 0, k, m;
    for (k = 0; k < n; k++) {
        const char *v = cc->corpus->facts[idx[k]].value[field];
        size_t count = 0;
        if (!v)
            continue;
        for (m = 0; m < n; m++) {
            const char *w = cc->corpus->facts[idx[m]].value[field];
            if (w && same(v, w, nocase))
                count++;
        }
        if (count > best_count) {
            best = k;
            best_count = count;
        }
    }
    return best;
}

static void group(al_corpus_check *cc, const size_t *idx, size_t n, void *ud)
{
    size_t k, c;
    (void)ud;
    for (c = 0; c < sizeof(compared) / sizeof(compared[0]); c++) {
        al_fact_field field = compared[c].field;
        size_t ref = majority(cc, idx, n, field, compared[c].nocase);
        al_fact *r = &cc->corpus->facts[idx[ref]];
        if (!r->value[field])
            continue;
        for (k = 0; k < n; k++) {
            al_fact *f = &cc->corpus->facts[idx[k]];
            if (!f->value[field] || same(r->value[field], f->value[field], compared[c].nocase))
                continue;
            al_corpus_place(cc, idx[ref], field);
            al_corpus_report(
                cc, "variant-mismatch", idx[k], field,
                "%s \"%s\" differs from \"%s\" in %s:%d:%d, a variant of the same recommendationTypeId",
                compared[c].name, f->value[field], r->value[field], r->file, r->line[field],
                r->column[field]);
        }
    }
}

static void check_corpus(al_corpus_check *cc)
{
    al_corpus_groups(cc, eligible, cmp, group, NULL);
}

const al_rule al_rule_variant_mismatch = {
    "variant-mismatch",
    AL_SEV_WARNING,
    "per-cloud variants of one recommendationTypeId disagree",
    "## What it flags\n"
    "Files sharing a recommendationTypeId (its per-cloud variants) whose friendly name, resource\n"
    "type (compared case-insensitively) or category differ from what most of the variants say\n"
    "(on a tie, the first file met). Each diverging file is flagged, naming one that agrees.\n\n"
    "## Why it matters\n"
    "Variants are one recommendation shown in several clouds: when one is edited and the others\n"
    "are not, clouds drift apart. One real type disagrees on category, hence a warning.\n\n"
    "## Example\n"
    "`x-public.md` with `\"recommendationCategory\": \"Cost\"` and `x-fairfax.md` with\n"
    "`\"recommendationCategory\": \"Performance\"`.\n\n"
    "## Fix\n"
    "Make the variants agree, or give the diverging one its own recommendationTypeId.",
    NULL,
    check_corpus,
    NULL,
};
