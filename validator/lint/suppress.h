/*
 * suppress.h - applying a run's config to its findings: severities, suppressions.
 *
 * After every file was checked and the cross-file rules ran, each finding
 * gets the severity the config gives its rule for its file (dropped when
 * off), and findings a suppression names are dropped. Suppressions are the
 * advisorLintIgnore header attribute of a file (collected while the file
 * was read) and the config's `suppress` list. Each rule id of a suppression
 * that dropped nothing is then reported as `unused-suppression`: at the id
 * in the header, or at the id in the config (only when the run checked a
 * file the entry names, so a pre-commit run over a few files does not
 * flag entries for the others).
 *
 * Ownership: an al_suppressions list owns its strings.
 */
#ifndef AL_SUPPRESS_H
#define AL_SUPPRESS_H

#include <stddef.h>

#include "../config/config.h"
#include "../reader/document.h"
#include "advisor/finding.h"

#define AL_IGNORE_ATTR "advisorLintIgnore"

/* One rule id of one file's advisorLintIgnore attribute. */
typedef struct al_header_suppression {
    char *file;          /* display path (owned) */
    char *name;          /* the id as written (owned) */
    const al_rule *rule; /* NULL when no rule has that id */
    int line, column, end_line, end_column;
    size_t off, end; /* byte span of the id */
    size_t used;     /* findings it dropped */
} al_header_suppression;

typedef struct al_suppressions {
    al_header_suppression *items;
    size_t count, cap;
} al_suppressions;

/* Makes LIST empty. */
void al_suppressions_init(al_suppressions *list);

/* Frees every entry of LIST and leaves it empty. */
void al_suppressions_release(al_suppressions *list);

/* Moves every entry of SRC to the end of DST. Returns 0 or -1. */
int al_suppressions_take(al_suppressions *dst, al_suppressions *src);

/*
 * Adds one entry per rule id of DOC's advisorLintIgnore attribute (ids
 * separated by commas or white space), naming FILE. Returns 0 or -1.
 */
int al_suppressions_from_header(al_suppressions *list, al_doc *doc, const char *file);

/*
 * Applies CFG (may be NULL) and the header suppressions HDR to the findings
 * of LIST from index FIRST on, then appends the unused-suppression
 * findings. CHECKED lists the NCHECKED display paths of the files checked
 * in the run. *SUPPRESSED receives the number of findings dropped by a
 * suppression. Returns 0 or -1 when memory ran out.
 */
int al_suppress_apply(const al_config *cfg, al_suppressions *hdr, al_findings *list, size_t first,
                      char *const *checked, size_t nchecked, size_t *suppressed);

#endif
