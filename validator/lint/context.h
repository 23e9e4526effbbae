/*
 * context.h - the other files of a repository, for the cross-file rules.
 *
 * A context (the public al_context of advisor/lint.h) keeps, per file,
 * only the fact the cross-file rules compare (rules/corpus.h), keyed by
 * the file's absolute, normalized path. A run copies the facts of every
 * entry that is not one of its own files into its corpus, marked as
 * context: compared with, never reported on. Facts of files read from
 * disk are placed (line and column) lazily, by reading the file again
 * when a finding names it; facts of buffers are placed at once, since
 * there is nothing to read again.
 */
#ifndef AL_LINT_CONTEXT_H
#define AL_LINT_CONTEXT_H

#include <stddef.h>

#include "../rules/corpus.h"
#include "advisor/lint.h"

typedef struct al_context_entry {
    char *key;                    /* absolute, normalized path (owned) */
    al_fact fact;                 /* owned; fact.file is the path as added */
    unsigned long long dev, ino;  /* the file's identity when read from disk, else 0 */
    struct al_cache_block *block; /* when not NULL, the fact's values and cloud point into
                                    this cache memory (held), and only fact.file is owned */
} al_context_entry;

struct al_context {
    al_context_entry *items; /* sorted by key */
    size_t count, cap;
};

struct al_config;

/*
 * As al_context_add_path, leaving out, unread, the files CONFIG (may be
 * NULL) ignores (a run would leave their facts out anyway), keeping what
 * the files held in a cache in CACHE_DIR (NULL: none) between runs
 * (context_cache.h), and looking at the files in up to JOBS threads.
 */
long al_context_add_path_config(al_context *context, const char *path,
                                const struct al_config *config, const char *cache_dir,
                                unsigned jobs, al_error *error);

/* The entry for the absolute, normalized path KEY, or NULL. */
const al_context_entry *al_context_find(const al_context *context, const char *key);

#endif
