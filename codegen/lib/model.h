/*
 * model.h - the data the templates render: recommendations as a JSON context.
 *
 * cg_model_add takes one valid metadata file (its header attributes, title
 * and body) and adds its catalog entry to the context; cg_model_finish
 * sorts the entries into the catalog's canonical order, groups them by
 * recommendationTypeId, names each type with a unique C identifier (the
 * one identity.h binds it to, if any) and computes each rule's row members
 * and test rows. The
 * context is plain jansson data, so templates stay logic-less: every string
 * is an object {present, s, len, long, id} rendered by the "str" partial,
 * every optional number {present, value}, enums are already C names.
 *
 * Nothing is lost: for each object the fields the reference does not model,
 * or whose JSON type the model does not expect, are kept as JSON text in an
 * "extra" string.
 */
#ifndef CG_MODEL_H
#define CG_MODEL_H

#include <jansson.h>
#include <stddef.h>

#include "identity.h"
#include "reader/document.h"

/* Strings longer than this are emitted as char arrays, not literals (C11 5.2.4.1 allows 4095). */
#define CG_LONG_STRING 4000

typedef struct cg_model {
    json_t *root;  /* the template context (owned) */
    json_t *recs;  /* borrowed from root: "recommendations" */
    json_t *longs; /* borrowed from root: "long_strings" */
    size_t next_string_id;
    int no_test_data; /* leave testData out of the catalog (the tests keep their rows) */
} cg_model;

/* Starts an empty model. Returns 0 or -1 (out of memory). */
int cg_model_init(cg_model *m, const char *tool_version);

void cg_model_release(cg_model *m);

/*
 * Adds the catalog entry of DOC (a valid file; borrowed), named FILE (its
 * path relative to the root: the catalog is sorted by it after type and
 * cloud). RECORD_SOURCE 0 leaves the path out of everything generated.
 * Returns 0, or -1 with a message in ERR.
 */
int cg_model_add(cg_model *m, const al_doc *doc, const char *file, int record_source, char *err,
                 size_t errlen);

/*
 * Sorts the entries (type id, cloud, path), groups them into rule types
 * and names them: a type IDENTITY binds (may be NULL) keeps its
 * identifier, the others get fresh ones from their friendly names, never a
 * reserved one. Then computes rows and tests. Returns 0, or -1 with a
 * message in ERR (a friendly name that cannot name a file).
 */
int cg_model_finish(cg_model *m, const cg_identity *identity, char *err, size_t errlen);

#endif
