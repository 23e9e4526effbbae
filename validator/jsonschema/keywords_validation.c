/*
 * keywords_validation.c - the validation vocabulary: assertions on the
 * instance itself (type, enum, const, numeric limits, string length and
 * pattern, array and object sizes, required, dependentRequired, uniqueItems).
 *
 * Each assertion checks first and only builds a message when it fails.
 * Keywords that do not apply to the instance's type pass.
 */
#include <stdlib.h>
#include <string.h>

#include "jsonschema_private.h"

/* Type bits as parsed by compile.c: object, array, string, integer, number,
   boolean, null. */
static const char *const type_names[] = { "object", "array",   "string", "integer",
                                          "number", "boolean", "null" };

static bool type_matches(unsigned mask, const json_t *v)
{
    switch (json_typeof(v)) {
    case JSON_OBJECT: return mask & 1u;
    case JSON_ARRAY: return mask & 2u;
    case JSON_STRING: return mask & 4u;
    case JSON_INTEGER: return mask & (8u | 16u);
    case JSON_REAL: return (mask & 16u) || ((mask & 8u) && jsch__num_is_integer(v));
    case JSON_TRUE:
    case JSON_FALSE: return mask & 32u;
    default: return mask & 64u;
    }
}

static bool kw_type(const jsch_vctx *c, const jsch_kw *kw)
{
    if (type_matches(kw->u.types, c->inst))
        return true;
    if (!c->report || !c->st->out)
        return false;
    jsch_buf b = { 0 };
    jsch__buf_adds(&b, "expected ");
    int seen = 0, total = 0;
    for (int i = 0; i < 7; i++)
        total += (kw->u.types >> i) & 1;
    for (int i = 0; i < 7; i++) {
        if (!(kw->u.types & (1u << i)))
            continue;
        if (seen)
            jsch__buf_adds(&b, seen == total - 1 ? " or " : ", ");
        jsch__buf_adds(&b, type_names[i]);
        seen++;
    }
    const char *got = jsch__msg_type_name(c->inst);
    if (json_is_real(c->inst) && (kw->u.types & 8u))
        got = "non-integer number";
    jsch__buf_addf(&b, ", got %s", got);
    jsch__report_errorv(c, kw->name, jsch__buf_cstr(&b));
    jsch__buf_free(&b);
    return false;
}

static bool kw_enum(const jsch_vctx *c, const jsch_kw *kw)
{
    size_t n = json_array_size(kw->value);
    for (size_t i = 0; i < n; i++)
        if (jsch__value_equal(json_array_get(kw->value, i), c->inst))
            return true;
    if (!c->report || !c->st->out)
        return false;
    jsch_buf b = { 0 };
    jsch__buf_adds(&b, n == 1 ? "expected " : "expected one of ");
    for (size_t i = 0; i < n && i < 20; i++) {
        if (i)
            jsch__buf_adds(&b, ", ");
        jsch__msg_value(&b, json_array_get(kw->value, i));
    }
    if (n > 20)
        jsch__buf_addf(&b, ", ... (%zu values)", n);
    jsch__buf_adds(&b, ", got ");
    jsch__msg_value(&b, c->inst);
    jsch__report_errorv(c, kw->name, jsch__buf_cstr(&b));
    jsch__buf_free(&b);
    return false;
}

static bool kw_const(const jsch_vctx *c, const jsch_kw *kw)
{
    if (jsch__value_equal(kw->value, c->inst))
        return true;
    if (!c->report || !c->st->out)
        return false;
    jsch_buf b = { 0 };
    jsch__buf_adds(&b, "expected ");
    jsch__msg_value(&b, kw->value);
    jsch__buf_adds(&b, ", got ");
    jsch__msg_value(&b, c->inst);
    jsch__report_errorv(c, kw->name, jsch__buf_cstr(&b));
    jsch__buf_free(&b);
    return false;
}

