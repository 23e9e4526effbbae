/*
 * compile.c - turns schema JSON into a graph of jsch_node.
 *
 * Each object subschema becomes one node holding its keywords, parsed and
 * checked once, in a fixed evaluation order (unevaluated* last, since they
 * depend on what the others evaluated). Nodes are memoized by their JSON
 * address, so a "$ref" simply points at the target node, and reference
 * cycles become cycles in the graph (validation bounds its depth). Every
 * keyword value is checked here, so a schema that slipped past the
 * meta-schema check (or skipped it) is a compile error, never a crash.
 */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "jsonschema_private.h"

#define ANON_BASE "urn:jsch:anonymous-schema"

typedef struct kwctx {
    jsch_compiler *c;
    jsch_node *node;
    const jsch_loc *loc;
} kwctx;

static jsch_node *compile_node(jsch_compiler *c, const json_t *json, const char *ptr_hint);

/* Compile errors name a JSON pointer into the compiled document, or
   "uri#pointer" for subschemas of other resources. */
static void where(const kwctx *k, const char *ptr, const char *kw, jsch_buf *b)
{
    if (k->loc->res != k->c->local.resources.v[0]) {
        jsch__buf_adds(b, k->loc->res->uri);
        jsch__buf_addc(b, '#');
    }
    jsch__buf_adds(b, ptr);
    if (kw) {
        jsch__buf_addc(b, '/');
        jsch__ptr_escape(b, kw, strlen(kw));
    }
}

/* Records an error about keyword kw (NULL: the node itself); returns -1. */
static int fail(const kwctx *k, const char *kw, const char *fmt, ...) JSCH_PRINTF(3, 4);
static int fail(const kwctx *k, const char *kw, const char *fmt, ...)
{
    jsch_buf b = { 0 };
    where(k, k->loc->ptr, kw, &b);
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(k->c->err->message, sizeof k->c->err->message, fmt, ap);
    va_end(ap);
    snprintf(k->c->err->location, sizeof k->c->err->location, "%s", jsch__buf_cstr(&b));
    jsch__buf_free(&b);
    return -1;
}

static int oom(const kwctx *k)
{
    return fail(k, NULL, "out of memory");
}

/* Compiles child (a keyword's subschema) of the node being compiled. */
static jsch_node *child(const kwctx *k, const json_t *json, const char *kw, const char *key,
                        size_t klen, long index)
{
    jsch_buf p = { 0 };
    jsch__buf_adds(&p, k->loc->ptr);
    jsch__buf_addc(&p, '/');
    jsch__ptr_escape(&p, kw, strlen(kw));
    if (key) {
        jsch__buf_addc(&p, '/');
        jsch__ptr_escape(&p, key, klen);
    } else if (index >= 0) {
        jsch__buf_addf(&p, "/%ld", index);
    }
    if (!json_is_object(json) && !json_is_boolean(json)) {
        jsch_buf w = { 0 };
        where(k, jsch__buf_cstr(&p), NULL, &w);
        jsch__set_error(k->c->err, jsch__buf_cstr(&w),
                        "\"%s\" must contain schemas (objects or booleans)", kw);
        jsch__buf_free(&w);
        jsch__buf_free(&p);
        return NULL;
    }
    jsch_node *n = NULL;
    if (json_is_object(json) && !jsch__ref_loc_of(k->c, json) &&
        !jsch__index_add_loc(&k->c->local, json, k->loc->res, jsch__buf_cstr(&p), p.len)) {
        oom(k);
    } else {
        n = compile_node(k->c, json, jsch__buf_cstr(&p));
    }
    jsch__buf_free(&p);
    return n;
}

static bool get_count(const json_t *v, size_t *out)
{
    if (json_is_integer(v)) {
        if (json_integer_value(v) < 0)
            return false;
        *out = (size_t)json_integer_value(v);
        return true;
    }
    if (json_is_real(v)) {
        double d = json_real_value(v);
        if (d < 0 || d != floor(d))
            return false;
        *out = d > 1e18 ? (size_t)1e18 : (size_t)d;
        return true;
    }
    return false;
}

static int parse_count(kwctx *k, jsch_kw *kw)
{
    if (!get_count(kw->value, &kw->u.limit))
        return fail(k, kw->name, "\"%s\" must be a non-negative integer", kw->name);
    return 0;
}

static int parse_number(kwctx *k, jsch_kw *kw)
{
    if (!json_is_number(kw->value))
        return fail(k, kw->name, "\"%s\" must be a number", kw->name);
    if (kw->kind == KW_MULTIPLEOF && !(json_number_value(kw->value) > 0))
        return fail(k, kw->name, "\"%s\" must be greater than 0", kw->name);
    return 0;
}

static const char *const type_names[] = { "object", "array",   "string", "integer",
                                          "number", "boolean", "null" };

