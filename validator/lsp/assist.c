/*
 * assist.c - textDocument/hover and textDocument/completion.
 *
 * Both answer from the linter's schema (al_linter_schema_json_new, parsed
 * once) and where the cursor is in the body (bodyscan.h). The schema is
 * walked along the cursor's path: "properties" for a key, "items" for an
 * array's items, following local $refs and looking into allOf, anyOf and
 * oneOf. Hover on a key shows that property's title and description; on a
 * diagnostic's range the rule's summary too. Completion offers the
 * properties the schema allows in the enclosing object (with their
 * descriptions), the enum values of the property whose value is being
 * typed, and inside the header's cloudEnvironments the cloud names.
 */
#include <stdlib.h>
#include <string.h>

#include "advisor/rules.h"
#include "bodyscan.h"
#include "header.h"
#include "server.h"

#define MAX_HOPS 16

static const json_t *schema_root(al_lsp_server *s)
{
    al_error e;
    char *text;

    if (s->schema || s->schema_failed)
        return s->schema;
    text = al_linter_schema_json_new(s->linter, &e);
    if (text)
        s->schema = json_loads(text, 0, NULL);
    free(text);
    if (!s->schema)
        s->schema_failed = 1;
    return s->schema;
}

/* The node a local $ref ("#/a/b") names in ROOT, or NULL. */
static const json_t *resolve_ref(const json_t *root, const char *ref)
{
    const json_t *node = root;
    const char *p;
    char seg[256];

    if (ref[0] != '#')
        return NULL;
    p = ref + 1;
    while (node && *p == '/') {
        size_t n = 0;
        for (p++; *p && *p != '/' && n + 1 < sizeof(seg); p++) {
            if (p[0] == '~' && (p[1] == '0' || p[1] == '1')) {
                seg[n++] = p[1] == '0' ? '~' : '/';
                p++;
            } else {
                seg[n++] = *p;
            }
        }
        seg[n] = '\0';
        node = json_is_array(node) ? json_array_get(node, strtoul(seg, NULL, 10))
                                   : json_object_get(node, seg);
    }
    return node;
}

static const json_t *deref(const json_t *root, const json_t *node)
{
    int hops;
    for (hops = 0; node && hops < MAX_HOPS; hops++) {
        const json_t *ref = json_object_get(node, "$ref");
        const json_t *to;
        if (!json_is_string(ref) || !(to = resolve_ref(root, json_string_value(ref))))
            return node;
        node = to;
    }
    return node;
}

static const char *const combiners[] = { "allOf", "anyOf", "oneOf" };

/* The subschema for member KEY (or the items, KEY "[]") of NODE, or NULL. */
static const json_t *child(const json_t *root, const json_t *node, const char *key, int depth)
{
    const json_t *found;
    size_t c, i;

    if (!node || depth > MAX_HOPS)
        return NULL;
    if (json_object_get(node, "$ref")) {
        found = child(root, deref(root, node), key, depth + 1);
        if (found)
            return found;
    }
    found = !strcmp(key, "[]") ? json_object_get(node, "items")
                               : json_object_get(json_object_get(node, "properties"), key);
    if (found)
        return found;
    for (c = 0; c < 3; c++) {
        const json_t *list = json_object_get(node, combiners[c]);
        for (i = 0; i < json_array_size(list); i++)
            if ((found = child(root, json_array_get(list, i), key, depth + 1)))
                return found;
    }
    return NULL;
}

/* The subschema at PATH (DEPTH keys), or NULL. */
static const json_t *at_path(const json_t *root, char *const *path, size_t depth)
{
    const json_t *node = root;
    size_t i;
    for (i = 0; node && i < depth; i++)
        node = child(root, node, path[i], 0);
    return node;
}

/* A string member NAME of NODE or of what its $ref names. */
static const char *text_of(const json_t *root, const json_t *node, const char *name)
{
    const json_t *v = json_object_get(node, name);
    if (!json_is_string(v))
        v = json_object_get(deref(root, node), name);
    return json_is_string(v) ? json_string_value(v) : NULL;
}

