/*
 * schema_load.c - reading, registering and compiling a user's schema.
 */
#include "schema_load.h"

#include <errno.h>
#include <stdbool.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../advisor/advisor.h"
#include "../reader/document.h"
#include "../util/error.h"

typedef struct load_ctx {
    al_error *err;
    int failed;
    al_source *src;
} load_ctx;

static void on_problem(void *ud, al_read_problem kind, size_t offset, size_t end, size_t related,
                       const char *pointer, const char *message)
{
    load_ctx *lc = ud;
    al_pos p;
    (void)end;
    (void)related;
    (void)pointer;
    if (kind != AL_READ_JSON_SYNTAX && kind != AL_READ_ENCODING && kind != AL_READ_DUPLICATE_KEY)
        return;
    if (lc->failed)
        return;
    lc->failed = 1;
    p = al_source_pos(lc->src, offset);
    al_error_set(lc->err, lc->src->path, p.line, p.column, offset, "%s", message);
}

json_t *al_schema_read(const char *path, const char *text, const char *name, al_error *err)
{
    al_source src;
    al_doc doc;
    al_doc_options o;
    load_ctx lc;
    json_t *v;
    int kind;

    if (path) {
        if (al_source_read(&src, path) != 0) {
            al_error_set(err, path, 0, 0, 0, "cannot read schema '%s': %s", path, strerror(errno));
            return NULL;
        }
    } else if (al_source_from_memory(&src, name, text, strlen(text)) != 0) {
        al_error_set(err, path ? path : name, 0, 0, 0, "out of memory");
        return NULL;
    }
    kind = al_doc_kind_from_name(path ? path : name);
    if (kind != AL_DOC_YAML)
        kind = AL_DOC_JSON;
    memset(&lc, 0, sizeof(lc));
    lc.err = err;
    memset(&o, 0, sizeof(o));
    o.problem = on_problem;
    o.ud = &lc;
    o.keep_all = 1;
    lc.src = &doc.src;
    if (al_doc_load(&doc, &src, (al_doc_kind)kind, &o) != 0) {
        al_doc_release(&doc);
        al_error_set(err, path ? path : name, 0, 0, 0, "out of memory");
        return NULL;
    }
    v = lc.failed ? NULL : json_incref(doc.body);
    if (!v && !lc.failed)
        al_error_set(err, path ? path : name, 0, 0, 0, "cannot read schema '%s'",
                     path ? path : name);
    al_doc_release(&doc);
    return v;
}

static bool format_timespan(const char *s, size_t len, void *ud)
{
    adv_timespan ts;
    char why[160];
    (void)ud;
    return strlen(s) == len && adv_timespan_parse(s, &ts, why, sizeof(why)) == 0;
}

static bool format_guid(const char *s, size_t len, void *ud)
{
    char why[160];
    (void)ud;
    return adv_guid_check(s, len, why, sizeof(why)) == 0;
}

/* Namespace.Provider/type[/subtype...]: dotted namespace, then '/'-separated segments. */
static bool format_arm_resource_type(const char *s, size_t len, void *ud)
{
    size_t i = 0, seg = 0, dots = 0, slash = 0;
    (void)ud;
    for (i = 0; i < len; i++) {
        char c = s[i];
        if (c == '/') {
            if (!seg)
                return false;
            slash++;
            seg = 0;
        } else if (c == '.' && !slash) {
            if (!seg)
                return false;
            dots++;
            seg = 0;
        } else if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                   c == '-' || c == '_') {
            seg++;
        } else {
            return false;
        }
    }
    return dots >= 1 && slash >= 1 && seg > 0;
}

int al_schema_register_formats(jsch_registry *reg)
{
    jsch_error err;
    if (jsch_registry_add_format(reg, "timespan", format_timespan, NULL, &err) != 0 ||
        jsch_registry_add_format(reg, "guid", format_guid, NULL, &err) != 0 ||
        jsch_registry_add_format(reg, "arm-resource-type", format_arm_resource_type, NULL, &err) !=
            0)
        return -1;
    return 0;
}

/* file:// URI of PATH made absolute, so relative $refs resolve beside it. */
static void file_uri(const char *path, char *out, size_t n)
{
    char abs[PATH_MAX];
    if (realpath(path, abs))
        snprintf(out, n, "file://%s", abs);
    else
        snprintf(out, n, "file://%s", path);
}

/* Registers OPTS's --resolve maps and default dialect in REG, then the file
   system under file:/// for a schema file's relative references. */
static int setup_registry(jsch_registry *reg, const char *path, const al_linter_options *opts,
                          al_error *err)
{
    jsch_error jerr;
    size_t i;
    for (i = 0; opts && i < opts->nresolve; i++) {
        const al_resolve_map *m = &opts->resolve[i];
        if (jsch_registry_map_prefix(reg, m->prefix, m->dir, &jerr) != 0) {
            al_error_set(err, NULL, 0, 0, 0, "--resolve '%s=%s': %s", m->prefix, m->dir,
                         jerr.message);
            return -1;
        }
    }
    if (opts && opts->default_dialect &&
        jsch_registry_set_default_dialect(reg, opts->default_dialect, &jerr) != 0) {
        al_error_set(err, NULL, 0, 0, 0, "--default-dialect: %s", jerr.message);
        return -1;
    }
    /* after the --resolve maps, which win for their prefixes; only a schema file
       has a file: base URI for relative references to resolve against */
    if (path && jsch_registry_map_prefix(reg, "file:///", "/", &jerr) != 0) {
        al_error_set(err, NULL, 0, 0, 0, "%s", jerr.message);
        return -1;
    }
    return 0;
}

jsch_schema *al_schema_load(const char *path, const char *text, const char *name,
                            const al_linter_options *opts, al_error *err)
{
    jsch_registry *reg;
    jsch_schema *s = NULL;
    jsch_error jerr;
    json_t *doc;
    char uri[PATH_MAX + 16];
    unsigned flags = JSCH_FORMAT_ASSERT;

    al_error_clear(err);
    doc = al_schema_read(path, text, name, err);
    if (!doc)
        return NULL;
    reg = jsch_registry_new();
    if (!reg) {
        json_decref(doc);
        al_error_set(err, path ? path : name, 0, 0, 0, "out of memory");
        return NULL;
    }
    if (al_schema_register_formats(reg) != 0) {
        al_error_set(err, path ? path : name, 0, 0, 0, "out of memory");
        goto done;
    }
    if (setup_registry(reg, path, opts, err) != 0)
        goto done;
    if (opts && opts->format_annotation_only)
        flags = 0;
    if (text == al_advisor_schema)
        flags = JSCH_FORMAT_ASSERT | JSCH_NO_METASCHEMA;
    if (path)
        file_uri(path, uri, sizeof(uri));
    /*
     * The embedded schema is checked against its meta-schema by the test
     * suite (unit/test_schema_embedded), not at every start: that check is
     * most of a one-file run's cost.
     */
    s = jsch_compile(reg, doc, path ? uri : NULL, flags, &jerr);
    if (!s) {
        if (jerr.location[0])
            al_error_set(err, path ? path : name, 0, 0, 0, "invalid schema '%s' at '%s': %s",
                         path ? path : name, jerr.location, jerr.message);
        else
            al_error_set(err, path ? path : name, 0, 0, 0, "invalid schema '%s': %s",
                         path ? path : name, jerr.message);
    }
done:
    jsch_registry_free(reg);
    json_decref(doc);
    return s;
}
