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
    char *key;                   /* absolute, normalized path (owned) */
    al_fact fact;                /* owned; fact.file is the path as added */
} al_context_entry;

struct al_context {
    al_context_entry *items;     /* sorted by key */
    size_t count, cap;
};

/* The entry for the absolute, normalized path KEY, or NULL. */
const al_context_entry *al_context_find(const al_context *context, const char *key);

#endif