/* The "enum" of NODE (through $refs and combiners), or NULL. */
static const json_t *enum_of(const json_t *root, const json_t *node, int depth)
{
    const json_t *e;
    size_t c, i;

    if (!node || depth > MAX_HOPS)
        return NULL;
    node = deref(root, node);
    if ((e = json_object_get(node, "enum")) && json_is_array(e))
        return e;
    for (c = 0; c < 3; c++) {
        const json_t *list = json_object_get(node, combiners[c]);
        for (i = 0; i < json_array_size(list); i++)
            if ((e = enum_of(root, json_array_get(list, i), depth + 1)))
                return e;
    }
    return NULL;
}

/* Adds every property NODE allows to OUT (name -> subschema, the first seen kept). */
static void collect_properties(const json_t *root, const json_t *node, json_t *out, int depth)
{
    const json_t *props;
    json_t *v;
    const char *k;
    size_t c, i;

    if (!node || depth > MAX_HOPS)
        return;
    node = deref(root, node);
    props = json_object_get(node, "properties");
    json_object_foreach((json_t *)props, k, v)
        if (!json_object_get(out, k))
            json_object_set(out, k, v);
    for (c = 0; c < 3; c++) {
        const json_t *list = json_object_get(node, combiners[c]);
        for (i = 0; i < json_array_size(list); i++)
            collect_properties(root, json_array_get(list, i), out, depth + 1);
    }
}

/* Appends "TEXT" to the growing Markdown *MD (a separator when not empty). */
static void md_append(char **md, const char *text)
{
    size_t a = *md ? strlen(*md) : 0, b = strlen(text);
    char *n = realloc(*md, a + b + 8);
    if (!n)
        return;
    if (a)
        memcpy(n + a, "\n\n---\n\n", 7), a += 7;
    memcpy(n + a, text, b + 1);
    *md = n;
}

static void hover_key(al_lsp_server *s, al_lsp_doc *d, size_t off, char **md)
{
    size_t bs, be;
    al_scan scan;
    const json_t *root = schema_root(s), *obj, *prop;

    if (!root || al_scan_body(d->name, d->text, d->len, &bs, &be) != 0)
        return;
    al_scan_at(d->text, bs, be, off, &scan);
    if (scan.kind == AL_SCAN_KEY && scan.key) {
        obj = at_path(root, scan.path, scan.depth);
        prop = obj ? child(root, obj, scan.key, 0) : NULL;
        if (prop) {
            const char *title = text_of(root, prop, "title");
            const char *desc = text_of(root, prop, "description");
            size_t n =
                strlen(scan.key) + (title ? strlen(title) : 0) + (desc ? strlen(desc) : 0) + 32;
            char *buf = malloc(n);
            if (buf) {
                snprintf(buf, n, "**%s**%s%s\n\n%s", scan.key, title ? ": " : "",
                         title ? title : "", desc ? desc : "");
                md_append(md, buf);
                free(buf);
            }
        }
    }
    al_scan_release(&scan);
}

static void hover_rules(al_lsp_doc *d, size_t off, char **md)
{
    size_t i;
    char buf[1024];
    for (i = 0; i < d->findings.count; i++) {
        const al_finding *f = &d->findings.items[i];
        const al_rule_info *r;
        size_t a, b;
        al_lsp_finding_span(d, f, &a, &b);
        if (off < a || off > b || !(r = al_rule_info_find(f->rule)))
            continue;
        snprintf(buf, sizeof(buf), "**%s** (%s): %s", r->id, al_severity_name(r->severity),
                 r->summary);
        md_append(md, buf);
    }
}

json_t *al_lsp_hover(al_lsp_server *s, al_lsp_doc *d, size_t off)
{
    char *md = NULL;
    json_t *j;

    hover_key(s, d, off, &md);
    hover_rules(d, off, &md);
    if (!md)
        return json_null();
    j = json_pack("{s:{s:s,s:o}}", "contents", "kind", "markdown", "value", al_lsp_string(md));
    free(md);
    return j;
}

