/*
 * lint.h - one advisor-lint run: files in, sorted findings out.
 *
 * al_lint_paths lists the files the paths name (walk.h), reads each
 * (document.h), reports reading problems, validates the body against the
 * schema when one is given, and runs every per-file rule. The tool and
 * advisor-codegen both drive runs through this one entry point.
 *
 * With a config (config.h), files matching its `ignore` globs are not read,
 * each rule's severity is the one the config gives for the file (rules
 * turned off do not run), and findings named by a suppression (the
 * advisorLintIgnore header attribute, the config's `suppress` list) are
 * dropped; a suppression that drops nothing is reported as
 * `unused-suppression`.
 *
 * With jobs > 1, files are checked by that many threads, each into the
 * file's own slot; slots are merged in file order afterwards and the
 * cross-file rules run then, so the output is the same for any jobs.
 * Only one document per thread is in memory at a time.
 *
 * Ownership: options and paths are borrowed; findings are appended to a
 * list the caller owns.
 */
#ifndef AL_LINT_H
#define AL_LINT_H

#include <stddef.h>

#include "../jsonschema/jsonschema.h"
#include "../report/finding.h"

struct al_config;

typedef struct al_lint_options {
    const jsch_schema *schema;   /* validate bodies against it; NULL: no schema check */
    int schema_only;             /* check only the schema; read every file, skip none */
    const struct al_config *config; /* .advisor-lint.yaml settings, or NULL for none */
    unsigned jobs;               /* threads checking files; 0 or 1: the calling thread */
} al_lint_options;

typedef struct al_lint_stats {
    size_t checked;              /* files read as metadata */
    size_t skipped;              /* files that are not advisor metadata */
    size_t unreadable;           /* paths that could not be read (exit status 2) */
    size_t ignored;              /* files matching the config's ignore globs, not read */
    size_t suppressed;           /* findings dropped by a suppression */
} al_lint_stats;

/*
 * Lints the NPATHS PATHS, appending findings to OUT sorted by file, line and
 * column, and counting files in STATS (zeroed first). Returns 0, or -1 when
 * memory ran out (or a thread could not be started).
 */
int al_lint_paths(const al_lint_options *opts, char *const *paths, size_t npaths,
                  al_findings *out, al_lint_stats *stats);

#endif
