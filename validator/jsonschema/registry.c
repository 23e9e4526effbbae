/*
 * registry.c - schema documents by URI, and the index of their resources.
 *
 * Adding a document walks it once, following only keywords whose values are
 * schemas (so an "$id" inside "const" or an unknown keyword is not an
 * identifier), and records: every schema resource ("$id" or the document root)
 * under its absolute URI, each resource's "$anchor"/"$dynamicAnchor" names,
 * and for every object subschema its resource and JSON pointer. References
 * are then resolved against this index (ref.c) without walking again.
 *
 * Dialects: each resource gets the dialect its "$schema" names, else its
 * parent's, else the registry's default. The walk follows it: "id" in
 * draft-04, "$id" after; before 2019-09 "$ref" hides its siblings' "$id", and
 * an id of a plain-name fragment is an anchor; "$anchor" from 2019-09,
 * "$dynamicAnchor" in 2020-12, "$recursiveAnchor" in 2019-09 (as the dynamic
 * anchor "").
 *
 * The meta-schemas of every dialect are compiled into the library (embed_file
 * in CMakeLists.txt) and parsed on first use. Prefix maps let the host point a
 * URI prefix at a local directory; documents load on first use.
 */
#include <stdlib.h>
#include <string.h>

#include "jsonschema_private.h"

extern const char jsch__meta_2020_12_schema[], jsch__meta_2020_12_core[],
    jsch__meta_2020_12_applicator[], jsch__meta_2020_12_unevaluated[],
    jsch__meta_2020_12_validation[], jsch__meta_2020_12_meta_data[],
    jsch__meta_2020_12_format_annotation[], jsch__meta_2020_12_format_assertion[],
    jsch__meta_2020_12_content[], jsch__meta_2019_09_schema[], jsch__meta_2019_09_core[],
    jsch__meta_2019_09_applicator[], jsch__meta_2019_09_validation[],
    jsch__meta_2019_09_meta_data[], jsch__meta_2019_09_format[], jsch__meta_2019_09_content[],
    jsch__meta_draft_07_schema[], jsch__meta_draft_06_schema[], jsch__meta_draft_04_schema[];
extern const size_t jsch__meta_2020_12_schema_len, jsch__meta_2020_12_core_len,
    jsch__meta_2020_12_applicator_len, jsch__meta_2020_12_unevaluated_len,
    jsch__meta_2020_12_validation_len, jsch__meta_2020_12_meta_data_len,
    jsch__meta_2020_12_format_annotation_len, jsch__meta_2020_12_format_assertion_len,
    jsch__meta_2020_12_content_len, jsch__meta_2019_09_schema_len, jsch__meta_2019_09_core_len,
    jsch__meta_2019_09_applicator_len, jsch__meta_2019_09_validation_len,
    jsch__meta_2019_09_meta_data_len, jsch__meta_2019_09_format_len, jsch__meta_2019_09_content_len,
    jsch__meta_draft_07_schema_len, jsch__meta_draft_06_schema_len, jsch__meta_draft_04_schema_len;

/* ---- the index ---- */

static const char *const single_kws[] = {
    "additionalProperties",
    "items",
    "additionalItems",
    "contains",
    "propertyNames",
    "if",
    "then",
    "else",
    "not",
    "unevaluatedItems",
    "unevaluatedProperties",
    "contentSchema",
    NULL,
};
static const char *const map_kws[] = {
    "$defs",        "definitions", "properties", "patternProperties", "dependentSchemas",
    "dependencies", NULL,
};
static const char *const array_kws[] = { "allOf", "anyOf", "oneOf", "prefixItems", "items", NULL };

/* ---- dialects ---- */

static const struct {
    const char *uri; /* without "#", scheme and all */
    unsigned dialect;
} dialect_uris[] = {
    { "https://json-schema.org/draft/2020-12/schema", JSCH_D2020 },
    { "https://json-schema.org/draft/2019-09/schema", JSCH_D2019 },
    { "http://json-schema.org/draft-07/schema", JSCH_D7 },
    { "http://json-schema.org/draft-06/schema", JSCH_D6 },
    { "http://json-schema.org/draft-04/schema", JSCH_D4 },
};

