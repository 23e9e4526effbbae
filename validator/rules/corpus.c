/*
 * corpus.c - the cross-file pass.
 *
 * Grouping sorts an array of (key, index) pairs, so each invariant costs
 * O(n log n) over the run however many files there are. Placing a finding
 * re-reads that one file and looks the value up in its position index.
 */
#include "corpus.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../advisor/advisor.h"
#include "../reader/document.h"
#include "../util/grow.h"
#include "../util/hash.h"
#include "../util/str.h"

static const char *const field_pointer[AL_FACT_COUNT] = {
    NULL,
    "/recommendationTypeId",
    "/recommendationFriendlyName",
    "/recommendationResourceType",
    "/recommendationCategory",
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

/* ---- the intern pool ---- */

#define BLOCK_SIZE ((size_t)64 * 1024)

struct al_intern_block {
    al_intern_block *next;
    size_t used, size;
    char data[];
};

/* Where S's probe starts in a table of N (a power of two) slots. */
static size_t first_slot(const char *s, size_t n)
{
    return (size_t)al_fnv1a_str(AL_FNV1A_BASIS, s) & (n - 1);
}

static char *pool_copy(al_corpus *c, const char *s)
{
    size_t n = strlen(s) + 1;
    al_intern_block *b = c->blocks;
    char *p;
    if (!b || b->used + n > b->size) {
        size_t size = n > BLOCK_SIZE ? n : BLOCK_SIZE;
        b = malloc(sizeof(*b) + size);
        if (!b)
            return NULL;
        b->size = size;
        b->used = 0;
        b->next = c->blocks;
        c->blocks = b;
    }
    p = b->data + b->used;
    memcpy(p, s, n);
    b->used += n;
    return p;
}

static int grow_set(al_corpus *c)
{
    size_t n = c->nslots ? c->nslots * 2 : 1024, i;
    const char **slots = calloc(n, sizeof(*slots));
    if (!slots)
        return -1;
    for (i = 0; i < c->nslots; i++) {
        const char *s = c->slots[i];
        size_t k;
        if (!s)
            continue;
        for (k = first_slot(s, n); slots[k]; k = (k + 1) & (n - 1))
            ;
        slots[k] = s;
    }
    free(c->slots);
    c->slots = slots;
    c->nslots = n;
    return 0;
}

/* The pool's copy of S (NULL for NULL), stored once however often it is kept. */
static const char *intern(al_corpus *c, const char *s, int *failed)
{
    size_t k;
    if (!s)
        return NULL;
    if ((c->nstrings + 1) * 2 > c->nslots && grow_set(c) != 0) {
        *failed = 1;
        return NULL;
    }
    for (k = first_slot(s, c->nslots); c->slots[k]; k = (k + 1) & (c->nslots - 1))
        if (!strcmp(c->slots[k], s))
            return c->slots[k];
    c->slots[k] = pool_copy(c, s);
    if (!c->slots[k]) {
        *failed = 1;
        return NULL;
    }
    c->nstrings++;
    return c->slots[k];
}

void al_corpus_release(al_corpus *corpus)
{
    al_intern_block *b = corpus->blocks;
    while (b) {
        al_intern_block *next = b->next;
        free(b);
        b = next;
    }
    free(corpus->slots);
    free(corpus->facts);
    memset(corpus, 0, sizeof(*corpus));
}

int al_corpus_add(al_corpus *corpus, al_fact *fact)
{
    int rc = al_corpus_add_copy(corpus, fact);
    al_fact_release(fact);
    memset(fact, 0, sizeof(*fact));
    return rc;
}

int al_corpus_add_copy(al_corpus *corpus, const al_fact *fact)
{
    al_fact kept;
    int k, failed = 0;

    if (al_grow(&corpus->facts, &corpus->cap, corpus->count + 1, sizeof(*corpus->facts), 256) != 0)
        return -1;
    kept = *fact;
    kept.file = (char *)intern(corpus, fact->file, &failed);
    kept.cloud = (char *)intern(corpus, fact->cloud, &failed);
    for (k = 0; k < AL_FACT_COUNT; k++)
        kept.value[k] = (char *)intern(corpus, fact->value[k], &failed);
    if (failed)
        return -1;
    corpus->facts[corpus->count++] = kept;
    return 0;
}

int al_corpus_add_borrowed(al_corpus *corpus, const al_fact *fact)
{
    if (al_grow(&corpus->facts, &corpus->cap, corpus->count + 1, sizeof(*corpus->facts), 256) != 0)
        return -1;
    corpus->facts[corpus->count++] = *fact;
    return 0;
}

/* Position of FIELD in DOC, or 1:1 when it is not there. */
static al_pos field_pos(al_doc *doc, al_fact_field field)
{
    al_pos p = { 1, 1 };
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

void al_fact_place(al_fact *f, al_doc *doc)
{
    int k;
    for (k = 0; k < AL_FACT_COUNT; k++) {
        al_pos p = field_pos(doc, (al_fact_field)k);
        f->line[k] = p.line;
        f->column[k] = p.column;
    }
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
    if (al_doc_load(&doc, &src, (al_doc_kind)kind, NULL) == 0)
        al_fact_place(f, &doc);
    al_doc_release(&doc);
}

const char *al_fact_key(al_fact_field field)
{
    return field_pointer[field] ? field_pointer[field] + 1 : NULL;
}

int al_fact_from_header(al_fact *fp, const al_doc *doc, const char *file)
{
    al_fact f;
    const al_attr *aid = al_doc_attr(doc, "articleId");

    memset(&f, 0, sizeof(f));
    f.file = strdup(file);
    if (!f.file)
        return -1;
    if (aid) {
        const char *us = strchr(aid->value, '_'), *canon = NULL;
        f.value[AL_FACT_ARTICLE_ID] = strdup(aid->value);
        if (us && adv_cloud_lookup(us + 1, strlen(us + 1), &canon))
            f.cloud = strdup(canon);
        if (!f.value[AL_FACT_ARTICLE_ID] || (canon && !f.cloud)) {
            al_fact_release(&f);
            return -1;
        }
    }
    *fp = f;
    return 0;
}

int al_fact_from_doc(al_fact *fp, const al_doc *doc, const char *file)
{
    al_fact f;
    int k;

    if (al_fact_from_header(&f, doc, file) != 0)
        return -1;
    for (k = 1; k < AL_FACT_COUNT; k++) {
        const char *v =
            json_string_value(json_object_get(doc->body, al_fact_key((al_fact_field)k)));
        f.value[k] = al_strdup_or_null(v);
        if (v && !f.value[k]) {
            al_fact_release(&f);
            return -1;
        }
    }
    *fp = f;
    return 0;
}

int al_fact_copy(al_fact *dst, const al_fact *src)
{
    int k, failed = 0;
    *dst = *src;
    dst->file = al_strdup_or_null(src->file);
    dst->cloud = al_strdup_or_null(src->cloud);
    failed = !dst->file || (src->cloud && !dst->cloud);
    for (k = 0; k < AL_FACT_COUNT; k++) {
        dst->value[k] = al_strdup_or_null(src->value[k]);
        failed |= src->value[k] && !dst->value[k];
    }
    if (failed) {
        al_fact_release(dst);
        memset(dst, 0, sizeof(*dst));
        return -1;
    }
    return 0;
}

void al_corpus_report(al_corpus_check *cc, const char *rule_id, size_t i, al_fact_field field,
                      const char *fmt, ...)
{
    const al_rule *rule = al_rule_find(rule_id);
    al_fact *f = &cc->corpus->facts[i];
    char msg[1024];
    va_list ap;

    if (!rule || f->context)
        return;
    al_corpus_place(cc, i, field);
    va_start(ap, fmt);
    vsnprintf(msg, sizeof(msg), fmt, ap);
    va_end(ap);
    if (al_findings_add(cc->out, f->file, f->line[field], f->column[field], f->line[field],
                        f->column[field], field_pointer[field], rule->id, rule->severity,
                        msg) == 0 &&
        cc->out->count) {
        const char *v = f->value[field] ? f->value[field] : "";
        al_findings_last(cc->out)->fingerprint =
            al_fingerprint(rule->id, field_pointer[field], v, strlen(v));
    }
}

/* qsort has no context argument: the grouping pass is single-threaded, so a file-scope one serves. */
static const al_fact *sort_facts;
static int (*sort_cmp)(const al_fact *, const al_fact *);

static int cmp_index(const void *a, const void *b)
{
    size_t x = *(const size_t *)a, y = *(const size_t *)b;
    int c = sort_cmp(&sort_facts[x], &sort_facts[y]);
    if (c)
        return c;
    return x < y ? -1 : x > y;
}

/* Whether fact F equals (by sort_cmp) one of the facts SORTED[0..N) lists. */
static int equals_one_of(const al_fact *f, const size_t *sorted, size_t n)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int c = sort_cmp(f, &sort_facts[sorted[mid]]);
        if (c == 0)
            return 1;
        if (c < 0)
            hi = mid;
        else
            lo = mid + 1;
    }
    return 0;
}