/* Bit per type name; json_type's values index this (JSON_INTEGER = integer). */
static int type_bit(const json_t *s)
{
    if (!json_is_string(s))
        return -1;
    for (int i = 0; i < 7; i++)
        if (strcmp(json_string_value(s), type_names[i]) == 0)
            return i;
    return -1;
}

static int parse_type(kwctx *k, jsch_kw *kw)
{
    const json_t *v = kw->value;
    if (json_is_string(v)) {
        int b = type_bit(v);
        if (b < 0)
            return fail(k, kw->name, "\"%s\" has unknown type \"%s\"", kw->name,
                        json_string_value(v));
        kw->u.types = 1u << b;
        return 0;
    }
    if (!json_is_array(v) || json_array_size(v) == 0)
        return fail(k, kw->name, "\"%s\" must be a type name or a non-empty array of them",
                    kw->name);
    kw->u.types = 0;
    for (size_t i = 0; i < json_array_size(v); i++) {
        int b = type_bit(json_array_get(v, i));
        if (b < 0)
            return fail(k, kw->name, "\"%s\" must be a type name or a non-empty array of them",
                        kw->name);
        kw->u.types |= 1u << b;
    }
    return 0;
}

static int parse_sub(kwctx *k, jsch_kw *kw)
{
    kw->u.sub = child(k, kw->value, kw->name, NULL, 0, -1);
    return kw->u.sub ? 0 : -1;
}

static int parse_list(kwctx *k, jsch_kw *kw)
{
    if (!json_is_array(kw->value) ||
        (json_array_size(kw->value) == 0 && kw->kind != KW_PREFIXITEMS))
        return fail(k, kw->name, "\"%s\" must be a non-empty array of schemas", kw->name);
    size_t n = json_array_size(kw->value);
    kw->u.list.v = calloc(n ? n : 1, sizeof *kw->u.list.v);
    if (!kw->u.list.v)
        return oom(k);
    kw->u.list.n = n;
    for (size_t i = 0; i < n; i++) {
        kw->u.list.v[i] = child(k, json_array_get(kw->value, i), kw->name, NULL, 0, (long)i);
        if (!kw->u.list.v[i])
            return -1;
    }
    return 0;
}

static int parse_props(kwctx *k, jsch_kw *kw)
{
    if (!json_is_object(kw->value))
        return fail(k, kw->name, "\"%s\" must be an object of schemas", kw->name);
    size_t n = json_object_size(kw->value);
    kw->u.props.v = calloc(n ? n : 1, sizeof *kw->u.props.v);
    if (!kw->u.props.v)
        return oom(k);
    for (void *it = json_object_iter((json_t *)kw->value); it;
         it = json_object_iter_next((json_t *)kw->value, it)) {
        jsch_named *e = &kw->u.props.v[kw->u.props.n++];
        e->name = json_object_iter_key(it);
        e->len = json_object_iter_key_len(it);
        e->node = child(k, json_object_iter_value(it), kw->name, e->name, e->len, -1);
        if (!e->node)
            return -1;
        if (jsch__smap_put(&kw->u.props.map, e->name, e->len, e->node) != 0)
            return oom(k);
    }
    return 0;
}

static int parse_patterns(kwctx *k, jsch_kw *kw)
{
    if (!json_is_object(kw->value))
        return fail(k, kw->name, "\"%s\" must be an object of schemas", kw->name);
    size_t n = json_object_size(kw->value);
    kw->u.pats.v = calloc(n ? n : 1, sizeof *kw->u.pats.v);
    if (!kw->u.pats.v)
        return oom(k);
    for (void *it = json_object_iter((json_t *)kw->value); it;
         it = json_object_iter_next((json_t *)kw->value, it)) {
        const char *key = json_object_iter_key(it);
        size_t klen = json_object_iter_key_len(it);
        char msg[160];
        jsch_regex *re = jsch__regex_compile(key, klen, msg, sizeof msg);
        if (!re || jsch__vec_push(&k->c->out->regexes, re) != 0) {
            jsch__regex_free(re);
            return fail(k, kw->name, "\"%s\" has an invalid regular expression: %s", kw->name, msg);
        }
        jsch_patnode *e = &kw->u.pats.v[kw->u.pats.n++];
        e->re = re;
        e->node = child(k, json_object_iter_value(it), kw->name, key, klen, -1);
        if (!e->node)
            return -1;
    }
    return 0;
}

static int parse_pattern(kwctx *k, jsch_kw *kw)
{
    if (!json_is_string(kw->value))
        return fail(k, kw->name, "\"%s\" must be a string", kw->name);
    char msg[160];
    jsch_regex *re = jsch__regex_compile(json_string_value(kw->value),
                                         json_string_length(kw->value), msg, sizeof msg);
    if (!re || jsch__vec_push(&k->c->out->regexes, re) != 0) {
        jsch__regex_free(re);
        return fail(k, kw->name, "\"%s\" is not a valid regular expression: %s", kw->name, msg);
    }
    kw->u.re = re;
    return 0;
}