unsigned jsch__dialect_of_uri(const char *uri)
{
    size_t len = jsch__uri_base_len(uri);
    /* "http://json-schema.org/..." and "https://json-schema.org/..." both seen in the wild */
    size_t skip = strncmp(uri, "https://", 8) == 0 ? 8 : strncmp(uri, "http://", 7) == 0 ? 7 : 0;
    if (!skip)
        return 0;
    for (size_t i = 0; i < sizeof dialect_uris / sizeof dialect_uris[0]; i++) {
        const char *d = strstr(dialect_uris[i].uri, "//") + 2;
        if (strlen(d) == len - skip && memcmp(d, uri + skip, len - skip) == 0)
            return dialect_uris[i].dialect;
    }
    return 0;
}

const char *jsch__dialect_uri(unsigned d)
{
    for (size_t i = 0; i < sizeof dialect_uris / sizeof dialect_uris[0]; i++)
        if (dialect_uris[i].dialect == d)
            return dialect_uris[i].uri;
    return dialect_uris[0].uri;
}

/* The dialect of a schema resource rooted at node: its "$schema" when that names
   a known dialect, else inherited. */
static unsigned node_dialect(const json_t *node, unsigned inherited)
{
    const json_t *sch = json_object_get(node, "$schema");
    unsigned d = json_is_string(sch) ? jsch__dialect_of_uri(json_string_value(sch)) : 0;
    return d ? d : inherited;
}

static jsch_resource *resource_new(jsch_index *idx, const char *uri, size_t len, json_t *root,
                                   jsch_resource *parent, unsigned dialect)
{
    jsch_resource *r = calloc(1, sizeof *r);
    if (!r)
        return NULL;
    r->uri = jsch__strndup(uri, len);
    r->root = root;
    r->parent = parent;
    r->dialect = node_dialect(root, dialect);
    if (!r->uri || jsch__vec_push(&idx->resources, r) != 0 ||
        jsch__smap_put(&idx->by_uri, r->uri, len, r) != 0) {
        free(r->uri);
        free(r);
        return NULL;
    }
    return r;
}

jsch_loc *jsch__index_add_loc(jsch_index *idx, const json_t *node, jsch_resource *res,
                              const char *ptr, size_t ptrlen)
{
    jsch_loc *l = malloc(sizeof *l);
    if (!l)
        return NULL;
    l->res = res;
    l->ptr = jsch__strndup(ptr, ptrlen);
    if (!l->ptr || jsch__vec_push(&idx->locs_owned, l) != 0) {
        free(l->ptr);
        free(l);
        return NULL;
    }
    if (jsch__pmap_put(&idx->locs, node, l) != 0)
        return NULL;
    return l;
}

typedef struct walker {
    jsch_index *idx;
    jsch_buf ptr;
    jsch_error *err;
} walker;

static int walk(walker *w, json_t *node, jsch_resource *res, int mode, unsigned depth);

/* walk() modes */
enum { WALK_SUB, WALK_ROOT, WALK_ID_DONE };

static int walk_child(walker *w, json_t *child, jsch_resource *res, const char *kw, const char *key,
                      size_t klen, size_t index, bool indexed, unsigned depth)
{
    size_t mark = w->ptr.len;
    jsch__buf_addc(&w->ptr, '/');
    jsch__ptr_escape(&w->ptr, kw, strlen(kw));
    if (key) {
        jsch__buf_addc(&w->ptr, '/');
        jsch__ptr_escape(&w->ptr, key, klen);
    } else if (indexed) {
        jsch__buf_addf(&w->ptr, "/%zu", index);
    }
    int rc = walk(w, child, res, WALK_SUB, depth + 1);
    w->ptr.len = mark;
    if (w->ptr.data)
        w->ptr.data[mark] = '\0';
    return rc;
}

static int add_anchor(jsch_resource *res, json_t *node, const char *kw, bool dynamic)
{
    json_t *a = json_object_get(node, kw);
    if (!json_is_string(a))
        return 0;
    const char *name = json_string_value(a);
    size_t len = json_string_length(a);
    if (res->dialect & JSCH_D_PRE2019) {
        /* draft-04 to -07: an "$id" ("id") with a plain-name fragment is an anchor */
        const char *h = memchr(name, '#', len);
        if (!h || h + 1 == name + len || h[1] == '/')
            return 0;
        len -= (size_t)(h + 1 - name);
        name = h + 1;
    }
    if (jsch__smap_put(&res->anchors, name, len, node) != 0)
        return -1;
    if (dynamic && jsch__smap_put(&res->dyn_anchors, name, len, node) != 0)
        return -1;
    return 0;
}

