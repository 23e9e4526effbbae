/*
 * schema_issues.h - one defect, one schema finding.
 *
 * A value can fail several of its schema's assertions at once: a bad e-mail
 * fails `format` and `pattern`, the number 5 where an enum of strings is
 * expected fails `type` and `enum`. Those are one defect. Of the issues at
 * one instance location whose keywords assert something about that one
 * value, only those of the most precise keyword are kept, in this order:
 * const, enum (they name the values allowed), format (names the kind of
 * value), type, the numeric bounds, the length bounds, pattern (a regular
 * expression, the hardest to read). Issues of other keywords (required,
 * additionalProperties, anyOf, ...) are about different members or
 * alternatives and are all kept.
 */
#ifndef AL_SCHEMA_ISSUES_H
#define AL_SCHEMA_ISSUES_H

#include "../jsonschema/jsonschema.h"

/*
 * Sets KEEP[i] (one per issue of RES) to 1 for the issues to report and 0
 * for those a more precise issue at the same place makes redundant.
 * Returns 0, or -1 when memory ran out (then every KEEP[i] is 1).
 */
int al_schema_issues_keep(const jsch_result *res, unsigned char *keep);

#endif