static bool string_array(const json_t *v)
{
    if (!json_is_array(v))
        return false;
    for (size_t i = 0; i < json_array_size(v); i++)
        if (!json_is_string(json_array_get(v, i)))
            return false;
    return true;
}

static int parse_required(kwctx *k, jsch_kw *kw)
{
    if (!string_array(kw->value))
        return fail(k, kw->name, "\"%s\" must be an array of strings", kw->name);
    return 0;
}

static int parse_dep_required(kwctx *k, jsch_kw *kw)
{
    const char *key;
    json_t *v;
    if (!json_is_object(kw->value))
        return fail(k, kw->name, "\"%s\" must be an object of string arrays", kw->name);
    json_object_foreach((json_t *)kw->value, key, v) {
        if (!string_array(v))
            return fail(k, kw->name, "\"%s\" must be an object of string arrays", kw->name);
    }
    return 0;
}

static int parse_unique(kwctx *k, jsch_kw *kw)
{
    if (!json_is_boolean(kw->value))
        return fail(k, kw->name, "\"%s\" must be a boolean", kw->name);
    kw->u.flag = json_is_true(kw->value);
    return 0;
}

static int parse_nothing(kwctx *k, jsch_kw *kw)
{
    (void)k;
    (void)kw;
    return 0;
}

static int parse_enum(kwctx *k, jsch_kw *kw)
{
    if (!json_is_array(kw->value))
        return fail(k, kw->name, "\"%s\" must be an array", kw->name);
    return 0;
}

static int parse_format(kwctx *k, jsch_kw *kw)
{
    if (!json_is_string(kw->value))
        return fail(k, kw->name, "\"%s\" must be a string", kw->name);
    const char *name = json_string_value(kw->value);
    jsch_format *custom = jsch__smap_get(&k->c->reg->formats, name, strlen(name));
    if (custom) {
        kw->u.format.check = custom->check;
        kw->u.format.ud = custom->ud;
        kw->u.format.builtin = false;
    } else {
        kw->u.format.check = jsch__format_builtin(name);
        kw->u.format.ud = NULL;
        kw->u.format.builtin = true;
    }
    return 0;
}

static int resolve_target(kwctx *k, jsch_kw *kw, jsch_node **out, const json_t **json)
{
    if (!json_is_string(kw->value))
        return fail(k, kw->name, "\"%s\" must be a string", kw->name);
    char *uri = jsch__uri_resolve(k->loc->res->uri, json_string_value(kw->value));
    if (!uri)
        return oom(k);
    jsch_loc *loc = NULL;
    jsch_error sub;
    jsch_error *saved = k->c->err;
    k->c->err = &sub;
    sub.message[0] = '\0';
    const json_t *target = jsch__ref_resolve(k->c, uri, &loc);
    k->c->err = saved;
    if (!target) {
        jsch_buf m = { 0 };
        jsch__buf_addf(&m, "cannot resolve \"%s\": %s", json_string_value(kw->value), sub.message);
        free(uri);
        int rc = fail(k, kw->name, "%s", jsch__buf_cstr(&m));
        jsch__buf_free(&m);
        return rc;
    }
    free(uri);
    if (json_is_object(target) && !loc)
        return oom(k);
    *json = target;
    *out = compile_node(k->c, target, loc ? loc->ptr : "");
    return *out ? 0 : -1;
}

static int parse_ref(kwctx *k, jsch_kw *kw)
{
    const json_t *target;
    return resolve_target(k, kw, &kw->u.ref.target, &target);
}

/* A "$dynamicRef" is dynamic only when its initial target carries a
   matching "$dynamicAnchor" (the "bookend"); otherwise it acts as "$ref". */
static int parse_dynref(kwctx *k, jsch_kw *kw)
{
    const json_t *target;
    if (resolve_target(k, kw, &kw->u.ref.target, &target) != 0)
        return -1;
    kw->u.ref.anchor = NULL;
    const char *h = strchr(json_string_value(kw->value), '#');
    if (!h || h[1] == '/' || h[1] == '\0' || !json_is_object(target))
        return 0;
    const json_t *da = json_object_get(target, "$dynamicAnchor");
    if (!json_is_string(da) || strcmp(json_string_value(da), h + 1) != 0)
        return 0;
    char *name = strdup(h + 1);
    if (!name || jsch__vec_push(&k->c->out->strings, name) != 0) {
        free(name);
        return oom(k);
    }
    kw->u.ref.anchor = name;
    return 0;
}

/* 2019-09: "$recursiveRef" is dynamic only when its initial target has
   "$recursiveAnchor": true (the anchor "" of the dynamic scope); else "$ref". */
static int parse_recref(kwctx *k, jsch_kw *kw)
{
    const json_t *target;
    if (resolve_target(k, kw, &kw->u.ref.target, &target) != 0)
        return -1;
    kw->u.ref.anchor = NULL;
    if (json_is_object(target) && json_is_true(json_object_get(target, "$recursiveAnchor")))
        kw->u.ref.anchor = "";
    return 0;
}