static int walk(walker *w, json_t *node, jsch_resource *res, int mode, unsigned depth)
{
    bool is_root = mode == WALK_ROOT;
    if (!json_is_object(node))
        return 0;
    if (depth > JSCH_MAX_DEPTH) {
        jsch__set_error(w->err, jsch__buf_cstr(&w->ptr), "schema nesting exceeds %d levels",
                        JSCH_MAX_DEPTH);
        return -1;
    }
    bool pre2019 = (res->dialect & JSCH_D_PRE2019) != 0;
    const char *idkw = res->dialect == JSCH_D4 ? "id" : "$id";
    json_t *id = json_object_get(node, idkw);
    /* before 2019-09 "$ref" overrides its siblings, "$id" included; and an "$id" that
       is only a fragment names an anchor, not a resource */
    if (pre2019 &&
        (json_object_get(node, "$ref") || (json_is_string(id) && json_string_value(id)[0] == '#')))
        id = NULL;
    size_t ptr_start = 0;
    if (json_is_string(id) && mode != WALK_ID_DONE) {
        char *uri = jsch__uri_resolve(res->uri, json_string_value(id));
        if (!uri)
            goto oom;
        size_t len = jsch__uri_base_len(uri);
        if (is_root) {
            if (len != strlen(res->uri) || memcmp(uri, res->uri, len) != 0) {
                /* the retrieval URI stays an alias of the root resource */
                char *old = res->uri;
                res->uri = jsch__strndup(uri, len);
                if (!res->uri || jsch__smap_put(&w->idx->by_uri, uri, len, res) != 0) {
                    free(res->uri);
                    res->uri = old;
                    free(uri);
                    goto oom;
                }
                free(old);
            }
        } else {
            res = resource_new(w->idx, uri, len, node, res, res->dialect);
            if (!res) {
                free(uri);
                goto oom;
            }
            ptr_start = w->ptr.len;
        }
        free(uri);
    }
    /* pointers are relative to the resource root */
    const char *p = jsch__buf_cstr(&w->ptr);
    if (!jsch__index_add_loc(w->idx, node, res, p + ptr_start, w->ptr.len - ptr_start))
        goto oom;
    size_t saved_len = w->ptr.len;
    if (ptr_start) {
        /* restart the pointer at the new resource root, restore afterwards */
        char *saved = jsch__strndup(p, w->ptr.len);
        if (!saved)
            goto oom;
        w->ptr.len = 0;
        if (w->ptr.data)
            w->ptr.data[0] = '\0';
        int rc = walk(w, node, res, WALK_ID_DONE, depth);
        w->ptr.len = 0;
        jsch__buf_add(&w->ptr, saved, saved_len);
        free(saved);
        return rc;
    }
    if (pre2019) {
        if (!json_object_get(node, "$ref") && add_anchor(res, node, idkw, false) != 0)
            goto oom;
    } else if (add_anchor(res, node, "$anchor", false) != 0 ||
               (res->dialect == JSCH_D2020 && add_anchor(res, node, "$dynamicAnchor", true) != 0)) {
        goto oom;
    }
    /* 2019-09: "$recursiveAnchor": true at a resource's root is the anchor "" of
       "$recursiveRef", resolved through the dynamic scope like "$dynamicRef" */
    if (res->dialect == JSCH_D2019 && node == res->root &&
        json_is_true(json_object_get(node, "$recursiveAnchor")) &&
        jsch__smap_put(&res->dyn_anchors, "", 0, node) != 0)
        goto oom;
    for (const char *const *k = single_kws; *k; k++) {
        if (res->dialect == JSCH_D2020 && !strcmp(*k, "additionalItems"))
            continue; /* not a 2020-12 keyword */
        json_t *v = json_object_get(node, *k);
        if (v && walk_child(w, v, res, *k, NULL, 0, 0, false, depth) != 0)
            return -1;
    }
    for (const char *const *k = map_kws; *k; k++) {
        json_t *m = json_object_get(node, *k);
        if (!json_is_object(m))
            continue;
        const char *key;
        json_t *v;
        void *it;
        for (it = json_object_iter(m); it; it = json_object_iter_next(m, it)) {
            key = json_object_iter_key(it);
            v = json_object_iter_value(it);
            if (walk_child(w, v, res, *k, key, json_object_iter_key_len(it), 0, false, depth))
                return -1;
        }
    }
    for (const char *const *k = array_kws; *k; k++) {
        json_t *a = json_object_get(node, *k);
        if (!json_is_array(a))
            continue;
        for (size_t i = 0; i < json_array_size(a); i++)
            if (walk_child(w, json_array_get(a, i), res, *k, NULL, 0, i, true, depth))
                return -1;
    }
    return 0;
oom:
    jsch__set_error(w->err, jsch__buf_cstr(&w->ptr), "out of memory");
    return -1;
}

