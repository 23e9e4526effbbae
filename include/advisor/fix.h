/*
 * fix.h - the fixes advisor-lint is certain of, and applying them to bytes.
 *
 * A fix replaces a finding's byte span with new text; each rule computes
 * its own (rules/rule.h, the fix member), only when it is certain. An http
 * link is never rewritten: only a person can tell whether the host serves
 * https.
 *
 * al_fix_apply_new rewrites a buffer from a list of spans, so everything
 * outside the spans stays byte-identical (CRLF line ends included).
 *
 * Ownership: functions ending in _new return memory the caller frees.
 */
#ifndef ADVISOR_FIX_H
#define ADVISOR_FIX_H

#include <stddef.h>
#include <stdio.h>

#include "error.h"
#include "export.h"
#include "finding.h"

AL_BEGIN_DECLS

/* One replacement of [off, end) by text. */
typedef struct al_edit {
    size_t off, end;
    const char *text;            /* borrowed */
} al_edit;

/*
 * Applies the NEDITS EDITS to DATA (LEN bytes): sorted by offset, an edit
 * overlapping an earlier one or reaching past LEN is left out. Returns the
 * new buffer (NUL-terminated, length in *OUT_LEN), or NULL when memory ran
 * out. *APPLIED (may be NULL) receives the number of edits used.
 */
AL_API char *al_fix_apply_new(const char *data, size_t len, al_edit *edits, size_t nedits,
                       size_t *out_len, size_t *applied);

/*
 * Writes DATA (LEN bytes) to PATH atomically: a temporary file in the same
 * directory with PATH's permissions (a new file: 0666 less the umask),
 * flushed to disk, then renamed over PATH (over the file a symbolic link
 * PATH names, keeping the link). Returns 0, or -1 with errno set (PATH
 * untouched).
 */
AL_API int al_fix_write_atomic(const char *path, const char *data, size_t len);

/*
 * Prints a unified diff (no context lines) from OLD to NEW, which differ
 * only inside lines (fixes never add or remove a line end), under the
 * headers a/PATH and b/PATH. Returns 0, or -1 when writing failed.
 */
AL_API int al_fix_print_diff(FILE *out, const char *path, const char *old, size_t oldlen,
                      const char *new_, size_t newlen);

/*
 * Applies the fixes of LIST's findings (sorted by file), file by file: each
 * file is read again, every fix is checked against what is there now, and
 * the result is written atomically; with DRY_RUN nothing is written and
 * the diff goes to DIFF_OUT instead. *NFIXED and *NFILES receive how many
 * fixes were (or would be) applied in how many files. Returns 0, or -1
 * with `cannot write 'PATH': reason` (or a read error) in ERR; files done
 * before the failure stay fixed.
 */
AL_API int al_fix_files(const al_findings *list, int dry_run, FILE *diff_out, size_t *nfixed,
                 size_t *nfiles, al_error *err);

AL_END_DECLS

#endif
