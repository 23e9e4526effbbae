/*
 * keywords_applicator.c - the applicator vocabulary: keywords that apply
 * subschemas (properties, patternProperties, additionalProperties,
 * propertyNames, dependentSchemas, prefixItems, items, contains, allOf,
 * anyOf, oneOf, not, if/then/else).
 *
 * Annotations: object members and array items a keyword evaluates are marked
 * in c->ann (when someone below needs them for unevaluated*). Subschemas at
 * the same instance location that may fail without failing this node (anyOf
 * and oneOf branches, "if") collect into a scratch set that is merged only
 * when they pass; "not" never contributes.
 *
 * Error reporting: combinators are probed silently. Only when anyOf/oneOf
 * fails do we re-run the branches to summarize why, into one error at the
 * combinator; "not" and passing branches therefore never leak errors, and
 * the success path builds no strings.
 */
#include <stdlib.h>
#include <string.h>

#include "jsonschema_private.h"

#define KEY_SEG(up, k, l)                                                                          \
    {                                                                                              \
        (up), (k), (l), 0                                                                          \
    }
#define IDX_SEG(up, i)                                                                             \
    {                                                                                              \
        (up), NULL, 0, (i)                                                                         \
    }

static bool keep_going(const jsch_vctx *c)
{
    return c->report && !c->st->fatal;
}

static bool not_allowed(const jsch_vctx *c, const char *kwname, const jsch_seg *iseg,
                        const char *what, const char *key, size_t klen)
{
    if (!c->report || !c->st->out)
        return false;
    jsch_vctx at = *c;
    at.ipath = iseg;
    jsch_buf b = { 0 };
    jsch__buf_addf(&b, "%s ", what);
    jsch__msg_quoted(&b, key, klen);
    jsch__buf_adds(&b, " is not allowed");
    jsch__report_errorv(&at, kwname, jsch__buf_cstr(&b));
    jsch__buf_free(&b);
    return false;
}

static bool kw_properties(const jsch_vctx *c, const jsch_kw *kw)
{
    if (!json_is_object(c->inst))
        return true;
    bool ok = true;
    if (!c->ann) {
        /* no annotations wanted: walk the (usually shorter) schema side */
        for (size_t i = 0; i < kw->u.props.n; i++) {
            const jsch_named *p = &kw->u.props.v[i];
            const json_t *v = json_object_getn(c->inst, p->name, p->len);
            if (!v)
                continue;
            jsch_seg is = KEY_SEG(c->ipath, p->name, p->len);
            jsch_seg ks = KEY_SEG(NULL, p->name, p->len);
            bool r = p->node->boolean == 0
                         ? not_allowed(c, kw->name, &is, "property", p->name, p->len)
                         : jsch__apply_sub(c, kw->name, &ks, p->node, v, &is, true, NULL);
            if (!r) {
                ok = false;
                if (!keep_going(c))
                    return false;
            }
        }
        return ok;
    }
    size_t i = 0;
    for (void *it = json_object_iter((json_t *)c->inst); it;
         it = json_object_iter_next((json_t *)c->inst, it), i++) {
        const char *key = json_object_iter_key(it);
        size_t klen = json_object_iter_key_len(it);
        const jsch_node *sub = jsch__smap_get(&kw->u.props.map, key, klen);
        if (!sub)
            continue;
        evalset_mark(c->ann, i);
        jsch_seg is = KEY_SEG(c->ipath, key, klen);
        jsch_seg ks = KEY_SEG(NULL, key, klen);
        bool r = sub->boolean == 0 ? not_allowed(c, kw->name, &is, "property", key, klen)
                                   : jsch__apply_sub(c, kw->name, &ks, sub,
                                                     json_object_iter_value(it), &is, true, NULL);
        if (!r) {
            ok = false;
            if (!keep_going(c))
                return false;
        }
    }
    return ok;
}

