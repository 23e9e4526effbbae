/*
 * friendly_name_type.c - rule 'friendly-name-type': a recommendationFriendlyName
 * belongs to one recommendationTypeId.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "corpus.h"

static int eligible(const al_fact *f)
{
    return f->value[AL_FACT_FRIENDLY_NAME] && *f->value[AL_FACT_FRIENDLY_NAME] &&
           f->value[AL_FACT_TYPE_ID];
}

static int cmp(const al_fact *a, const al_fact *b)
{
    return strcmp(a->value[AL_FACT_FRIENDLY_NAME], b->value[AL_FACT_FRIENDLY_NAME]);
}

static void group(al_corpus_check *cc, const size_t *idx, size_t n, void *ud)
{
    size_t k, m;
    (void)ud;
    for (k = 0; k < n; k++) {
        al_fact *f = &cc->corpus->facts[idx[k]];
        for (m = 0; m < n; m++) {
            al_fact *o = &cc->corpus->facts[idx[m]];
            if (!strcasecmp(f->value[AL_FACT_TYPE_ID], o->value[AL_FACT_TYPE_ID]))
                continue;
            al_corpus_place(cc, idx[m], AL_FACT_FRIENDLY_NAME);
            al_corpus_report(
                cc, "friendly-name-type", idx[k], AL_FACT_FRIENDLY_NAME,
                "recommendationFriendlyName \"%s\" also names recommendationTypeId \"%s\" in %s:%d:%d",
                f->value[AL_FACT_FRIENDLY_NAME], o->value[AL_FACT_TYPE_ID], o->file,
                o->line[AL_FACT_FRIENDLY_NAME], o->column[AL_FACT_FRIENDLY_NAME]);
            break;
        }
    }
}

static void check_corpus(al_corpus_check *cc)
{
    al_corpus_groups(cc, eligible, cmp, group, NULL);
}

const al_rule al_rule_friendly_name_type = {
    "friendly-name-type",
    AL_SEV_ERROR,
    "one friendly name is used by two recommendationTypeIds",
    "## What it flags\n"
    "A recommendationFriendlyName that another file uses for a different recommendationTypeId.\n"
    "Each such file is flagged, naming a file with another type.\n\n"
    "## Why it matters\n"
    "The friendly name identifies the recommendation in code (advisor-codegen names its rule\n"
    "after it) and in dashboards: two types under one name collide.\n\n"
    "## Example\n"
    "`\"recommendationFriendlyName\": \"ExpressRouteGatewayRedundancy\"` in two files with\n"
    "different recommendationTypeIds.\n\n"
    "## Fix\n"
    "Rename one of them, or, if they are the same recommendation, give them the same type id.",
    NULL,
    check_corpus,
    NULL,
};