/* One completion item: LABEL, replacing [A, B) when IN_STRING, else inserting INSERT. */
static json_t *item(const al_lsp_doc *d, const char *label, int kind, const char *detail,
                    const char *doc, int in_string, size_t a, size_t b, const char *insert)
{
    json_t *it = json_pack("{s:o,s:i}", "label", al_lsp_string(label), "kind", kind);
    if (!it)
        return NULL;
    if (detail)
        json_object_set_new(it, "detail", al_lsp_string(detail));
    if (doc)
        json_object_set_new(it, "documentation",
                            json_pack("{s:s,s:o}", "kind", "markdown", "value",
                                      al_lsp_string(doc)));
    if (in_string)
        json_object_set_new(it, "textEdit",
                            json_pack("{s:o,s:o}", "range", al_lsp_range_json(d, a, b), "newText",
                                      al_lsp_string(label)));
    else
        json_object_set_new(it, "insertText", al_lsp_string(insert));
    return it;
}

static void complete_keys(const json_t *root, const al_lsp_doc *d, const al_scan *scan,
                          json_t *items)
{
    const json_t *obj = at_path(root, scan->path, scan->depth), *v;
    json_t *props = json_object();
    const char *k;
    char insert[512];

    collect_properties(root, obj, props, 0);
    json_object_foreach(props, k, v) {
        snprintf(insert, sizeof(insert), "\"%s\": ", k);
        json_array_append_new(items, item(d, k, 10, text_of(root, v, "title"),
                                          text_of(root, v, "description"), scan->in_string,
                                          scan->str_start, scan->str_end, insert));
    }
    json_decref(props);
}

static void complete_values(const json_t *root, const al_lsp_doc *d, const al_scan *scan,
                            json_t *items)
{
    const json_t *obj = at_path(root, scan->path, scan->depth);
    const json_t *node = scan->key ? child(root, obj, scan->key, 0) : obj;
    const json_t *e = enum_of(root, node, 0);
    char insert[512];
    size_t i;

    for (i = 0; i < json_array_size(e); i++) {
        const json_t *v = json_array_get(e, i);
        if (!json_is_string(v))
            continue;
        snprintf(insert, sizeof(insert), "\"%s\"", json_string_value(v));
        json_array_append_new(items, item(d, json_string_value(v), 20, NULL, NULL, scan->in_string,
                                          scan->str_start, scan->str_end, insert));
    }
}

/* Inside the header's cloudEnvironments value: the cloud names, replacing the item at OFF. */
static int complete_clouds(const al_lsp_doc *d, size_t off, json_t *items)
{
    size_t start, close, vs, ve, a, b, i, n;
    const char *const *names;

    if (al_lsp_find_header(d->text, d->len, &start, &close) != 0 ||
        al_lsp_find_attribute(d->text, start, close, "cloudEnvironments", &vs, &ve) != 0 ||
        off < vs || off > ve)
        return 0;
    for (a = off; a > vs && d->text[a - 1] != ','; a--)
        ;
    while (a < off && d->text[a] == ' ')
        a++;
    for (b = off; b < ve && d->text[b] != ','; b++)
        ;
    while (b > off && d->text[b - 1] == ' ')
        b--;
    names = al_cloud_names(&n);
    for (i = 0; i < n; i++)
        json_array_append_new(items, item(d, names[i], 20, "cloud", NULL, 1, a, b, NULL));
    return 1;
}

json_t *al_lsp_completion(al_lsp_server *s, al_lsp_doc *d, size_t off)
{
    json_t *items = json_array();
    const json_t *root = schema_root(s);
    size_t bs, be;
    al_scan scan;

    if (!items || complete_clouds(d, off, items) || !root ||
        al_scan_body(d->name, d->text, d->len, &bs, &be) != 0)
        return items;
    al_scan_at(d->text, bs, be, off, &scan);
    if (scan.kind == AL_SCAN_KEY || scan.kind == AL_SCAN_KEY_SLOT)
        complete_keys(root, d, &scan, items);
    else if (scan.kind == AL_SCAN_VALUE)
        complete_values(root, d, &scan, items);
    al_scan_release(&scan);
    return items;
}