/* draft-04 to 2019-09 "items": an array of schemas is what 2020-12 calls
   "prefixItems"; a single schema applies to every item. */
static int parse_items_pre2020(kwctx *k, jsch_kw *kw)
{
    if (json_is_array(kw->value)) {
        kw->kind = KW_PREFIXITEMS;
        return parse_list(k, kw);
    }
    kw->kind = KW_ITEMS;
    return parse_sub(k, kw);
}

/* draft-04 to -07 "dependencies": per property, an array of property names
   (node NULL: dependentRequired) or a schema (dependentSchemas). */
static int parse_dependencies(kwctx *k, jsch_kw *kw)
{
    if (!json_is_object(kw->value))
        return fail(k, kw->name, "\"%s\" must be an object", kw->name);
    size_t n = json_object_size(kw->value);
    kw->u.props.v = calloc(n ? n : 1, sizeof *kw->u.props.v);
    if (!kw->u.props.v)
        return oom(k);
    for (void *it = json_object_iter((json_t *)kw->value); it;
         it = json_object_iter_next((json_t *)kw->value, it)) {
        jsch_named *e = &kw->u.props.v[kw->u.props.n++];
        const json_t *v = json_object_iter_value(it);
        e->name = json_object_iter_key(it);
        e->len = json_object_iter_key_len(it);
        if (json_is_array(v)) {
            if (!string_array(v))
                return fail(k, kw->name, "\"%s\" must hold arrays of strings or schemas", kw->name);
            continue;
        }
        e->node = child(k, v, kw->name, e->name, e->len, -1);
        if (!e->node)
            return -1;
    }
    return 0;
}

/* draft-04 "exclusiveMaximum"/"exclusiveMinimum": a boolean that makes the
   sibling "maximum"/"minimum" exclusive (applied in compile_keywords). */
static int parse_exclusive_flag(kwctx *k, jsch_kw *kw)
{
    if (!json_is_boolean(kw->value))
        return fail(k, kw->name, "\"%s\" must be a boolean in draft-04", kw->name);
    return 0;
}

static int parse_if(kwctx *k, jsch_kw *kw)
{
    kw->u.cond.cond = child(k, kw->value, "if", NULL, 0, -1);
    if (!kw->u.cond.cond)
        return -1;
    const json_t *t = json_object_get(k->node->json, "then");
    const json_t *e = json_object_get(k->node->json, "else");
    if (t && !(kw->u.cond.then = child(k, t, "then", NULL, 0, -1)))
        return -1;
    if (e && !(kw->u.cond.els = child(k, e, "else", NULL, 0, -1)))
        return -1;
    return 0;
}

static int parse_contains(kwctx *k, jsch_kw *kw)
{
    kw->u.contains.sub = child(k, kw->value, kw->name, NULL, 0, -1);
    if (!kw->u.contains.sub)
        return -1;
    kw->u.contains.min = 1;
    kw->u.contains.mark = k->node->res->dialect == JSCH_D2020;
    if ((k->node->res->vocab & VOC_VALIDATION) && (k->node->res->dialect & ~JSCH_D_PRE2019)) {
        const json_t *mn = json_object_get(k->node->json, "minContains");
        const json_t *mx = json_object_get(k->node->json, "maxContains");
        if (mn && !get_count(mn, &kw->u.contains.min))
            return fail(k, "minContains", "\"minContains\" must be a non-negative integer");
        if (mx) {
            if (!get_count(mx, &kw->u.contains.max))
                return fail(k, "maxContains", "\"maxContains\" must be a non-negative integer");
            kw->u.contains.has_max = true;
        }
    }
    return 0;
}

typedef struct kwdef {
    const char *name;
    jsch_kwkind kind;
    unsigned vocab;
    unsigned dialects; /* JSCH_D* bits of the dialects that have this keyword */
    int (*parse)(kwctx *, jsch_kw *);
} kwdef;

#define D_ALL JSCH_D_ALL
#define D_6UP (JSCH_D6 | JSCH_D7 | JSCH_D2019 | JSCH_D2020)
#define D_7UP (JSCH_D7 | JSCH_D2019 | JSCH_D2020)
#define D_19UP (JSCH_D2019 | JSCH_D2020)
#define D_PRE19 JSCH_D_PRE2019
#define D_PRE20 (JSCH_D_PRE2019 | JSCH_D2019)