static bool kw_pattern_properties(const jsch_vctx *c, const jsch_kw *kw)
{
    if (!json_is_object(c->inst))
        return true;
    bool ok = true;
    size_t i = 0;
    for (void *it = json_object_iter((json_t *)c->inst); it;
         it = json_object_iter_next((json_t *)c->inst, it), i++) {
        const char *key = json_object_iter_key(it);
        size_t klen = json_object_iter_key_len(it);
        for (size_t p = 0; p < kw->u.pats.n; p++) {
            const jsch_patnode *pn = &kw->u.pats.v[p];
            int m = jsch__vctx_match(c, kw->name, pn->re, key, klen);
            if (m < 0)
                return false;
            if (m == 0)
                continue;
            evalset_mark(c->ann, i);
            jsch_seg is = KEY_SEG(c->ipath, key, klen);
            jsch_seg ks = KEY_SEG(NULL, pn->re->source, (size_t)-1);
            bool r = pn->node->boolean == 0
                         ? not_allowed(c, kw->name, &is, "property", key, klen)
                         : jsch__apply_sub(c, kw->name, &ks, pn->node, json_object_iter_value(it),
                                           &is, true, NULL);
            if (!r) {
                ok = false;
                if (!keep_going(c))
                    return false;
            }
        }
    }
    return ok;
}

/* Is key covered by the sibling properties/patternProperties? */
static int covered(const jsch_vctx *c, const jsch_kw *kw, const char *key, size_t klen)
{
    if (kw->u.addl.props && jsch__smap_get(&kw->u.addl.props->u.props.map, key, klen))
        return 1;
    if (kw->u.addl.pats) {
        for (size_t p = 0; p < kw->u.addl.pats->u.pats.n; p++) {
            int m = jsch__vctx_match(c, kw->name, kw->u.addl.pats->u.pats.v[p].re, key, klen);
            if (m != 0)
                return m;
        }
    }
    return 0;
}

static bool kw_additional_properties(const jsch_vctx *c, const jsch_kw *kw)
{
    if (!json_is_object(c->inst))
        return true;
    bool ok = true;
    size_t i = 0;
    for (void *it = json_object_iter((json_t *)c->inst); it;
         it = json_object_iter_next((json_t *)c->inst, it), i++) {
        const char *key = json_object_iter_key(it);
        size_t klen = json_object_iter_key_len(it);
        int cov = covered(c, kw, key, klen);
        if (cov < 0)
            return false;
        if (cov)
            continue;
        evalset_mark(c->ann, i);
        jsch_seg is = KEY_SEG(c->ipath, key, klen);
        bool r = kw->u.addl.sub->boolean == 0
                     ? not_allowed(c, kw->name, &is, "additional property", key, klen)
                     : jsch__apply_sub(c, kw->name, NULL, kw->u.addl.sub,
                                       json_object_iter_value(it), &is, true, NULL);
        if (!r) {
            ok = false;
            if (!keep_going(c))
                return false;
        }
    }
    return ok;
}

static bool kw_property_names(const jsch_vctx *c, const jsch_kw *kw)
{
    if (!json_is_object(c->inst))
        return true;
    bool ok = true;
    for (void *it = json_object_iter((json_t *)c->inst); it;
         it = json_object_iter_next((json_t *)c->inst, it)) {
        const char *key = json_object_iter_key(it);
        size_t klen = json_object_iter_key_len(it);
        bool r;
        if (kw->u.sub->boolean == 0) {
            r = not_allowed(c, kw->name, c->ipath, "property name", key, klen);
        } else {
            json_t *name = json_stringn_nocheck(key, klen);
            if (!name) {
                jsch__report_fatal(c, kw->name, "out of memory");
                return false;
            }
            r = jsch__apply_sub(c, kw->name, NULL, kw->u.sub, name, NULL, true, NULL);
            json_decref(name);
        }
        if (!r) {
            ok = false;
            if (!keep_going(c))
                return false;
        }
    }
    return ok;
}