int jsch__index_add_document(jsch_index *idx, const char *uri, json_t *doc, unsigned dialect,
                             jsch_error *err)
{
    size_t len = jsch__uri_base_len(uri);
    if (jsch__vec_push(&idx->docs, doc) != 0) {
        jsch__set_error(err, "", "out of memory");
        return -1;
    }
    json_incref(doc);
    jsch_resource *root = resource_new(idx, uri, len, doc, NULL, dialect);
    if (!root) {
        jsch__set_error(err, "", "out of memory");
        return -1;
    }
    walker w = { idx, { 0 }, err };
    int rc = walk(&w, doc, root, WALK_ROOT, 0);
    jsch__buf_free(&w.ptr);
    return rc;
}

void jsch__index_free(jsch_index *idx)
{
    for (size_t i = 0; i < idx->resources.n; i++) {
        jsch_resource *r = idx->resources.v[i];
        jsch__smap_free(&r->anchors);
        jsch__smap_free(&r->dyn_anchors);
        free(r->uri);
        free(r);
    }
    for (size_t i = 0; i < idx->locs_owned.n; i++) {
        jsch_loc *l = idx->locs_owned.v[i];
        free(l->ptr);
        free(l);
    }
    for (size_t i = 0; i < idx->docs.n; i++)
        json_decref(idx->docs.v[i]);
    free(idx->resources.v);
    free(idx->locs_owned.v);
    free(idx->docs.v);
    jsch__smap_free(&idx->by_uri);
    jsch__pmap_free(&idx->locs);
    memset(idx, 0, sizeof *idx);
}

/* ---- the registry ---- */

static int add_embedded(jsch_registry *reg, const char *uri, const char *text, size_t len)
{
    json_error_t jerr;
    json_t *doc = json_loadb(text, len, 0, &jerr);
    if (!doc)
        return -1;
    int rc = jsch_registry_add(reg, uri, doc, NULL);
    json_decref(doc);
    return rc;
}

/*
 * The embedded meta-schemas, by $id. They are parsed on first use, not when
 * a registry is made: a tool that compiles a trusted schema with
 * JSCH_NO_METASCHEMA never pays for them, which is most of its start-up.
 */
static const struct {
    const char *uri;
    const char *text;
    const size_t *len;
} embedded_metas[] = {
    { "https://json-schema.org/draft/2020-12/schema", jsch__meta_2020_12_schema,
      &jsch__meta_2020_12_schema_len },
    { "https://json-schema.org/draft/2020-12/meta/core", jsch__meta_2020_12_core,
      &jsch__meta_2020_12_core_len },
    { "https://json-schema.org/draft/2020-12/meta/applicator", jsch__meta_2020_12_applicator,
      &jsch__meta_2020_12_applicator_len },
    { "https://json-schema.org/draft/2020-12/meta/unevaluated", jsch__meta_2020_12_unevaluated,
      &jsch__meta_2020_12_unevaluated_len },
    { "https://json-schema.org/draft/2020-12/meta/validation", jsch__meta_2020_12_validation,
      &jsch__meta_2020_12_validation_len },
    { "https://json-schema.org/draft/2020-12/meta/meta-data", jsch__meta_2020_12_meta_data,
      &jsch__meta_2020_12_meta_data_len },
    { "https://json-schema.org/draft/2020-12/meta/format-annotation",
      jsch__meta_2020_12_format_annotation, &jsch__meta_2020_12_format_annotation_len },
    { "https://json-schema.org/draft/2020-12/meta/format-assertion",
      jsch__meta_2020_12_format_assertion, &jsch__meta_2020_12_format_assertion_len },
    { "https://json-schema.org/draft/2020-12/meta/content", jsch__meta_2020_12_content,
      &jsch__meta_2020_12_content_len },
    { "https://json-schema.org/draft/2019-09/schema", jsch__meta_2019_09_schema,
      &jsch__meta_2019_09_schema_len },
    { "https://json-schema.org/draft/2019-09/meta/core", jsch__meta_2019_09_core,
      &jsch__meta_2019_09_core_len },
    { "https://json-schema.org/draft/2019-09/meta/applicator", jsch__meta_2019_09_applicator,
      &jsch__meta_2019_09_applicator_len },
    { "https://json-schema.org/draft/2019-09/meta/validation", jsch__meta_2019_09_validation,
      &jsch__meta_2019_09_validation_len },
    { "https://json-schema.org/draft/2019-09/meta/meta-data", jsch__meta_2019_09_meta_data,
      &jsch__meta_2019_09_meta_data_len },
    { "https://json-schema.org/draft/2019-09/meta/format", jsch__meta_2019_09_format,
      &jsch__meta_2019_09_format_len },
    { "https://json-schema.org/draft/2019-09/meta/content", jsch__meta_2019_09_content,
      &jsch__meta_2019_09_content_len },
    { "http://json-schema.org/draft-07/schema", jsch__meta_draft_07_schema,
      &jsch__meta_draft_07_schema_len },
    { "http://json-schema.org/draft-06/schema", jsch__meta_draft_06_schema,
      &jsch__meta_draft_06_schema_len },
    { "http://json-schema.org/draft-04/schema", jsch__meta_draft_04_schema,
      &jsch__meta_draft_04_schema_len },
};

