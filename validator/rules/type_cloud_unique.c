/*
 * type_cloud_unique.c - rule 'type-cloud-unique': one file per
 * (recommendationTypeId, articleId cloud suffix).
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "corpus.h"

static int eligible(const al_fact *f)
{
    return f->value[AL_FACT_TYPE_ID] && *f->value[AL_FACT_TYPE_ID];
}

/* (recommendationTypeId, cloud suffix), both without regard to case */
static int cmp(const al_fact *a, const al_fact *b)
{
    int c = strcasecmp(a->value[AL_FACT_TYPE_ID], b->value[AL_FACT_TYPE_ID]);
    if (c)
        return c;
    return strcasecmp(a->cloud ? a->cloud : "", b->cloud ? b->cloud : "");
}

static void group(al_corpus_check *cc, const size_t *idx, size_t n, void *ud)
{
    size_t k;
    (void)ud;
    for (k = 0; k < n; k++) {
        size_t other = idx[k == 0 ? 1 : 0];
        al_fact *f = &cc->corpus->facts[idx[k]], *o = &cc->corpus->facts[other];
        al_corpus_place(cc, other, AL_FACT_TYPE_ID);
        al_corpus_report(cc, "type-cloud-unique", idx[k], AL_FACT_TYPE_ID,
                         "recommendationTypeId \"%s\" for cloud %s is also in %s:%d:%d",
                         f->value[AL_FACT_TYPE_ID], f->cloud ? f->cloud : "(no articleId suffix)",
                         o->file, o->line[AL_FACT_TYPE_ID], o->column[AL_FACT_TYPE_ID]);
    }
}

static void check_corpus(al_corpus_check *cc)
{
    al_corpus_groups(cc, eligible, cmp, group, NULL);
}

const al_rule al_rule_type_cloud_unique = {
    "type-cloud-unique",
    AL_SEV_ERROR,
    "two files define the same recommendationTypeId for the same cloud",
    "## What it flags\n"
    "Two files with the same recommendationTypeId and the same articleId cloud suffix (or both\n"
    "without a suffix). Per-cloud variants of one type are expected: `_Public`, `_Fairfax`, ...\n\n"
    "## Why it matters\n"
    "The pipeline keeps one definition per type and cloud: one of the two silently wins. It held\n"
    "in all 683 real files.\n\n"
    "## Example\n"
    "`x-public.md` and `x-public-copy.md`, both `_Public`, both with recommendationTypeId\n"
    "`70f87e66-9b2d-4bfa-ae38-1d7d74837689`.\n\n"
    "## Fix\n"
    "Delete the copy, or give the new recommendation its own recommendationTypeId.",
    NULL,
    check_corpus,
    NULL,
};
