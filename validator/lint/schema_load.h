/*
 * schema_load.h - a JSON Schema file (JSON or YAML) to a compiled schema.
 *
 * Reads the file with the document readers (so a syntax error in a schema
 * is reported with its line and column), registers the `--resolve`
 * prefix-to-directory maps, then maps file:/// to the file system so that a
 * schema file's relative "$ref"s load the files beside it (never the
 * network), and compiles in the default dialect asked for, with format
 * assertion on unless asked otherwise, as check-jsonschema users expect.
 */
#ifndef AL_SCHEMA_LOAD_H
#define AL_SCHEMA_LOAD_H

#include <stddef.h>

#include "../jsonschema/jsonschema.h"
#include "advisor/lint.h"

/*
 * Loads and compiles the schema at PATH (or the NUL-terminated TEXT when
 * PATH is NULL; NAME then names it in messages) with OPTS's resolve maps,
 * default dialect and format setting (OPTS NULL: none, 2020-12, asserted).
 * On failure returns NULL with ERR filled (placed at a syntax error of the
 * schema file).
 */
jsch_schema *al_schema_load(const char *path, const char *text, const char *name,
                            const al_linter_options *opts, al_error *err);

/*
 * Reads the schema document at PATH (or the NUL-terminated TEXT named
 * NAME) without compiling it: a new reference the caller decrefs, or NULL
 * with ERR filled.
 */
json_t *al_schema_read(const char *path, const char *text, const char *name, al_error *err);

/* The AdvisorRecommendation schema embedded at build time (NUL-terminated). */
extern const char al_advisor_schema[];
extern const size_t al_advisor_schema_len;
#define AL_ADVISOR_SCHEMA_NAME "advisor-recommendation.schema.json"

/*
 * The formats advisor-lint adds to every schema it loads, so users' own
 * schemas can say "format": "timespan" too: timespan (.NET TimeSpan),
 * guid, arm-resource-type (Namespace.Provider/type[/subtype...]).
 */
int al_schema_register_formats(jsch_registry *reg);

#endif
