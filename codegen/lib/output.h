/*
 * output.h - writing generated files into OUT, safely.
 *
 * Every file is written to a temporary name in its final directory, synced
 * and renamed over the target, so an interrupted run leaves each file
 * either as it was or complete; the temporary files of a run that was killed
 * are removed by the next one. A file whose content would not change is
 * not touched (its timestamp stays, so builds do no work). Stubs, the files
 * people edit, are written only when absent unless forced, and never
 * removed; a generated file is removed only when it says it is one. Nothing is ever
 * written outside OUT: relative paths with "..", and symbolic links inside
 * OUT (in a directory or as the target), are refused.
 */
#ifndef CG_OUTPUT_H
#define CG_OUTPUT_H

#include <stddef.h>
#include <stdio.h>

typedef enum cg_file_kind {
    CG_FILE_GENERATED, /* rewritten whenever its content changes */
    CG_FILE_STUB,      /* written once; a person owns it afterwards */
} cg_file_kind;

typedef struct cg_output {
    char *root;     /* OUT as given (owned) */
    int check_only; /* compare with what is on disk, write nothing */
    int force;      /* replace existing stubs */
    FILE *log;      /* one line per file ("write", "skip", ...), or NULL */
    size_t written, unchanged, skipped, stale, removed;
} cg_output;

/*
 * Prepares writing below ROOT, creating it when needed (not in check mode).
 * Returns 0, or -1 with a message in ERR.
 */
int cg_output_open(cg_output *o, const char *root, int check_only, int force, FILE *log, char *err,
                   size_t errlen);

/*
 * Writes DATA (LEN bytes) to ROOT/REL as KIND. Returns 0 (written, unchanged,
 * skipped or found stale), or -1 with a message in ERR (refused path, I/O).
 */
int cg_output_write(cg_output *o, const char *rel, const char *data, size_t len, cg_file_kind kind,
                    char *err, size_t errlen);

/*
 * Removes ROOT/REL, a generated file no longer generated, when its first
 * line says advisor-codegen generated it (anything else is left alone); in
 * check mode counts it in REMOVED as "obsolete" instead. Returns 0, or -1
 * with a message in ERR.
 */
int cg_output_remove(cg_output *o, const char *rel, char *err, size_t errlen);

/* Syncs ROOT's directory entries and frees what O owns. */
void cg_output_close(cg_output *o);

#endif
