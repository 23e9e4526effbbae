/*
 * baseline.h - adopting advisor-lint in a repository that already has defects.
 *
 * A baseline file records the findings of one run, each by file (relative
 * to the baseline's own directory, so it works from any working
 * directory), rule, JSON pointer and fingerprint (a hash of the rule, the
 * pointer and the text of the value concerned), never by line: editing an
 * unrelated line above a finding does not make it new. Linting with the
 * baseline drops every finding that matches an entry (each entry matches
 * at most one finding) and counts the entries no finding matched, among
 * the files checked, as fixed.
 *
 * The file is JSON: {"tool": "advisor-lint", "baselineVersion": 1,
 * "entries": [{"file", "rule", "pointer", "fingerprint", "message"}]}
 * (message only helps a reader; it is not compared).
 *
 * Ownership: an al_baseline owns its entries.
 */
#ifndef ADVISOR_BASELINE_H
#define ADVISOR_BASELINE_H

#include <stddef.h>

#include "error.h"
#include "export.h"
#include "finding.h"

AL_BEGIN_DECLS

typedef struct al_baseline_entry {
    char *file;                  /* relative to base_dir, or absolute (owned) */
    char *rule;                  /* owned */
    char *pointer;               /* owned, NULL for none */
    unsigned long long fingerprint;
    int used;
} al_baseline_entry;

typedef struct al_baseline {
    char *base_dir;              /* absolute directory of the baseline file (owned) */
    al_baseline_entry *entries;
    size_t count;
} al_baseline;

/*
 * Writes LIST's findings as a baseline to PATH (atomically). Returns 0, or
 * -1 with ERR filled (`cannot write 'PATH': reason`).
 */
AL_API int al_baseline_write(const char *path, const al_findings *list, al_error *err);

/*
 * Reads the baseline at PATH into B. Returns 0, or -1 with a message in ERR
 * (`cannot read 'PATH': ...` or `'PATH' is not an advisor-lint baseline: ...`).
 */
AL_API int al_baseline_load(al_baseline *b, const char *path, al_error *err);

/* Frees what B owns and leaves it empty. */
AL_API void al_baseline_release(al_baseline *b);

/*
 * Drops from LIST every finding matching an unused entry of B. CHECKED
 * lists the NCHECKED display paths of the files the run read: entries for
 * those files that matched nothing are counted in *FIXED. *MATCHED receives
 * the number of findings dropped. Returns 0 or -1 when memory ran out.
 */
AL_API int al_baseline_filter(al_baseline *b, al_findings *list, char *const *checked,
                       size_t nchecked, size_t *matched, size_t *fixed);

AL_END_DECLS

#endif