static bool kw_numeric(const jsch_vctx *c, const jsch_kw *kw)
{
    if (!json_is_number(c->inst))
        return true;
    bool ok;
    const char *what;
    switch (kw->kind) {
    case KW_MULTIPLEOF:
        ok = jsch__num_multiple_of(c->inst, kw->value);
        what = "is not a multiple of";
        break;
    case KW_MAXIMUM:
        ok = jsch__num_cmp(c->inst, kw->value) <= 0;
        what = "is greater than the maximum of";
        break;
    case KW_EXMAXIMUM:
        ok = jsch__num_cmp(c->inst, kw->value) < 0;
        what = "is not less than the exclusive maximum of";
        break;
    case KW_MINIMUM:
        ok = jsch__num_cmp(c->inst, kw->value) >= 0;
        what = "is less than the minimum of";
        break;
    default:
        ok = jsch__num_cmp(c->inst, kw->value) > 0;
        what = "is not greater than the exclusive minimum of";
        break;
    }
    if (ok)
        return true;
    if (!c->report || !c->st->out)
        return false;
    jsch_buf b = { 0 };
    jsch__msg_value(&b, c->inst);
    jsch__buf_addf(&b, " %s ", what);
    jsch__msg_value(&b, kw->value);
    jsch__report_errorv(c, kw->name, jsch__buf_cstr(&b));
    jsch__buf_free(&b);
    return false;
}

static bool kw_length(const jsch_vctx *c, const jsch_kw *kw)
{
    if (!json_is_string(c->inst))
        return true;
    size_t len = jsch__utf8_length(json_string_value(c->inst), json_string_length(c->inst));
    bool max = kw->kind == KW_MAXLENGTH;
    if (max ? len <= kw->u.limit : len >= kw->u.limit)
        return true;
    if (!c->report || !c->st->out)
        return false;
    jsch_buf b = { 0 };
    jsch__msg_value(&b, c->inst);
    jsch__buf_addf(&b, " is %s than %zu character%s", max ? "longer" : "shorter", kw->u.limit,
                   kw->u.limit == 1 ? "" : "s");
    jsch__report_errorv(c, kw->name, jsch__buf_cstr(&b));
    jsch__buf_free(&b);
    return false;
}

static bool kw_pattern(const jsch_vctx *c, const jsch_kw *kw)
{
    if (!json_is_string(c->inst))
        return true;
    int m = jsch__vctx_match(c, kw->name, kw->u.re, json_string_value(c->inst),
                             json_string_length(c->inst));
    if (m > 0)
        return true;
    if (m < 0 || !c->report || !c->st->out)
        return false;
    jsch_buf b = { 0 };
    jsch__msg_value(&b, c->inst);
    jsch__buf_adds(&b, " does not match pattern ");
    jsch__msg_value(&b, kw->value);
    jsch__report_errorv(c, kw->name, jsch__buf_cstr(&b));
    jsch__buf_free(&b);
    return false;
}

static bool kw_count(const jsch_vctx *c, const jsch_kw *kw)
{
    bool arr = kw->kind == KW_MAXITEMS || kw->kind == KW_MINITEMS;
    if (arr ? !json_is_array(c->inst) : !json_is_object(c->inst))
        return true;
    size_t n = arr ? json_array_size(c->inst) : json_object_size(c->inst);
    bool max = kw->kind == KW_MAXITEMS || kw->kind == KW_MAXPROPERTIES;
    if (max ? n <= kw->u.limit : n >= kw->u.limit)
        return true;
    jsch__report_error(c, kw->name, "%s has %zu %s, %s than the %s of %zu",
                       arr ? "array" : "object", n,
                       arr ? (n == 1 ? "item" : "items") : (n == 1 ? "property" : "properties"),
                       max ? "more" : "fewer", max ? "maximum" : "minimum", kw->u.limit);
    return false;
}

static bool kw_required(const jsch_vctx *c, const jsch_kw *kw)
{
    if (!json_is_object(c->inst))
        return true;
    bool ok = true;
    for (size_t i = 0; i < json_array_size(kw->value); i++) {
        const json_t *name = json_array_get(kw->value, i);
        if (json_object_getn(c->inst, json_string_value(name), json_string_length(name)))
            continue;
        ok = false;
        if (!c->report || !c->st->out)
            return false;
        jsch_buf b = { 0 };
        jsch__buf_adds(&b, "missing required property ");
        jsch__msg_value(&b, name);
        jsch__report_errorv(c, kw->name, jsch__buf_cstr(&b));
        jsch__buf_free(&b);
    }
    return ok;
}

