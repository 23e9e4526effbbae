/*
 * lint.h - one advisor-lint run: files in, sorted findings out.
 *
 * al_lint_paths lists the files the paths name (walk.h), reads each
 * (document.h), reports reading problems, validates the body against the
 * schema when one is given, and runs every per-file rule. The tool and
 * advisor-codegen both drive runs through this one entry point.
 *
 * Ownership: options and paths are borrowed; findings are appended to a
 * list the caller owns.
 */
#ifndef AL_LINT_H
#define AL_LINT_H

#include <stddef.h>

#include "../jsonschema/jsonschema.h"
#include "../report/finding.h"

typedef struct al_lint_options {
    const jsch_schema *schema;   /* validate bodies against it; NULL: no schema check */
    int schema_only;             /* check only the schema; read every file, skip none */
} al_lint_options;

typedef struct al_lint_stats {
    size_t checked;              /* files read as metadata */
    size_t skipped;              /* files that are not advisor metadata */
    size_t unreadable;           /* paths that could not be read (exit status 2) */
} al_lint_stats;

/*
 * Lints the NPATHS PATHS, appending findings to OUT sorted by file, line and
 * column, and counting files in STATS (zeroed first). Returns 0, or -1 when
 * memory ran out.
 */
int al_lint_paths(const al_lint_options *opts, char *const *paths, size_t npaths,
                  al_findings *out, al_lint_stats *stats);

#endif
