/*
 * context_cache.h - what a repository's files held for the cross-file rules, kept between runs.
 *
 * A pre-commit run lints a few files but compares them with every
 * metadata file of the repository; reading those each time costs four
 * system calls per file, most of a full run's input work. The cache keeps,
 * per file below the root, its identity (al_file_id: device, inode, size,
 * modification and status-change times to the nanosecond) and its fact
 * (or "not metadata"). A file whose identity is unchanged is not opened.
 *
 * Never stale: the status-change time (ctime) is set by the kernel to
 * the current time on every write, rename or utimes, and cannot be set
 * back by a user, so a file changed after it was read has another ctime,
 * unless the change fell in the same clock tick as the ctime it had when
 * read. File systems stamp times with a coarse clock (a few milliseconds;
 * seconds on some), so an entry is only recorded when the file's ctime
 * is more than AL_CACHE_SETTLE seconds older than the start of the run
 * that read it ("racy" files are read again next time, as git does with
 * its index). A cache from another advisor-lint version, for another
 * root, truncated or otherwise unreadable is ignored whole.
 *
 * The file is written to a temporary name and renamed over the old one,
 * so concurrent runs each see a whole cache, the last writer's. It is
 * rewritten only when more than AL_CACHE_SLACK entries (and one in 256)
 * changed: the few files a commit edits are read again next time rather
 * than paying a rewrite of the whole cache per run.
 */
#ifndef AL_LINT_CONTEXT_CACHE_H
#define AL_LINT_CONTEXT_CACHE_H

#include <stddef.h>

#include "../reader/source.h"
#include "../rules/corpus.h"

#define AL_CACHE_SETTLE 2 /* seconds a file's ctime must lie before the run */
#define AL_CACHE_SLACK                                                                             \
    16 /* changed entries a cache may fall behind by (plus one in
                                    256) before it is rewritten */
#define AL_CACHE_STRINGS (AL_FACT_COUNT + 1) /* a fact's values, then its cloud */

typedef struct al_cache_entry {
    const char *rel; /* the file's path below the root */
    al_file_id id;
    int by_path;                       /* it was read as metadata by its path (metadata-files): an
                                    entry answers only a lookup made the same way */
    int metadata;                      /* 0: the file is not metadata (no fact) */
    const char *str[AL_CACHE_STRINGS]; /* the fact's strings, NULL when absent */
} al_cache_entry;

typedef struct al_context_cache al_context_cache;

/*
 * The memory a loaded cache's entries point into, shared by counting:
 * a context keeps the strings of a cached fact where they are instead of
 * copying them (al_context_cache_hold), and the memory goes with the
 * last holder.
 */
typedef struct al_cache_block al_cache_block;

/* One more holder of the loaded entries' memory (NULL when nothing was loaded). */
al_cache_block *al_context_cache_hold(al_context_cache *cache);

/* One holder less (NULL is fine). */
void al_cache_block_release(al_cache_block *block);

/*
 * The cache of the repository at ROOT (absolute, normalized) in the
 * directory DIR: loaded when there is a valid one, else empty. Returns
 * NULL when memory ran out (the caller goes on without a cache).
 */
al_context_cache *al_context_cache_open(const char *dir, const char *root);

/*
 * The entry for REL (a path below the root), or NULL (CACHE may be NULL).
 * *HINT, the caller's (start at 0), remembers where the last entry was:
 * files looked up in order are found without a search. Only reads the
 * cache, so threads may look up at once, each with its own hint.
 */
const al_cache_entry *al_context_cache_find(const al_context_cache *cache, const char *rel,
                                            size_t *hint);

/* Keeps ENTRY (from al_context_cache_find) for the next run: its file is unchanged. One thread. */
void al_context_cache_use(al_context_cache *cache, const al_cache_entry *entry);

/*
 * Records what the file REL, in the version ID, read with BY_PATH, held:
 * FACT, or NULL when it gave none. Files changed too recently to be
 * trusted are not recorded. One thread at a time. Returns 0, or -1 when
 * memory ran out.
 */
int al_context_cache_put(al_context_cache *cache, const char *rel, const al_file_id *id,
                         int by_path, const al_fact *fact);

/*
 * Writes the cache back when enough of it changed (errors are ignored: a
 * cache that cannot be written only makes the next run slower) and frees
 * it.
 */
void al_context_cache_close(al_context_cache *cache);

#endif
