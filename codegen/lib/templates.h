/*
 * templates.h - the templates advisor-codegen renders, embedded or overridden.
 *
 * The templates in the repository's templates/ folder are compiled into the
 * binary. A --templates DIR overrides any of them by file name: DIR/NAME is
 * used when it exists. Partials are the templates whose file name starts
 * with '_' ("{{>str}}" is _str.mustache); they are inserted inline, so one
 * trailing newline of their file is dropped.
 */
#ifndef CG_TEMPLATES_H
#define CG_TEMPLATES_H

#include "mustache.h"

typedef struct cg_templates cg_templates;

/*
 * Loads and compiles every template, DIR's overriding the embedded ones
 * (DIR may be NULL). Returns a set the caller frees with
 * cg_templates_free, or NULL with a message in ERR (a template that does
 * not compile is reported with its file, line and column).
 */
cg_templates *cg_templates_new(const char *dir, char *err, size_t errlen);

void cg_templates_free(cg_templates *set);

/* The compiled template NAME ("advisor_catalog.c.mustache"), or NULL. */
const mst_template *cg_templates_get(const cg_templates *set, const char *name);

/*
 * Renders NAME against CTX with the C string escaper and the set's
 * partials into OUT. Returns 0, or -1 with a message in ERR.
 */
int cg_templates_render(const cg_templates *set, const char *name, const json_t *ctx,
                        mst_buffer *out, char *err, size_t errlen);

#endif
