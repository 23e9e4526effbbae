/*
 * keywords_unevaluated.c - unevaluatedProperties and unevaluatedItems.
 *
 * These run last in their node. jsch__validate_node() gave the node a fresh
 * annotation set (c->ann) before running the other keywords; every member or
 * item that properties/patternProperties/additionalProperties, prefixItems/
 * items/contains, or a passing in-place subschema ($ref, $dynamicRef, allOf,
 * anyOf, oneOf, if/then/else, dependentSchemas, nested unevaluated*) marked
 * is "evaluated". The rest are checked against the subschema here, and then
 * count as evaluated themselves for any enclosing node.
 */
#include "jsonschema_private.h"

static bool uneval_props(const jsch_vctx *c, const jsch_kw *kw)
{
    if (!json_is_object(c->inst))
        return true;
    bool ok = true;
    size_t i = 0;
    for (void *it = json_object_iter((json_t *)c->inst); it;
         it = json_object_iter_next((json_t *)c->inst, it), i++) {
        if (evalset_has(c->ann, i))
            continue;
        const char *key = json_object_iter_key(it);
        size_t klen = json_object_iter_key_len(it);
        jsch_seg is = { c->ipath, key, klen, 0 };
        bool r;
        if (kw->u.sub->boolean == 0) {
            r = false;
            if (c->report && c->st->out) {
                jsch_vctx at = *c;
                at.ipath = &is;
                jsch_buf b = { 0 };
                jsch__buf_adds(&b, "unevaluated property ");
                jsch__msg_quoted(&b, key, klen);
                jsch__buf_adds(&b, " is not allowed");
                jsch__report_errorv(&at, kw->name, jsch__buf_cstr(&b));
                jsch__buf_free(&b);
            }
        } else {
            r = jsch__apply_sub(c, kw->name, NULL, kw->u.sub, json_object_iter_value(it), &is, true,
                                NULL);
        }
        evalset_mark(c->ann, i);
        if (!r) {
            ok = false;
            if (!c->report || c->st->fatal)
                return false;
        }
    }
    return ok;
}

static bool uneval_items(const jsch_vctx *c, const jsch_kw *kw)
{
    if (!json_is_array(c->inst))
        return true;
    bool ok = true;
    size_t n = json_array_size(c->inst);
    for (size_t i = 0; i < n; i++) {
        if (evalset_has(c->ann, i))
            continue;
        jsch_seg is = { c->ipath, NULL, 0, i };
        bool r;
        if (kw->u.sub->boolean == 0) {
            jsch_vctx at = *c;
            at.ipath = &is;
            jsch__report_error(&at, kw->name, "unevaluated item %zu is not allowed", i);
            r = false;
        } else {
            r = jsch__apply_sub(c, kw->name, NULL, kw->u.sub, json_array_get(c->inst, i), &is, true,
                                NULL);
        }
        evalset_mark(c->ann, i);
        if (!r) {
            ok = false;
            if (!c->report || c->st->fatal)
                return false;
        }
    }
    return ok;
}

bool jsch__kw_unevaluated(const jsch_vctx *c, const jsch_kw *kw)
{
    return kw->kind == KW_UNEVALPROPS ? uneval_props(c, kw) : uneval_items(c, kw);
}
