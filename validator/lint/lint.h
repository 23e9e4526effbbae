/*
 * lint.h - one advisor-lint run: files or a buffer in, sorted findings out.
 *
 * al_run_paths lists the files the paths name (walk.h), reads each
 * (document.h), reports reading problems, validates the body against the
 * schema when one is given, and runs every per-file rule; al_run_buffer
 * does the same for bytes in memory named as a file. The public API
 * (advisor/lint.h, validator/api/) drives every run through these two.
 *
 * With a config (config.h), files matching its `ignore` globs are not read,
 * each rule's severity is the one the config gives for the file (rules
 * turned off do not run), and findings named by a suppression (the
 * advisorLintIgnore header attribute, the config's `suppress` list) are
 * dropped; a suppression that drops nothing is reported as
 * `unused-suppression`.
 *
 * With a context (context.h), the cross-file rules also compare the run's
 * files with the context's, leaving out context entries for the run's own
 * files; findings are only ever reported for the run's files.
 *
 * With jobs > 1, files are checked by that many threads, each into the
 * file's own slot; slots are merged in file order afterwards and the
 * cross-file rules run then, so the output is the same for any jobs.
 * Only one document per thread is in memory at a time.
 *
 * Ownership: options and paths are borrowed; findings are appended to a
 * list the caller owns.
 */
#ifndef AL_LINT_LINT_H
#define AL_LINT_LINT_H

#include <stddef.h>

#include "../jsonschema/jsonschema.h"
#include "../reader/document.h"
#include "advisor/finding.h"
#include "advisor/lint.h"

struct al_config;

typedef struct al_run_options {
    const jsch_schema *schema;      /* validate bodies against it; NULL: no schema check */
    int schema_only;                /* check only the schema; read every file, skip none */
    int schema_locations;           /* a schema error names its keyword's place in the schema */
    const struct al_config *config; /* .advisor-lint.yaml settings, or NULL for none */
    unsigned jobs;                  /* threads checking files; 0 or 1: the calling thread */
    const al_context *context;      /* other files for the cross-file rules, or NULL */
} al_run_options;

/*
 * Lints the NPATHS PATHS, appending findings to OUT sorted by file, line and
 * column, and counting files in STATS (zeroed first). Returns 0, or -1 when
 * memory ran out (or a thread could not be started).
 */
int al_run_paths(const al_run_options *opts, char *const *paths, size_t npaths, al_findings *out,
                 al_lint_stats *stats);

/* Lints LEN bytes of DATA as the file NAME, as al_run_paths would lint that file. */
int al_run_buffer(const al_run_options *opts, const char *name, const char *data, size_t len,
                  al_findings *out, al_lint_stats *stats);

/* Whether DOC, once read, is advisor metadata (and so is checked and compared). */
int al_run_is_metadata(const al_doc *doc);

#endif