static bool kw_dependent_schemas(const jsch_vctx *c, const jsch_kw *kw)
{
    if (!json_is_object(c->inst))
        return true;
    bool ok = true;
    for (size_t i = 0; i < kw->u.props.n; i++) {
        const jsch_named *p = &kw->u.props.v[i];
        if (!json_object_getn(c->inst, p->name, p->len))
            continue;
        jsch_seg ks = KEY_SEG(NULL, p->name, p->len);
        if (!jsch__apply_sub(c, kw->name, &ks, p->node, c->inst, NULL, true, c->ann)) {
            ok = false;
            if (!keep_going(c))
                return false;
        }
    }
    return ok;
}

/* draft-04 to -07 "dependencies": an array entry requires properties, a schema
   entry applies to the whole object, when the entry's property is present. */
static bool kw_dependencies(const jsch_vctx *c, const jsch_kw *kw)
{
    if (!json_is_object(c->inst))
        return true;
    bool ok = true;
    for (size_t i = 0; i < kw->u.props.n; i++) {
        const jsch_named *p = &kw->u.props.v[i];
        if (!json_object_getn(c->inst, p->name, p->len))
            continue;
        bool r;
        if (p->node) {
            jsch_seg ks = KEY_SEG(NULL, p->name, p->len);
            r = jsch__apply_sub(c, kw->name, &ks, p->node, c->inst, NULL, true, c->ann);
        } else {
            r = jsch__dep_required_one(c, kw->name, p->name, p->len,
                                       json_object_getn(kw->value, p->name, p->len));
        }
        if (!r) {
            ok = false;
            if (!keep_going(c))
                return false;
        }
    }
    return ok;
}

static bool kw_prefix_items(const jsch_vctx *c, const jsch_kw *kw)
{
    if (!json_is_array(c->inst))
        return true;
    bool ok = true;
    size_t n = json_array_size(c->inst);
    for (size_t i = 0; i < n && i < kw->u.list.n; i++) {
        evalset_mark(c->ann, i);
        jsch_seg is = IDX_SEG(c->ipath, i);
        jsch_seg ks = IDX_SEG(NULL, i);
        if (!jsch__apply_sub(c, kw->name, &ks, kw->u.list.v[i], json_array_get(c->inst, i), &is,
                             true, NULL)) {
            ok = false;
            if (!keep_going(c))
                return false;
        }
    }
    return ok;
}

static bool kw_items(const jsch_vctx *c, const jsch_kw *kw)
{
    if (!json_is_array(c->inst))
        return true;
    size_t n = json_array_size(c->inst), start = kw->u.items.prefix;
    if (start >= n)
        return true;
    if (kw->u.items.sub->boolean == 0) {
        jsch__report_error(c, kw->name, "array has %zu items, at most %zu %s allowed", n, start,
                           start == 1 ? "is" : "are");
        return false;
    }
    bool ok = true;
    for (size_t i = start; i < n; i++) {
        evalset_mark(c->ann, i);
        jsch_seg is = IDX_SEG(c->ipath, i);
        if (!jsch__apply_sub(c, kw->name, NULL, kw->u.items.sub, json_array_get(c->inst, i), &is,
                             true, NULL)) {
            ok = false;
            if (!keep_going(c))
                return false;
        }
    }
    return ok;
}

static bool kw_contains(const jsch_vctx *c, const jsch_kw *kw)
{
    if (!json_is_array(c->inst))
        return true;
    size_t n = json_array_size(c->inst), count = 0;
    size_t min = kw->u.contains.min;
    for (size_t i = 0; i < n; i++) {
        jsch_seg is = IDX_SEG(c->ipath, i);
        if (jsch__apply_sub(c, kw->name, NULL, kw->u.contains.sub, json_array_get(c->inst, i), &is,
                            false, NULL)) {
            count++;
            if (kw->u.contains.mark)
                evalset_mark(c->ann, i);
            if (!c->ann && !kw->u.contains.has_max && count >= min)
                return true;
        }
        if (c->st->fatal)
            return false;
    }
    if (count < min) {
        if (min == 1)
            jsch__report_error(c, kw->name, "no item matches the \"contains\" schema");
        else
            jsch__report_error(c, "minContains",
                               "expected at least %zu items matching \"contains\", found %zu", min,
                               count);
        return false;
    }
    if (kw->u.contains.has_max && count > kw->u.contains.max) {
        jsch__report_error(c, "maxContains",
                           "expected at most %zu items matching \"contains\", found %zu",
                           kw->u.contains.max, count);
        return false;
    }
    return true;
}

