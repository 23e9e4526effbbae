/*
 * corpus.c - the cross-file pass.
 *
 * Grouping sorts an array of (key, index) pairs, so each invariant costs
 * O(n log n) over the run however many files there are. Placing a finding
 * re-reads that one file and looks the value up in its position index.
 */
#include "corpus.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../reader/document.h"

static const char *const field_pointer[AL_FACT_COUNT] = {
    NULL, "/recommendationTypeId", "/recommendationFriendlyName",
    "/recommendationResourceType", "/recommendationCategory",
};

void al_corpus_init(al_corpus *corpus)
{
    memset(corpus, 0, sizeof(*corpus));
}

void al_fact_release(al_fact *f)
{
    int k;
    free(f->file);
    free(f->cloud);
    for (k = 0; k < AL_FACT_COUNT; k++)
        free(f->value[k]);
}

void al_corpus_release(al_corpus *corpus)
{
    size_t i;
    for (i = 0; i < corpus->count; i++)
        al_fact_release(&corpus->facts[i]);
    free(corpus->facts);
    memset(corpus, 0, sizeof(*corpus));
}

int al_corpus_add(al_corpus *corpus, al_fact *fact)
{
    if (corpus->count == corpus->cap) {
        size_t ncap = corpus->cap ? corpus->cap * 2 : 256;
        al_fact *nf = realloc(corpus->facts, ncap * sizeof(*nf));
        if (!nf) {
            al_fact_release(fact);
            return -1;
        }
        corpus->facts = nf;
        corpus->cap = ncap;
    }
    corpus->facts[corpus->count++] = *fact;
    memset(fact, 0, sizeof(*fact));
    return 0;
}

/* Position of FIELD in DOC, or 1:1 when it is not there. */
static al_pos field_pos(al_doc *doc, al_fact_field field)
{
    al_pos p = {1, 1};
    if (field == AL_FACT_ARTICLE_ID) {
        const al_attr *a = al_doc_attr(doc, "articleId");
        if (a)
            p = al_source_pos(&doc->src, a->value_off);
    } else {
        const al_posindex *ix = al_doc_index(doc);
        const al_posentry *e = ix ? al_posindex_find(ix, field_pointer[field]) : NULL;
        if (e)
            p = al_source_pos(&doc->src, e->val_off);
    }
    return p;
}

void al_corpus_place(al_corpus_check *cc, size_t i, al_fact_field field)
{
    al_fact *f = &cc->corpus->facts[i];
    al_source src;
    al_doc doc;
    int kind, k;

    if (f->line[field])
        return;
    /* one read places every field: a file breaking one invariant often breaks another */
    for (k = 0; k < AL_FACT_COUNT; k++) {
        f->line[k] = 1;
        f->column[k] = 1;
    }
    if (al_source_read(&src, f->file) != 0)
        return;
    kind = al_doc_kind_from_name(f->file);
    if (kind < 0)
        kind = (int)al_doc_sniff_kind(src.data, src.len);
    if (al_doc_load(&doc, &src, (al_doc_kind)kind, NULL) == 0) {
        for (k = 0; k < AL_FACT_COUNT; k++) {
            al_pos p = field_pos(&doc, (al_fact_field)k);
            f->line[k] = p.line;
            f->column[k] = p.column;
        }
    }
    al_doc_release(&doc);
}

void al_corpus_report(al_corpus_check *cc, const char *rule_id, size_t i, al_fact_field field,
                      const char *fmt, ...)
{
    const al_rule *rule = al_rule_find(rule_id);
    al_fact *f = &cc->corpus->facts[i];
    char msg[1024];
    va_list ap;

    if (!rule)
        return;
    al_corpus_place(cc, i, field);
    va_start(ap, fmt);
    vsnprintf(msg, sizeof(msg), fmt, ap);
    va_end(ap);
    if (al_findings_add(cc->out, f->file, f->line[field], f->column[field], f->line[field],
                        f->column[field], field_pointer[field], rule->id, rule->severity, msg) == 0 &&
        cc->out->count) {
        const char *v = f->value[field] ? f->value[field] : "";
        al_findings_last(cc->out)->fingerprint =
            al_fingerprint(rule->id, field_pointer[field], v, strlen(v));
    }
}

typedef struct keyed {
    char *key;
    size_t index;
} keyed;

static int cmp_keyed(const void *a, const void *b)
{
    const keyed *x = a, *y = b;
    int c = strcmp(x->key, y->key);
    if (c)
        return c;
    return x->index < y->index ? -1 : x->index > y->index;
}

void al_corpus_groups(al_corpus_check *cc, char *(*key)(const al_fact *, void *), void *kud,
                      void (*fn)(al_corpus_check *, const size_t *, size_t, void *), void *ud)
{
    size_t n = cc->corpus->count, m = 0, i, j;
    keyed *ks = malloc((n ? n : 1) * sizeof(*ks));
    size_t *idx = malloc((n ? n : 1) * sizeof(*idx));

    if (!ks || !idx)
        goto done;
    for (i = 0; i < n; i++) {
        char *k = key(&cc->corpus->facts[i], kud);
        if (!k)
            continue;
        ks[m].key = k;
        ks[m].index = i;
        m++;
    }
    qsort(ks, m, sizeof(*ks), cmp_keyed);
    for (i = 0; i < m; i = j) {
        size_t g = 0;
        for (j = i; j < m && !strcmp(ks[j].key, ks[i].key); j++)
            idx[g++] = ks[j].index;
        if (g > 1)
            fn(cc, idx, g, ud);
    }
    for (i = 0; i < m; i++)
        free(ks[i].key);
done:
    free(ks);
    free(idx);
}

void al_corpus_run(al_corpus *corpus, al_findings *out)
{
    size_t n, i;
    const al_rule *const *rules = al_rules_all(&n);
    al_corpus_check cc;

    cc.corpus = corpus;
    cc.out = out;
    for (i = 0; i < n; i++)
        if (rules[i]->check_corpus)
            rules[i]->check_corpus(&cc);
}