/* Evaluation order. A name may appear once per dialect. */
static const kwdef kwdefs[] = {
    { "$ref", KW_REF, VOC_CORE, D_ALL, parse_ref },
    { "$dynamicRef", KW_DYNREF, VOC_CORE, JSCH_D2020, parse_dynref },
    { "$recursiveRef", KW_DYNREF, VOC_CORE, JSCH_D2019, parse_recref },
    { "type", KW_TYPE, VOC_VALIDATION, D_ALL, parse_type },
    { "enum", KW_ENUM, VOC_VALIDATION, D_ALL, parse_enum },
    { "const", KW_CONST, VOC_VALIDATION, D_6UP, parse_nothing },
    { "multipleOf", KW_MULTIPLEOF, VOC_VALIDATION, D_ALL, parse_number },
    { "maximum", KW_MAXIMUM, VOC_VALIDATION, D_ALL, parse_number },
    { "exclusiveMaximum", KW_EXMAXIMUM, VOC_VALIDATION, D_6UP, parse_number },
    { "exclusiveMaximum", KW_EXMAXIMUM, VOC_VALIDATION, JSCH_D4, parse_exclusive_flag },
    { "minimum", KW_MINIMUM, VOC_VALIDATION, D_ALL, parse_number },
    { "exclusiveMinimum", KW_EXMINIMUM, VOC_VALIDATION, D_6UP, parse_number },
    { "exclusiveMinimum", KW_EXMINIMUM, VOC_VALIDATION, JSCH_D4, parse_exclusive_flag },
    { "maxLength", KW_MAXLENGTH, VOC_VALIDATION, D_ALL, parse_count },
    { "minLength", KW_MINLENGTH, VOC_VALIDATION, D_ALL, parse_count },
    { "pattern", KW_PATTERN, VOC_VALIDATION, D_ALL, parse_pattern },
    { "format", KW_FORMAT, VOC_FORMAT_ANNOTATION | VOC_FORMAT_ASSERTION, D_ALL, parse_format },
    { "maxItems", KW_MAXITEMS, VOC_VALIDATION, D_ALL, parse_count },
    { "minItems", KW_MINITEMS, VOC_VALIDATION, D_ALL, parse_count },
    { "uniqueItems", KW_UNIQUEITEMS, VOC_VALIDATION, D_ALL, parse_unique },
    { "maxProperties", KW_MAXPROPERTIES, VOC_VALIDATION, D_ALL, parse_count },
    { "minProperties", KW_MINPROPERTIES, VOC_VALIDATION, D_ALL, parse_count },
    { "required", KW_REQUIRED, VOC_VALIDATION, D_ALL, parse_required },
    { "dependentRequired", KW_DEPREQUIRED, VOC_VALIDATION, D_19UP, parse_dep_required },
    /* gone since 2019-09, still honoured there as the suite's optional
       dependencies-compatibility asks (peers do the same) */
    { "dependencies", KW_DEPENDENCIES, VOC_APPLICATOR, D_ALL, parse_dependencies },
    { "properties", KW_PROPERTIES, VOC_APPLICATOR, D_ALL, parse_props },
    { "patternProperties", KW_PATTERNPROPERTIES, VOC_APPLICATOR, D_ALL, parse_patterns },
    { "additionalProperties", KW_ADDITIONALPROPERTIES, VOC_APPLICATOR, D_ALL, parse_sub },
    { "propertyNames", KW_PROPERTYNAMES, VOC_APPLICATOR, D_6UP, parse_sub },
    { "dependentSchemas", KW_DEPSCHEMAS, VOC_APPLICATOR, D_19UP, parse_props },
    { "prefixItems", KW_PREFIXITEMS, VOC_APPLICATOR, JSCH_D2020, parse_list },
    { "items", KW_ITEMS, VOC_APPLICATOR, JSCH_D2020, parse_sub },
    { "items", KW_ITEMS, VOC_APPLICATOR, D_PRE20, parse_items_pre2020 },
    { "additionalItems", KW_ITEMS, VOC_APPLICATOR, D_PRE20, parse_sub },
    { "contains", KW_CONTAINS, VOC_APPLICATOR, D_6UP, parse_contains },
    { "allOf", KW_ALLOF, VOC_APPLICATOR, D_ALL, parse_list },
    { "anyOf", KW_ANYOF, VOC_APPLICATOR, D_ALL, parse_list },
    { "oneOf", KW_ONEOF, VOC_APPLICATOR, D_ALL, parse_list },
    { "not", KW_NOT, VOC_APPLICATOR, D_ALL, parse_sub },
    { "if", KW_IF, VOC_APPLICATOR, D_7UP, parse_if },
    { "unevaluatedItems", KW_UNEVALITEMS, VOC_UNEVALUATED, D_19UP, parse_sub },
    { "unevaluatedProperties", KW_UNEVALPROPS, VOC_UNEVALUATED, D_19UP, parse_sub },
};
#define NKWDEFS (sizeof kwdefs / sizeof kwdefs[0])

/* A resource whose "$schema" is a custom meta-schema is in that meta-schema's
   dialect (the index guessed its parent's or the default). */
