/*
 * corpus.h - facts kept from every file of a run, for the cross-file rules.
 *
 * While files are checked, each one's identity (articleId and its cloud
 * suffix, recommendationTypeId, friendly name, resource type, category) is
 * kept here; after the last file, the rules with a check_corpus function
 * compare them. Only these few strings are kept per file, so memory grows
 * with the number of files by a few hundred bytes each. Positions are not
 * kept: a finding re-reads its file to place itself, which only happens for
 * the rare file that breaks an invariant.
 */
#ifndef AL_CORPUS_H
#define AL_CORPUS_H

#include <stddef.h>

#include "advisor/finding.h"
#include "rule.h"

typedef enum al_fact_field {
    AL_FACT_ARTICLE_ID,    /* header articleId */
    AL_FACT_TYPE_ID,       /* /recommendationTypeId */
    AL_FACT_FRIENDLY_NAME, /* /recommendationFriendlyName */
    AL_FACT_RESOURCE_TYPE, /* /recommendationResourceType */
    AL_FACT_CATEGORY,      /* /recommendationCategory */
    AL_FACT_COUNT
} al_fact_field;

typedef struct al_fact {
    /* Before al_corpus_add the strings are owned by the fact (al_fact_release
       frees them); in a corpus they point into its pool. */
    char *file;                 /* display path */
    char *value[AL_FACT_COUNT]; /* NULL when absent */
    char *cloud;                /* articleId's cloud suffix, canonical, or NULL */
    int line[AL_FACT_COUNT], column[AL_FACT_COUNT]; /* 0 until placed */
    int context; /* from the run's context: compared with, never reported */
} al_fact;

/* Blocks of interned strings (internal to corpus.c). */
typedef struct al_intern_block al_intern_block;

typedef struct al_corpus {
    al_fact *facts; /* their strings point into the intern pool */
    size_t count, cap;
    al_intern_block *blocks; /* the pool: every kept string once */
    const char **slots;      /* hash set of the pool's strings */
    size_t nslots, nstrings;
} al_corpus;

void al_corpus_init(al_corpus *corpus);
void al_corpus_release(al_corpus *corpus);

/* Frees what FACT owns. */
void al_fact_release(al_fact *fact);

struct al_doc;

/*
 * Fills FACT (owning its strings) with what the cross-file rules compare
 * of DOC, a file read as metadata, displayed as FILE. Returns 0 or -1.
 */
int al_fact_from_doc(al_fact *fact, const struct al_doc *doc, const char *file);

/*
 * Fills FACT (owning its strings) with the file name FILE and what DOC's
 * header gives (articleId and its cloud), leaving the body's fields NULL
 * for the caller. Returns 0 or -1.
 */
int al_fact_from_header(al_fact *fact, const struct al_doc *doc, const char *file);

/* The body's top-level key FIELD is read from ("recommendationTypeId"), or NULL for the header's. */
const char *al_fact_key(al_fact_field field);

/*
 * Places every field of FACT in DOC now, for a document that cannot be
 * read again later (a buffer, or a file an editor has changed since).
 */
void al_fact_place(al_fact *fact, struct al_doc *doc);

/* Makes DST an owning copy of SRC. Returns 0 or -1 (DST then empty). */
int al_fact_copy(al_fact *dst, const al_fact *src);

/*
 * Keeps FACT: its strings are copied into the corpus's pool, each distinct
 * string once (type ids, friendly names, resource types and categories
 * repeat across files), and FACT's own strings are freed. Returns 0 or -1.
 */
int al_corpus_add(al_corpus *corpus, al_fact *fact);

/* Keeps a copy of FACT (borrowed) in the corpus's pool, as al_corpus_add does. Returns 0 or -1. */
int al_corpus_add_copy(al_corpus *corpus, const al_fact *fact);

/*
 * Keeps FACT as it is: its strings are not copied, so they must outlive
 * the corpus (a context's facts, borrowed for one run). Returns 0 or -1.
 */
int al_corpus_add_borrowed(al_corpus *corpus, const al_fact *fact);

/* What a check_corpus function sees. */
typedef struct al_corpus_check {
    al_corpus *corpus;
    al_findings *out;
} al_corpus_check;

/* Fills fact I's line and column for FIELD, reading its file once for every field. */
void al_corpus_place(al_corpus_check *cc, size_t i, al_fact_field field);

/*
 * Reports RULE_ID at fact I's FIELD; nothing for a fact of the context,
 * which is compared with but never reported on. Message is printf-style.
 */
void al_corpus_report(al_corpus_check *cc, const char *rule_id, size_t i, al_fact_field field,
                      const char *fmt, ...) __attribute__((format(printf, 5, 6)));

/*
 * Groups: calls FN(cc, idx, n, ud) for each group of two or more facts that
 * ELIGIBLE accepts and CMP (a total order) finds equal. IDX lists fact
 * indexes in file order. Nothing is allocated per fact, so grouping 100,000
 * files costs one index array. A group of context facts only is never
 * formed: nothing in it could be reported.
 */
void al_corpus_groups(al_corpus_check *cc, int (*eligible)(const al_fact *),
                      int (*cmp)(const al_fact *, const al_fact *),
                      void (*fn)(al_corpus_check *, const size_t *, size_t, void *), void *ud);

/* Runs every rule's check_corpus over CORPUS, appending findings to OUT. */
void al_corpus_run(al_corpus *corpus, al_findings *out);

#endif