void al_corpus_groups(al_corpus_check *cc, int (*eligible)(const al_fact *),
                      int (*cmp)(const al_fact *, const al_fact *),
                      void (*fn)(al_corpus_check *, const size_t *, size_t, void *), void *ud)
{
    size_t n = cc->corpus->count, m = 0, mine, i, j;
    size_t *idx = malloc((n ? n : 1) * sizeof(*idx));

    if (!idx)
        return;
    sort_facts = cc->corpus->facts;
    sort_cmp = cmp;
    for (i = 0; i < n; i++)
        if (!cc->corpus->facts[i].context && eligible(&cc->corpus->facts[i]))
            idx[m++] = i;
    qsort(idx, m, sizeof(*idx), cmp_index);
    /*
     * A group reports only on the run's own facts, so a context fact equal
     * to none of them cannot matter: leaving those out first makes a
     * pre-commit run over a few files against a large repository cost
     * n log(files) compares, not a sort of the repository.
     */
    mine = m;
    for (i = 0; i < n; i++) {
        const al_fact *f = &cc->corpus->facts[i];
        if (f->context && eligible(f) && equals_one_of(f, idx, mine))
            idx[m++] = i;
    }
    if (m > mine)
        qsort(idx, m, sizeof(*idx), cmp_index);
    for (i = 0; i < m; i = j) {
        for (j = i + 1; j < m && !cmp(&cc->corpus->facts[idx[i]], &cc->corpus->facts[idx[j]]); j++)
            ;
        if (j - i > 1)
            fn(cc, idx + i, j - i, ud);
    }
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