static unsigned dialect_of_resource(jsch_compiler *c, jsch_resource *res)
{
    const json_t *sch = json_is_object(res->root) ? json_object_get(res->root, "$schema") : NULL;
    if (!json_is_string(sch) || jsch__dialect_of_uri(json_string_value(sch)))
        return res->dialect;
    const char *uri = json_string_value(sch);
    size_t blen = jsch__uri_base_len(uri);
    jsch_resource *meta = jsch__smap_get(&c->local.by_uri, uri, blen);
    if (!meta) {
        jsch_error ignored;
        meta = jsch__registry_find(c->reg, uri, blen, &ignored);
    }
    return meta && meta != res ? meta->dialect : res->dialect;
}

static jsch_cres *cres_for(jsch_compiler *c, jsch_resource *res)
{
    jsch_cres *cr = jsch__pmap_get(&c->cres_of, res);
    if (cr)
        return cr;
    cr = calloc(1, sizeof *cr);
    if (!cr)
        return NULL;
    cr->uri = strdup(res->uri);
    if (!cr->uri || jsch__vec_push(&c->out->cres, cr) != 0) {
        free(cr->uri);
        free(cr);
        return NULL;
    }
    if (jsch__pmap_put(&c->cres_of, res, cr) != 0)
        return NULL;
    cr->dialect = dialect_of_resource(c, res);
    cr->vocab = jsch__vocab_of_resource(c, res);
    if (cr->vocab == VOC_UNSUPPORTED) {
        jsch__set_error(c->err, res->uri, "schema \"%s\" requires an unsupported vocabulary",
                        res->uri);
        return NULL;
    }
    /* $dynamicRef may land on any of these at run time: compile them now */
    for (size_t i = 0; i < res->dyn_anchors.cap; i++) {
        const smap_entry *e = &res->dyn_anchors.e[i];
        if (!e->key)
            continue;
        jsch_loc *l = jsch__ref_loc_of(c, e->val);
        jsch_node *n = compile_node(c, e->val, l ? l->ptr : "");
        if (!n || jsch__smap_put(&cr->dyn, e->key, e->klen, n) != 0)
            return NULL;
    }
    return cr;
}

static int compile_keywords(jsch_compiler *c, jsch_node *n, const jsch_loc *loc)
{
    kwctx k = { c, n, loc };
    unsigned dialect = n->res->dialect;
    /* before 2019-09, "$ref" overrides its siblings: nothing else is evaluated */
    bool ref_only = (dialect & JSCH_D_PRE2019) && json_object_get(n->json, "$ref");
    /* a name matches one member at most and is in the table once per dialect,
       so the members bound the keywords (no lookup pass to count them) */
    size_t count = json_object_size(n->json);
    if (count) {
        n->kw = calloc(count, sizeof *n->kw);
        if (!n->kw)
            return oom(&k);
    }
    for (size_t i = 0; i < NKWDEFS; i++) {
        const kwdef *d = &kwdefs[i];
        if (!(dialect & d->dialects) || (ref_only && d->kind != KW_REF))
            continue;
        const json_t *v = json_object_get(n->json, d->name);
        if (!v || !(n->res->vocab & d->vocab))
            continue;
        jsch_kw *kw = &n->kw[n->nkw++];
        kw->kind = d->kind;
        kw->name = d->name;
        kw->value = v;
        if (d->parse(&k, kw) != 0)
            return -1;
        if (d->kind == KW_FORMAT) {
            bool assert = (c->flags & JSCH_FORMAT_ASSERT) || (n->res->vocab & VOC_FORMAT_ASSERTION);
            if (!assert || !kw->u.format.check)
                n->nkw--; /* annotation only */
        } else if (d->kind == KW_UNIQUEITEMS && !kw->u.flag) {
            n->nkw--;
        } else if (d->parse == parse_exclusive_flag) {
            n->nkw--; /* read by its "maximum"/"minimum" below */
        } else if (d->dialects == D_PRE20 && !strcmp(d->name, "additionalItems") &&
                   !json_is_array(json_object_get(n->json, "items"))) {
            n->nkw--; /* without an array "items", "additionalItems" does nothing */
        }
        if (d->kind == KW_UNEVALPROPS)
            n->uneval_props = true;
        if (d->kind == KW_UNEVALITEMS)
            n->uneval_items = true;
    }
    /* "$defs" are compiled even when nothing refers to them yet, so a broken
       definition is reported when the schema is loaded, not when first used */
    const char *defs_kw = (dialect & JSCH_D_PRE2019) ? "definitions" : "$defs";
    const json_t *defs = ref_only ? NULL : json_object_get(n->json, defs_kw);
    if (json_is_object(defs)) {
        for (void *it = json_object_iter((json_t *)defs); it;
             it = json_object_iter_next((json_t *)defs, it)) {
            if (!child(&k, json_object_iter_value(it), defs_kw, json_object_iter_key(it),
                       json_object_iter_key_len(it), -1))
                return -1;
        }
    } else if (defs) {
        return fail(&k, defs_kw, "\"%s\" must be an object of schemas", defs_kw);
    }
    /* wire keywords that read their siblings */
    const jsch_kw *props = NULL, *pats = NULL;
    size_t prefix = 0;
    for (size_t i = 0; i < n->nkw; i++) {
        if (n->kw[i].kind == KW_PROPERTIES)
            props = &n->kw[i];
        if (n->kw[i].kind == KW_PATTERNPROPERTIES)
            pats = &n->kw[i];
        if (n->kw[i].kind == KW_PREFIXITEMS)
            prefix = n->kw[i].u.list.n;
    }
    for (size_t i = 0; i < n->nkw; i++) {
        jsch_kw *kw = &n->kw[i];
        if (kw->kind == KW_ADDITIONALPROPERTIES) {
            jsch_node *sub = kw->u.sub;
            kw->u.addl.sub = sub;
            kw->u.addl.props = props;
            kw->u.addl.pats = pats;
        } else if (kw->kind == KW_ITEMS) {
            jsch_node *sub = kw->u.sub;
            kw->u.items.sub = sub;
            kw->u.items.prefix = prefix;
        } else if (dialect == JSCH_D4 && (kw->kind == KW_MAXIMUM || kw->kind == KW_MINIMUM)) {
            const char *flag = kw->kind == KW_MAXIMUM ? "exclusiveMaximum" : "exclusiveMinimum";
            if (json_is_true(json_object_get(n->json, flag)))
                kw->kind = kw->kind == KW_MAXIMUM ? KW_EXMAXIMUM : KW_EXMINIMUM;
        }
    }
    return 0;
}

