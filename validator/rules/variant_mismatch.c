/*
 * variant_mismatch.c - rule 'variant-mismatch': the per-cloud variants of a
 * recommendationTypeId agree on friendly name, resource type and category.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "../lint/corpus.h"

static char *key(const al_fact *f, void *ud)
{
    const char *t = f->value[AL_FACT_TYPE_ID];
    char *k;
    size_t i;
    (void)ud;
    if (!t || !*t)
        return NULL;
    k = strdup(t);
    for (i = 0; k && k[i]; i++)
        k[i] = (char)tolower((unsigned char)k[i]);
    return k;
}

static const struct {
    al_fact_field field;
    const char *name;
    int nocase;
} compared[] = {
    {AL_FACT_FRIENDLY_NAME, "recommendationFriendlyName", 0},
    {AL_FACT_RESOURCE_TYPE, "recommendationResourceType", 1},
    {AL_FACT_CATEGORY, "recommendationCategory", 0},
};

static void group(al_corpus_check *cc, const size_t *idx, size_t n, void *ud)
{
    size_t k, c;
    al_fact *first = &cc->corpus->facts[idx[0]];
    (void)ud;
    for (k = 1; k < n; k++) {
        al_fact *f = &cc->corpus->facts[idx[k]];
        for (c = 0; c < sizeof(compared) / sizeof(compared[0]); c++) {
            const char *a = first->value[compared[c].field], *b = f->value[compared[c].field];
            if (!a || !b)
                continue;
            if (compared[c].nocase ? !strcasecmp(a, b) : !strcmp(a, b))
                continue;
            al_corpus_place(cc, idx[0], compared[c].field);
            al_corpus_report(cc, "variant-mismatch", idx[k], compared[c].field,
                             "%s \"%s\" differs from \"%s\" in %s:%d:%d, a variant of the same recommendationTypeId",
                             compared[c].name, b, a, first->file, first->line[compared[c].field],
                             first->column[compared[c].field]);
        }
    }
}

static void check_corpus(al_corpus_check *cc)
{
    al_corpus_groups(cc, key, NULL, group, NULL);
}

const al_rule al_rule_variant_mismatch = {
    "variant-mismatch",
    AL_SEV_WARNING,
    "per-cloud variants of one recommendationTypeId disagree",
    "## What it flags\n"
    "Files sharing a recommendationTypeId (its per-cloud variants) whose friendly name, resource\n"
    "type (compared case-insensitively) or category differ from the first variant met.\n\n"
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
};
