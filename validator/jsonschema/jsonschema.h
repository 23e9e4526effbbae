/*
 * jsonschema.h - a JSON Schema validator on top of jansson: dialects draft-04,
 * draft-06, draft-07, 2019-09 and 2020-12, each resource read in the dialect its
 * "$schema" names (the registry's default dialect when none).
 *
 * The library knows nothing about the documents it validates. Usage:
 *
 *     jsch_registry *reg = jsch_registry_new();
 *     jsch_error err;
 *     jsch_schema *s = jsch_compile(reg, schema_json, NULL, 0, &err);
 *     if (!s) { fprintf(stderr, "%s: %s\n", err.location, err.message); ... }
 *     jsch_result *res = jsch_result_new();
 *     if (!jsch_validate(s, instance, res))
 *         for (size_t i = 0; i < jsch_result_count(res); i++) ...
 *     jsch_result_free(res);
 *     jsch_schema_free(s);
 *     jsch_registry_free(reg);
 *
 * Ownership follows jansson: functions never steal a json_t reference; the
 * library takes its own reference when it keeps a document. Functions ending
 * in _new return an object the caller owns and frees with the matching _free.
 *
 * Threads: a registry and compilation are single-threaded (compilation reads
 * and caches into the registry). A compiled jsch_schema is immutable and
 * independent of the registry once compiled: any number of threads may call
 * jsch_validate() on it at the same time, each with its own jsch_result.
 */
#ifndef JSONSCHEMA_H
#define JSONSCHEMA_H

#include <stdbool.h>
#include <stddef.h>

#include <jansson.h>

#ifdef __cplusplus
extern "C" {
#endif

#define JSCH_ERROR_TEXT_LENGTH 320
#define JSCH_ERROR_LOCATION_LENGTH 256

/* Compile errors: filled by the functions that take one (passed last). */
typedef struct jsch_error {
    /* what went wrong, lowercase, no full stop, e.g. `unresolvable reference "#/nope"` */
    char message[JSCH_ERROR_TEXT_LENGTH];
    /* where in the schema, as a JSON pointer ("" is the root); for errors
       inside a referenced document, that document's URI then '#' and pointer */
    char location[JSCH_ERROR_LOCATION_LENGTH];
} jsch_error;

typedef struct jsch_registry jsch_registry;
typedef struct jsch_schema jsch_schema;
typedef struct jsch_result jsch_result;

/* Host-supplied checker for a custom "format": returns true when the string
   s (len bytes of UTF-8, NUL-terminated) is valid. Strings containing a NUL
   byte never satisfy a custom format and are not passed. Called concurrently from
   validating threads, so it must be thread-safe; ud is passed unchanged. */
typedef bool (*jsch_format_fn)(const char *s, size_t len, void *ud);

/* ---- registry: the known schema documents, by URI ---- */

/* Returns a new registry that already knows the meta-schemas of every dialect,
   2020-12 and 2019-09 with their vocabulary meta-schemas (embedded, no file or
   network access), or NULL when out of memory. Its default dialect is 2020-12.
   Free with jsch_registry_free(). */
jsch_registry *jsch_registry_new(void);

/* Frees reg and everything it owns. Schemas compiled from it stay usable. */
void jsch_registry_free(jsch_registry *reg);

/* Sets the dialect of documents that do not name one with "$schema": uri is a
   meta-schema URI, http://json-schema.org/draft-04/schema#, draft-06, draft-07,
   https://json-schema.org/draft/2019-09/schema or .../2020-12/schema (the
   default). Call it before adding documents: they are indexed in the dialect in
   force when added. Returns 0, or -1 with err filled for another URI. */
int jsch_registry_set_default_dialect(jsch_registry *reg, const char *uri, jsch_error *err);

/* Registers doc (borrowed: the registry takes its own reference) under uri,
   an absolute URI without fragment. Embedded resources ($id) and anchors in
   doc become resolvable too. A later document with the same URI replaces the
   earlier one. Returns 0, or -1 with err filled. */
int jsch_registry_add(jsch_registry *reg, const char *uri, json_t *doc, jsch_error *err);

/* Maps every URI starting with prefix to a file below dir: a reference to
   prefix + "a/b.json" loads dir/a/b.json (JSON only) the first time it is
   needed. The network is never used. Returns 0, or -1 with err filled. */
int jsch_registry_map_prefix(jsch_registry *reg, const char *prefix, const char *dir,
                             jsch_error *err);

/* Registers a checker for the "format" value name (copied). Schemas compiled
   afterwards use it; it replaces a built-in format of the same name.
   Returns 0, or -1 with err filled. */
int jsch_registry_add_format(jsch_registry *reg, const char *name, jsch_format_fn check, void *ud,
                             jsch_error *err);

/* ---- compilation ---- */

/* jsch_compile() flags */
#define JSCH_FORMAT_ASSERT 0x1u /* "format" fails invalid strings (default: annotation only) */
#define JSCH_NO_METASCHEMA 0x2u /* skip checking the schema against its meta-schema */

/* Compiles schema (borrowed; the compiled schema keeps its own reference) into
   a validator. base_uri is the schema's retrieval URI, or NULL for an
   anonymous one; it is used to resolve relative "$id" and "$ref". Unless
   JSCH_NO_METASCHEMA is given, the schema is first validated against the
   meta-schema named by its "$schema" (the registry's default dialect's when none). All
   references are resolved now, through reg (borrowed, only used during the
   call). Returns a schema the caller frees with jsch_schema_free(), or NULL
   with err filled (invalid schema, unresolvable reference, bad regex, ...). */
jsch_schema *jsch_compile(jsch_registry *reg, json_t *schema, const char *base_uri, unsigned flags,
                          jsch_error *err);

void jsch_schema_free(jsch_schema *schema);

/* Compiles SCHEMA's patterns to machine code (pcre2 JIT) where the platform
   allows, for runs that validate many instances: it costs about a tenth of a
   millisecond per pattern once and makes each match several times faster.
   Not thread-safe: call it before validating from several threads. Patterns
   that cannot be JIT-compiled keep using the interpreter. Returns how many
   patterns were compiled. */
size_t jsch_schema_jit(jsch_schema *schema);

/* ---- validation ---- */

/* Validates instance (borrowed) against schema. Returns true when valid.
   When out is not NULL, every error found is appended to it (out is not
   cleared first); with out NULL, validation stops at the first failure.
   Thread-safe: schema is only read. A pathological instance or schema (too
   deep, a regex over its match limit) makes the instance invalid with an
   error saying so. */
bool jsch_validate(const jsch_schema *schema, const json_t *instance, jsch_result *out);

/* One validation error. All strings belong to the result that holds it. */
typedef struct jsch_issue {
    const char *instance_location; /* JSON pointer into the instance, "" = root */
    const char *keyword_location;  /* evaluation path, e.g. "/properties/a/$ref/type" */
    const char *absolute_location; /* "<resource-uri>#<pointer>" of the keyword */
    const char *keyword;           /* e.g. "required"; "false" for a false schema */
    const char *message;           /* e.g. `missing required property "id"` */
} jsch_issue;

/* Returns a new, empty result, or NULL when out of memory. */
jsch_result *jsch_result_new(void);
void jsch_result_free(jsch_result *res);
/* Forgets all issues so res can be reused. */
void jsch_result_clear(jsch_result *res);
size_t jsch_result_count(const jsch_result *res);
/* Returns issue i (borrowed, valid until res is cleared or freed), or NULL
   when i is out of range. */
const jsch_issue *jsch_result_get(const jsch_result *res, size_t i);

#ifdef __cplusplus
}
#endif

#endif