static jsch_node *compile_node(jsch_compiler *c, const json_t *json, const char *ptr_hint)
{
    if (json_is_true(json))
        return &c->out->t;
    if (json_is_false(json))
        return &c->out->f;
    if (!json_is_object(json)) {
        jsch__set_error(c->err, ptr_hint, "a schema must be an object or a boolean");
        return NULL;
    }
    jsch_node *n = jsch__pmap_get(&c->done, json);
    if (n)
        return n;
    jsch_loc *loc = jsch__ref_loc_of(c, json);
    if (!loc) {
        jsch__set_error(c->err, ptr_hint, "internal error: schema location unknown");
        return NULL;
    }
    if (c->depth >= JSCH_MAX_DEPTH) {
        jsch__set_error(c->err, loc->ptr, "schema nesting exceeds %d levels", JSCH_MAX_DEPTH);
        return NULL;
    }
    n = calloc(1, sizeof *n);
    if (!n || jsch__vec_push(&c->out->nodes, n) != 0) {
        free(n);
        jsch__set_error(c->err, loc->ptr, "out of memory");
        return NULL;
    }
    n->json = json;
    n->boolean = -1;
    if (jsch__pmap_put(&c->done, json, n) != 0) {
        jsch__set_error(c->err, loc->ptr, "out of memory");
        return NULL;
    }
    c->depth++;
    n->res = cres_for(c, loc->res);
    int rc = -1;
    if (n->res) {
        jsch_buf abs = { 0 };
        jsch__buf_adds(&abs, loc->res->uri);
        jsch__buf_addc(&abs, '#');
        jsch__frag_escape(&abs, loc->ptr, strlen(loc->ptr));
        n->abs = jsch__buf_steal(&abs);
        rc = n->abs ? compile_keywords(c, n, loc) : -1;
    } else if (c->err->message[0] == '\0') {
        jsch__set_error(c->err, loc->ptr, "out of memory");
    }
    c->depth--;
    return rc == 0 ? n : NULL;
}

static void node_free_keywords(jsch_node *n)
{
    for (size_t i = 0; i < n->nkw; i++) {
        jsch_kw *kw = &n->kw[i];
        switch (kw->kind) {
        case KW_PREFIXITEMS:
        case KW_ALLOF:
        case KW_ANYOF:
        case KW_ONEOF: free(kw->u.list.v); break;
        case KW_PROPERTIES:
        case KW_DEPENDENCIES:
        case KW_DEPSCHEMAS:
            free(kw->u.props.v);
            jsch__smap_free(&kw->u.props.map);
            break;
        case KW_PATTERNPROPERTIES: free(kw->u.pats.v); break;
        default: break;
        }
    }
    free(n->kw);
    free(n->abs);
}

void jsch_schema_free(jsch_schema *s)
{
    if (!s)
        return;
    for (size_t i = 0; i < s->nodes.n; i++) {
        jsch_node *n = s->nodes.v[i];
        /* keywords may be partly parsed after a failed compile: nkw counts
           the initialized ones, and calloc zeroed the rest */
        node_free_keywords(n);
        free(n);
    }
    for (size_t i = 0; i < s->cres.n; i++) {
        jsch_cres *cr = s->cres.v[i];
        jsch__smap_free(&cr->dyn);
        free(cr->uri);
        free(cr);
    }
    for (size_t i = 0; i < s->regexes.n; i++)
        jsch__regex_free(s->regexes.v[i]);
    for (size_t i = 0; i < s->strings.n; i++)
        free(s->strings.v[i]);
    for (size_t i = 0; i < s->docs.n; i++)
        json_decref(s->docs.v[i]);
    free(s->nodes.v);
    free(s->cres.v);
    free(s->regexes.v);
    free(s->strings.v);
    free(s->docs.v);
    if (s->mctx)
        pcre2_match_context_free(s->mctx);
    free(s);
}