static bool kw_all_of(const jsch_vctx *c, const jsch_kw *kw)
{
    bool ok = true;
    for (size_t i = 0; i < kw->u.list.n; i++) {
        jsch_seg ks = IDX_SEG(NULL, i);
        if (!jsch__apply_sub(c, kw->name, &ks, kw->u.list.v[i], c->inst, NULL, true, c->ann)) {
            ok = false;
            if (!keep_going(c))
                return false;
        }
    }
    return ok;
}

/* Re-runs every branch of a failed anyOf/oneOf to say why each failed, and
   records one error at the combinator. Only runs on the failure path, and
   not for combinators met while explaining another: nested explanations
   would multiply the work per level of nesting. */
static void explain_branches(const jsch_vctx *c, const jsch_kw *kw, const char *head)
{
    if (!c->report || !c->st->out)
        return;
    if (c->st->explaining) {
        jsch__report_errorv(c, kw->name, head);
        return;
    }
    c->st->explaining = true;
    jsch_buf b = { 0 };
    jsch__buf_adds(&b, head);
    jsch_result *saved = c->st->out;
    jsch_buf cur = { 0 };
    jsch__seg_render(&cur, c->ipath);
    for (size_t i = 0; i < kw->u.list.n; i++) {
        jsch_result tmp = { 0 };
        c->st->out = &tmp;
        jsch_seg ks = IDX_SEG(NULL, i);
        jsch__apply_sub(c, kw->name, &ks, kw->u.list.v[i], c->inst, NULL, true, NULL);
        c->st->out = saved;
        jsch__buf_addf(&b, "%s%zu: ", i ? "; " : " (", i);
        if (tmp.n == 0) {
            jsch__buf_adds(&b, "invalid");
        } else {
            const jsch_issue *is = &tmp.v[0];
            jsch_buf here = { 0 };
            if (strcmp(is->instance_location, jsch__buf_cstr(&cur)) != 0) {
                /* show where, relative to this value, when it is deeper */
                jsch__buf_addf(&here, "at \"%s\": ", is->instance_location);
            }
            jsch__buf_adds(&b, jsch__buf_cstr(&here));
            jsch__buf_free(&here);
            jsch__buf_adds(&b, is->message);
            if (tmp.n > 1)
                jsch__buf_addf(&b, " (+%zu more)", tmp.n - 1);
        }
        jsch_result_clear(&tmp);
        free(tmp.v);
        if (c->st->fatal)
            break;
    }
    if (kw->u.list.n)
        jsch__buf_addc(&b, ')');
    jsch__buf_free(&cur);
    c->st->explaining = false;
    jsch__report_errorv(c, kw->name, jsch__buf_cstr(&b));
    jsch__buf_free(&b);
}

static bool kw_any_of(const jsch_vctx *c, const jsch_kw *kw)
{
    bool any = false;
    jsch_evalset tmp = { 0 };
    if (c->ann && jsch__evalset_init(&tmp, c->inst) != 0)
        tmp.bits = NULL;
    for (size_t i = 0; i < kw->u.list.n; i++) {
        jsch_seg ks = IDX_SEG(NULL, i);
        if (tmp.bits)
            memset(tmp.bits, 0, tmp.n / 8 + 1);
        bool r = jsch__apply_sub(c, kw->name, &ks, kw->u.list.v[i], c->inst, NULL, false,
                                 c->ann ? &tmp : NULL);
        if (c->st->fatal)
            break;
        if (!r)
            continue;
        any = true;
        if (!c->ann)
            break; /* all passing branches annotate; else the first is enough */
        jsch__evalset_merge(c->ann, &tmp);
    }
    jsch__evalset_free(&tmp);
    if (c->st->fatal)
        return false;
    if (any)
        return true;
    explain_branches(c, kw, "value does not match any alternative of \"anyOf\"");
    return false;
}

