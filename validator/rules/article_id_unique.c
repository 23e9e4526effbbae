/*
 * article_id_unique.c - rule 'article-id-unique': no two files share an articleId.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "corpus.h"

static int eligible(const al_fact *f)
{
    return f->value[AL_FACT_ARTICLE_ID] && *f->value[AL_FACT_ARTICLE_ID];
}

static int cmp(const al_fact *a, const al_fact *b)
{
    return strcasecmp(a->value[AL_FACT_ARTICLE_ID], b->value[AL_FACT_ARTICLE_ID]);
}

static void group(al_corpus_check *cc, const size_t *idx, size_t n, void *ud)
{
    size_t k;
    (void)ud;
    for (k = 0; k < n; k++) {
        size_t other = idx[k == 0 ? 1 : 0];
        al_fact *o = &cc->corpus->facts[other];
        al_corpus_place(cc, other, AL_FACT_ARTICLE_ID);
        al_corpus_report(cc, "article-id-unique", idx[k], AL_FACT_ARTICLE_ID,
                         "articleId \"%s\" is also the articleId of %s:%d:%d%s",
                         cc->corpus->facts[idx[k]].value[AL_FACT_ARTICLE_ID], o->file,
                         o->line[AL_FACT_ARTICLE_ID], o->column[AL_FACT_ARTICLE_ID],
                         n > 2 ? " and others" : "");
    }
}

static void check_corpus(al_corpus_check *cc)
{
    al_corpus_groups(cc, eligible, cmp, group, NULL);
}

const al_rule al_rule_article_id_unique = {
    "article-id-unique",
    AL_SEV_ERROR,
    "two files have the same articleId",
    "## What it flags\n"
    "Files of one run (a pull request lints the whole tree) whose articleId header attributes\n"
    "are equal, compared case-insensitively. Each file is flagged, naming another. Files given\n"
    "alone (pre-commit, `--changed-since`) are compared with every file of their repository\n"
    "too, and only they are flagged.\n\n"
    "## Why it matters\n"
    "articleId is the key the recommendation is published under: the second file overwrites\n"
    "the first. It held in all 683 real files, so a duplicate is almost surely a copied file.\n\n"
    "## Example\n"
    "`keyvault-public.md` and `keyvault-fairfax.md` both with\n"
    "`articleId=\"4a031d69-19fd-495f-9d25-93afbf7f1e89_Public\"`.\n\n"
    "## Fix\n"
    "Give the copy its own articleId, with the suffix of its cloud (`..._Fairfax`).",
    NULL,
    check_corpus,
    NULL,
};