/* Parses the embedded meta-schema URI into REG; 1 loaded, 0 not one of them, -1 error. */
static int load_embedded(jsch_registry *reg, const char *uri, size_t len)
{
    for (size_t i = 0; i < sizeof embedded_metas / sizeof embedded_metas[0]; i++) {
        if (strlen(embedded_metas[i].uri) != len || memcmp(embedded_metas[i].uri, uri, len) != 0)
            continue;
        return add_embedded(reg, embedded_metas[i].uri, embedded_metas[i].text,
                            *embedded_metas[i].len) == 0
                   ? 1
                   : -1;
    }
    return 0;
}

jsch_registry *jsch_registry_new(void)
{
    jsch_registry *reg = calloc(1, sizeof(jsch_registry));
    if (reg)
        reg->dialect = JSCH_D2020;
    return reg;
}

int jsch_registry_set_default_dialect(jsch_registry *reg, const char *uri, jsch_error *err)
{
    unsigned d = uri ? jsch__dialect_of_uri(uri) : 0;
    if (!reg || !d) {
        jsch__set_error(err, "",
                        "unknown dialect \"%s\" (expected the meta-schema URI of draft-04, "
                        "draft-06, draft-07, 2019-09 or 2020-12)",
                        uri ? uri : "");
        return -1;
    }
    reg->dialect = d;
    return 0;
}

void jsch_registry_free(jsch_registry *reg)
{
    if (!reg)
        return;
    jsch__index_free(&reg->idx);
    for (size_t i = 0; i < reg->prefixes.n; i++) {
        jsch_prefix *p = reg->prefixes.v[i];
        free(p->prefix);
        free(p->dir);
        free(p);
    }
    free(reg->prefixes.v);
    for (size_t i = 0; i < reg->formats_owned.n; i++)
        free(reg->formats_owned.v[i]);
    free(reg->formats_owned.v);
    jsch__smap_free(&reg->formats);
    for (size_t i = 0; i < reg->metas_owned.n; i++)
        jsch_schema_free(reg->metas_owned.v[i]);
    free(reg->metas_owned.v);
    jsch__smap_free(&reg->metas);
    free(reg);
}

int jsch_registry_add(jsch_registry *reg, const char *uri, json_t *doc, jsch_error *err)
{
    if (!reg || !uri || !doc) {
        jsch__set_error(err, "", "invalid argument");
        return -1;
    }
    if (!jsch__uri_has_scheme(uri)) {
        jsch__set_error(err, "", "document URI \"%s\" is not absolute", uri);
        return -1;
    }
    return jsch__index_add_document(&reg->idx, uri, doc, reg->dialect, err);
}

int jsch_registry_map_prefix(jsch_registry *reg, const char *prefix, const char *dir,
                             jsch_error *err)
{
    jsch_prefix *p = calloc(1, sizeof *p);
    if (!p)
        goto oom;
    p->prefix = strdup(prefix);
    p->dir = strdup(dir);
    if (!p->prefix || !p->dir || jsch__vec_push(&reg->prefixes, p) != 0) {
        free(p->prefix);
        free(p->dir);
        free(p);
        goto oom;
    }
    return 0;
oom:
    jsch__set_error(err, "", "out of memory");
    return -1;
}