static bool kw_one_of(const jsch_vctx *c, const jsch_kw *kw)
{
    size_t count = 0, first = 0, second = 0;
    jsch_evalset tmp = { 0 };
    if (c->ann && jsch__evalset_init(&tmp, c->inst) != 0)
        tmp.bits = NULL;
    for (size_t i = 0; i < kw->u.list.n; i++) {
        jsch_seg ks = IDX_SEG(NULL, i);
        if (tmp.bits)
            memset(tmp.bits, 0, tmp.n / 8 + 1);
        bool r = jsch__apply_sub(c, kw->name, &ks, kw->u.list.v[i], c->inst, NULL, false,
                                 c->ann ? &tmp : NULL);
        if (c->st->fatal)
            break;
        if (!r)
            continue;
        if (++count == 1) {
            first = i;
            if (c->ann)
                jsch__evalset_merge(c->ann, &tmp);
        } else {
            second = i;
            break;
        }
    }
    jsch__evalset_free(&tmp);
    if (c->st->fatal)
        return false;
    if (count == 1)
        return true;
    if (count == 0)
        explain_branches(c, kw, "value does not match any alternative of \"oneOf\"");
    else
        jsch__report_error(c, kw->name,
                           "value matches more than one alternative of \"oneOf\" (%zu and %zu)",
                           first, second);
    return false;
}

static bool kw_not(const jsch_vctx *c, const jsch_kw *kw)
{
    bool r = jsch__apply_sub(c, kw->name, NULL, kw->u.sub, c->inst, NULL, false, NULL);
    if (c->st->fatal)
        return false;
    if (!r)
        return true;
    jsch__report_error(c, kw->name, "value must not match the \"not\" schema");
    return false;
}

static bool kw_if(const jsch_vctx *c, const jsch_kw *kw)
{
    jsch_evalset tmp = { 0 };
    if (c->ann && jsch__evalset_init(&tmp, c->inst) != 0)
        tmp.bits = NULL;
    bool cond =
        jsch__apply_sub(c, "if", NULL, kw->u.cond.cond, c->inst, NULL, false, c->ann ? &tmp : NULL);
    if (cond && c->ann)
        jsch__evalset_merge(c->ann, &tmp);
    jsch__evalset_free(&tmp);
    if (c->st->fatal)
        return false;
    const jsch_node *next = cond ? kw->u.cond.then : kw->u.cond.els;
    if (!next)
        return true;
    return jsch__apply_sub(c, cond ? "then" : "else", NULL, next, c->inst, NULL, true, c->ann);
}

bool jsch__kw_applicator(const jsch_vctx *c, const jsch_kw *kw)
{
    switch (kw->kind) {
    case KW_PROPERTIES: return kw_properties(c, kw);
    case KW_PATTERNPROPERTIES: return kw_pattern_properties(c, kw);
    case KW_ADDITIONALPROPERTIES: return kw_additional_properties(c, kw);
    case KW_PROPERTYNAMES: return kw_property_names(c, kw);
    case KW_DEPSCHEMAS: return kw_dependent_schemas(c, kw);
    case KW_PREFIXITEMS: return kw_prefix_items(c, kw);
    case KW_ITEMS: return kw_items(c, kw);
    case KW_CONTAINS: return kw_contains(c, kw);
    case KW_DEPENDENCIES: return kw_dependencies(c, kw);
    case KW_ALLOF: return kw_all_of(c, kw);
    case KW_ANYOF: return kw_any_of(c, kw);
    case KW_ONEOF: return kw_one_of(c, kw);
    case KW_NOT: return kw_not(c, kw);
    case KW_IF: return kw_if(c, kw);
    default: return true;
    }
}