/* Checks schema against the meta-schema its "$schema" names. */
static int check_metaschema(jsch_registry *reg, json_t *schema, jsch_error *err)
{
    const char *meta = jsch__dialect_uri(reg->dialect);
    const json_t *sch = json_is_object(schema) ? json_object_get(schema, "$schema") : NULL;
    if (sch) {
        if (!json_is_string(sch) || !jsch__uri_has_scheme(json_string_value(sch))) {
            jsch__set_error(err, "/$schema", "\"$schema\" must be an absolute URI");
            return -1;
        }
        meta = json_string_value(sch);
        unsigned d = jsch__dialect_of_uri(meta);
        if (d)
            meta = jsch__dialect_uri(d); /* "https://json-schema.org/draft-07/schema" too */
    }
    jsch_error merr;
    const jsch_schema *ms = jsch__registry_metaschema(reg, meta, &merr);
    if (!ms) {
        jsch__set_error(err, "/$schema", "cannot use meta-schema \"%s\": %s", meta, merr.message);
        return -1;
    }
    jsch_result *res = jsch_result_new();
    if (!res) {
        jsch__set_error(err, "", "out of memory");
        return -1;
    }
    int rc = 0;
    if (!jsch_validate(ms, schema, res)) {
        const jsch_issue *is = jsch_result_get(res, 0);
        if (is)
            jsch__set_error(err, is->instance_location, "schema is invalid against \"%s\": %s",
                            meta, is->message);
        else
            jsch__set_error(err, "", "schema is invalid against \"%s\"", meta);
        rc = -1;
    }
    jsch_result_free(res);
    return rc;
}

jsch_schema *jsch_compile(jsch_registry *reg, json_t *schema, const char *base_uri, unsigned flags,
                          jsch_error *err)
{
    jsch_error dummy;
    if (!err)
        err = &dummy;
    err->message[0] = '\0';
    err->location[0] = '\0';
    if (!reg || !schema) {
        jsch__set_error(err, "", "invalid argument");
        return NULL;
    }
    if (!json_is_object(schema) && !json_is_boolean(schema)) {
        jsch__set_error(err, "", "a schema must be an object or a boolean");
        return NULL;
    }
    if (base_uri && !jsch__uri_has_scheme(base_uri)) {
        jsch__set_error(err, "", "base URI \"%s\" is not absolute", base_uri);
        return NULL;
    }
    if (!(flags & JSCH_NO_METASCHEMA) && check_metaschema(reg, schema, err) != 0)
        return NULL;

    jsch_compiler c = { 0 };
    c.reg = reg;
    c.flags = flags;
    c.err = err;
    c.out = calloc(1, sizeof *c.out);
    if (!c.out) {
        jsch__set_error(err, "", "out of memory");
        return NULL;
    }
    c.out->t.boolean = 1;
    c.out->f.boolean = 0;
    jsch_schema *s = c.out;
    if (jsch__index_add_document(&c.local, base_uri ? base_uri : ANON_BASE, schema, reg->dialect,
                                 err) != 0)
        goto fail;
    s->root = compile_node(&c, schema, "");
    if (!s->root)
        goto fail;
    s->mctx = pcre2_match_context_create(NULL);
    if (!s->mctx) {
        jsch__set_error(err, "", "out of memory");
        goto fail;
    }
    pcre2_set_match_limit(s->mctx, JSCH_MATCH_LIMIT);
    pcre2_set_depth_limit(s->mctx, JSCH_DEPTH_LIMIT);
    /* the nodes point into these documents: keep them alive */
    for (size_t i = 0; i < reg->idx.docs.n; i++) {
        if (jsch__vec_push(&s->docs, reg->idx.docs.v[i]) != 0) {
            jsch__set_error(err, "", "out of memory");
            goto fail;
        }
        json_incref(reg->idx.docs.v[i]);
    }
    for (size_t i = 0; i < c.local.docs.n; i++) {
        if (jsch__vec_push(&s->docs, c.local.docs.v[i]) != 0) {
            jsch__set_error(err, "", "out of memory");
            goto fail;
        }
        json_incref(c.local.docs.v[i]);
    }
    jsch__index_free(&c.local);
    jsch__pmap_free(&c.done);
    jsch__pmap_free(&c.cres_of);
    return s;
fail:
    jsch__index_free(&c.local);
    jsch__pmap_free(&c.done);
    jsch__pmap_free(&c.cres_of);
    jsch_schema_free(s);
    return NULL;
}