int jsch_registry_add_format(jsch_registry *reg, const char *name, jsch_format_fn check, void *ud,
                             jsch_error *err)
{
    jsch_format *f = malloc(sizeof *f);
    if (!f || jsch__vec_push(&reg->formats_owned, f) != 0) {
        free(f);
        jsch__set_error(err, "", "out of memory");
        return -1;
    }
    f->check = check;
    f->ud = ud;
    if (jsch__smap_put(&reg->formats, name, strlen(name), f) != 0) {
        jsch__set_error(err, "", "out of memory");
        return -1;
    }
    return 0;
}

static bool ends_with(const char *s, size_t len, const char *suffix)
{
    size_t n = strlen(suffix);
    return len >= n && memcmp(s + len - n, suffix, n) == 0;
}

/* Loads uri from a mapped directory; 1 loaded, 0 not mapped, -1 error. */
static int load_mapped(jsch_registry *reg, const char *uri, size_t len, jsch_error *err)
{
    for (size_t i = 0; i < reg->prefixes.n; i++) {
        const jsch_prefix *p = reg->prefixes.v[i];
        size_t plen = strlen(p->prefix);
        if (len < plen || memcmp(uri, p->prefix, plen) != 0)
            continue;
        const char *rest = uri + plen;
        size_t rlen = len - plen;
        char *u = jsch__strndup(uri, len);
        if (!u) {
            jsch__set_error(err, "", "out of memory");
            return -1;
        }
        /* URIs arrive with dot segments removed; refuse what could still escape */
        if (rlen == 0 || memchr(rest, '?', rlen) || strstr(u + plen, "..") || rest[0] == '/') {
            jsch__set_error(err, "", "cannot map \"%s\" to a file below \"%s\"", u, p->dir);
            free(u);
            return -1;
        }
        if (ends_with(rest, rlen, ".yaml") || ends_with(rest, rlen, ".yml")) {
            jsch__set_error(err, "", "YAML schema \"%s\" is not supported", u);
            free(u);
            return -1;
        }
        jsch_buf path = { 0 };
        jsch__buf_adds(&path, p->dir);
        if (path.len && path.data[path.len - 1] != '/')
            jsch__buf_addc(&path, '/');
        jsch__buf_add(&path, rest, rlen);
        json_error_t jerr;
        json_t *doc = json_load_file(jsch__buf_cstr(&path), 0, &jerr);
        if (!doc) {
            jsch__set_error(err, "", "cannot load \"%s\" from \"%s\": %s", u, jsch__buf_cstr(&path),
                            jerr.text);
            jsch__buf_free(&path);
            free(u);
            return -1;
        }
        jsch__buf_free(&path);
        int rc = jsch__index_add_document(&reg->idx, u, doc, reg->dialect, err);
        json_decref(doc);
        free(u);
        return rc == 0 ? 1 : -1;
    }
    return 0;
}

jsch_resource *jsch__registry_find(jsch_registry *reg, const char *uri, size_t len, jsch_error *err)
{
    jsch_resource *r = jsch__smap_get(&reg->idx.by_uri, uri, len);
    if (r)
        return r;
    int rc = load_embedded(reg, uri, len);
    if (rc > 0) {
        r = jsch__smap_get(&reg->idx.by_uri, uri, len);
        if (r)
            return r;
    }
    rc = load_mapped(reg, uri, len, err);
    if (rc < 0)
        return NULL;
    if (rc > 0)
        r = jsch__smap_get(&reg->idx.by_uri, uri, len);
    if (!r)
        jsch__set_error(err, "", "unknown schema \"%.*s\"", (int)len, uri);
    return r;
}

const jsch_schema *jsch__registry_metaschema(jsch_registry *reg, const char *uri, jsch_error *err)
{
    size_t len = jsch__uri_base_len(uri);
    jsch_schema *s = jsch__smap_get(&reg->metas, uri, len);
    if (s)
        return s;
    jsch_resource *r = jsch__registry_find(reg, uri, len, err);
    if (!r)
        return NULL;
    char *u = jsch__strndup(uri, len);
    if (!u)
        return NULL;
    s = jsch_compile(reg, r->root, u, JSCH_NO_METASCHEMA, err);
    free(u);
    if (!s)
        return NULL;
    if (jsch__vec_push(&reg->metas_owned, s) != 0 ||
        jsch__smap_put(&reg->metas, uri, len, s) != 0) {
        if (reg->metas_owned.n == 0 || reg->metas_owned.v[reg->metas_owned.n - 1] != s)
            jsch_schema_free(s);
        return NULL;
    }
    return s;
}