bool jsch__dep_required_one(const jsch_vctx *c, const char *kwname, const char *key, size_t klen,
                            const json_t *names)
{
    bool ok = true;
    for (size_t i = 0; i < json_array_size(names); i++) {
        const json_t *name = json_array_get(names, i);
        if (json_object_getn(c->inst, json_string_value(name), json_string_length(name)))
            continue;
        ok = false;
        if (!c->report || !c->st->out)
            return false;
        jsch_buf b = { 0 };
        jsch__buf_adds(&b, "missing property ");
        jsch__msg_value(&b, name);
        jsch__buf_adds(&b, ", required when ");
        jsch__msg_quoted(&b, key, klen);
        jsch__buf_adds(&b, " is present");
        jsch__report_errorv(c, kwname, jsch__buf_cstr(&b));
        jsch__buf_free(&b);
    }
    return ok;
}

static bool kw_dep_required(const jsch_vctx *c, const jsch_kw *kw)
{
    if (!json_is_object(c->inst))
        return true;
    bool ok = true;
    for (void *it = json_object_iter((json_t *)kw->value); it;
         it = json_object_iter_next((json_t *)kw->value, it)) {
        const char *key = json_object_iter_key(it);
        size_t klen = json_object_iter_key_len(it);
        if (!json_object_getn(c->inst, key, klen))
            continue;
        if (!jsch__dep_required_one(c, kw->name, key, klen, json_object_iter_value(it))) {
            ok = false;
            if (!c->report || !c->st->out)
                return false;
        }
    }
    return ok;
}

typedef struct hitem {
    size_t hash, index;
} hitem;

static int hitem_cmp(const void *a, const void *b)
{
    const hitem *x = a, *y = b;
    if (x->hash != y->hash)
        return x->hash < y->hash ? -1 : 1;
    return x->index < y->index ? -1 : x->index > y->index;
}

/* Finds a pair of equal items; small arrays pairwise, large ones by hash. */
static bool find_duplicate(const json_t *a, size_t *first, size_t *second)
{
    size_t n = json_array_size(a);
    if (n <= 16) {
        for (size_t i = 0; i < n; i++)
            for (size_t j = i + 1; j < n; j++)
                if (jsch__value_equal(json_array_get(a, i), json_array_get(a, j))) {
                    *first = i;
                    *second = j;
                    return true;
                }
        return false;
    }
    hitem *h = malloc(n * sizeof *h);
    if (!h)
        return false;
    for (size_t i = 0; i < n; i++)
        h[i] = (hitem){ jsch__value_hash(json_array_get(a, i)), i };
    qsort(h, n, sizeof *h, hitem_cmp);
    bool found = false;
    for (size_t i = 0; i < n && !found; i++) {
        for (size_t j = i + 1; j < n && h[j].hash == h[i].hash; j++) {
            if (jsch__value_equal(json_array_get(a, h[i].index), json_array_get(a, h[j].index))) {
                *first = h[i].index;
                *second = h[j].index;
                found = true;
                break;
            }
        }
    }
    free(h);
    return found;
}

static bool kw_unique(const jsch_vctx *c, const jsch_kw *kw)
{
    if (!json_is_array(c->inst))
        return true;
    size_t i, j;
    if (!find_duplicate(c->inst, &i, &j))
        return true;
    jsch__report_error(c, kw->name, "array items %zu and %zu are equal, items must be unique", i,
                       j);
    return false;
}

bool jsch__kw_validation(const jsch_vctx *c, const jsch_kw *kw)
{
    switch (kw->kind) {
    case KW_TYPE: return kw_type(c, kw);
    case KW_ENUM: return kw_enum(c, kw);
    case KW_CONST: return kw_const(c, kw);
    case KW_MULTIPLEOF:
    case KW_MAXIMUM:
    case KW_EXMAXIMUM:
    case KW_MINIMUM:
    case KW_EXMINIMUM: return kw_numeric(c, kw);
    case KW_MAXLENGTH:
    case KW_MINLENGTH: return kw_length(c, kw);
    case KW_PATTERN: return kw_pattern(c, kw);
    case KW_MAXITEMS:
    case KW_MINITEMS:
    case KW_MAXPROPERTIES:
    case KW_MINPROPERTIES: return kw_count(c, kw);
    case KW_REQUIRED: return kw_required(c, kw);
    case KW_DEPREQUIRED: return kw_dep_required(c, kw);
    case KW_UNIQUEITEMS: return kw_unique(c, kw);
    default: return true;
    }
}
