/*
 * validate.c - the evaluation driver.
 *
 * jsch__validate_node() runs one node's keywords against one instance value. State
 * that is per call lives on the C stack: the instance and keyword paths are
 * linked lists of segments (jsch_seg) that are only turned into JSON pointer
 * strings when an error is recorded, so a passing validation builds no
 * strings at all. The dynamic scope (for "$dynamicRef") is a similar list of
 * the schema resources entered so far. Annotations for unevaluated* are
 * collected only below nodes that have those keywords (or when a parent asks
 * for them), as bitsets over the instance's members or items.
 *
 * Nothing shared is written during validation: the compiled schema is read
 * only, pcre2 match data is per call, so validations may run concurrently.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "jsonschema_private.h"

/* ---- results ---- */

jsch_result *jsch_result_new(void)
{
    return calloc(1, sizeof(jsch_result));
}

void jsch_result_clear(jsch_result *r)
{
    if (!r)
        return;
    for (size_t i = 0; i < r->n; i++) {
        jsch_issue *is = &r->v[i];
        free((char *)is->instance_location);
        free((char *)is->keyword_location);
        free((char *)is->absolute_location);
        free((char *)is->keyword);
        free((char *)is->message);
    }
    r->n = 0;
}

void jsch_result_free(jsch_result *r)
{
    if (!r)
        return;
    jsch_result_clear(r);
    free(r->v);
    free(r);
}

size_t jsch_result_count(const jsch_result *r)
{
    return r ? r->n : 0;
}

const jsch_issue *jsch_result_get(const jsch_result *r, size_t i)
{
    return (r && i < r->n) ? &r->v[i] : NULL;
}

/* Takes ownership of the strings (freed here on failure). */
static int result_push(jsch_result *r, char *iloc, char *kloc, char *aloc, const char *kw,
                       char *msg)
{
    char *kwc = strdup(kw);
    if (!iloc || !kloc || !aloc || !kwc || !msg)
        goto fail;
    if (r->n == r->cap) {
        size_t cap = r->cap ? r->cap * 2 : 8;
        jsch_issue *nv = realloc(r->v, cap * sizeof *nv);
        if (!nv)
            goto fail;
        r->v = nv;
        r->cap = cap;
    }
    r->v[r->n++] = (jsch_issue){ iloc, kloc, aloc, kwc, msg };
    return 0;
fail:
    free(iloc);
    free(kloc);
    free(aloc);
    free(kwc);
    free(msg);
    return -1;
}

/* ---- paths ---- */

void jsch__seg_render(jsch_buf *b, const jsch_seg *s)
{
    const jsch_seg *stack[64];
    size_t n = 0;
    for (const jsch_seg *p = s; p; p = p->up)
        n++;
    const jsch_seg **v = n <= 64 ? stack : malloc(n * sizeof *v);
    if (!v) {
        b->oom = true;
        return;
    }
    size_t i = n;
    for (const jsch_seg *p = s; p; p = p->up)
        v[--i] = p;
    for (i = 0; i < n; i++) {
        jsch__buf_addc(b, '/');
        if (v[i]->key)
            jsch__ptr_escape(b, v[i]->key, v[i]->len == (size_t)-1 ? strlen(v[i]->key) : v[i]->len);
        else
            jsch__buf_addf(b, "%zu", v[i]->index);
    }
    if (v != stack)
        free(v);
}

static void record(const jsch_vctx *c, const char *kwname, char *msg)
{
    jsch_buf il = { 0 }, kl = { 0 }, al = { 0 };
    jsch__seg_render(&il, c->ipath);
    jsch__seg_render(&kl, c->kpath);
    if (kwname) {
        jsch__buf_addc(&kl, '/');
        jsch__ptr_escape(&kl, kwname, strlen(kwname));
    }
    if (c->node && c->node->abs) {
        jsch__buf_adds(&al, c->node->abs);
        if (kwname) {
            jsch__buf_addc(&al, '/');
            jsch__frag_escape(&al, kwname, strlen(kwname));
        }
    }
    result_push(c->st->out, jsch__buf_steal(&il), jsch__buf_steal(&kl), jsch__buf_steal(&al),
                kwname ? kwname : "false", msg);
}

void jsch__report_errorv(const jsch_vctx *c, const char *kwname, const char *msg)
{
    if (!c->report || !c->st->out)
        return;
    record(c, kwname, strdup(msg));
}

void jsch__report_error(const jsch_vctx *c, const char *kwname, const char *fmt, ...)
{
    if (!c->report || !c->st->out)
        return;
    char small[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(small, sizeof small, fmt, ap);
    va_end(ap);
    record(c, kwname, strdup(small));
}

/* A fatal error ends the whole evaluation (the instance is invalid) and is
   always recorded, even while probing, so "not" cannot turn it into success. */
void jsch__report_fatal(const jsch_vctx *c, const char *kwname, const char *msg)
{
    if (c->st->fatal)
        return;
    c->st->fatal = true;
    if (c->st->out)
        record(c, kwname, strdup(msg));
}

/* ---- annotation sets ---- */

int jsch__evalset_init(jsch_evalset *s, const json_t *inst)
{
    s->n = json_is_object(inst)  ? json_object_size(inst)
           : json_is_array(inst) ? json_array_size(inst)
                                 : 0;
    s->bits = calloc(s->n / 8 + 1, 1);
    return s->bits ? 0 : -1;
}

void jsch__evalset_merge(jsch_evalset *dst, const jsch_evalset *src)
{
    if (!dst || !dst->bits || !src->bits)
        return;
    size_t n = (dst->n < src->n ? dst->n : src->n) / 8 + 1;
    for (size_t i = 0; i < n; i++)
        dst->bits[i] |= src->bits[i];
}

void jsch__evalset_free(jsch_evalset *s)
{
    free(s->bits);
    s->bits = NULL;
}

/* ---- evaluation ---- */

bool jsch__apply_sub(const jsch_vctx *c, const char *kwname, const jsch_seg *kextra,
                     const jsch_node *sub, const json_t *inst, const jsch_seg *iseg, bool report,
                     jsch_evalset *ann)
{
    jsch_seg k1 = { c->kpath, kwname, (size_t)-1, 0 };
    jsch_seg k2;
    const jsch_seg *kp = &k1;
    if (kextra) {
        k2 = *kextra;
        k2.up = &k1;
        kp = &k2;
    }
    return jsch__validate_node(c->st, sub, inst, iseg ? iseg : c->ipath, kp, c->scope,
                               report && c->report, ann);
}

static bool run_keyword(const jsch_vctx *c, const jsch_kw *kw)
{
    switch (kw->kind) {
    case KW_REF:
    case KW_DYNREF: return jsch__kw_ref(c, kw);
    case KW_FORMAT: return jsch__kw_format(c, kw);
    case KW_UNEVALITEMS:
    case KW_UNEVALPROPS: return jsch__kw_unevaluated(c, kw);
    case KW_PROPERTIES:
    case KW_PATTERNPROPERTIES:
    case KW_ADDITIONALPROPERTIES:
    case KW_PROPERTYNAMES:
    case KW_DEPSCHEMAS:
    case KW_DEPENDENCIES:
    case KW_PREFIXITEMS:
    case KW_ITEMS:
    case KW_CONTAINS:
    case KW_ALLOF:
    case KW_ANYOF:
    case KW_ONEOF:
    case KW_NOT:
    case KW_IF: return jsch__kw_applicator(c, kw);
    default: return jsch__kw_validation(c, kw);
    }
}

bool jsch__validate_node(jsch_vstate *st, const jsch_node *node, const json_t *inst,
                         const jsch_seg *ipath, const jsch_seg *kpath, const jsch_scope *scope,
                         bool report, jsch_evalset *ann)
{
    if (st->fatal)
        return false;
    jsch_vctx c = { st, node, inst, ipath, kpath, scope, report, ann };
    if (node->boolean >= 0) {
        if (node->boolean)
            return true;
        jsch__report_error(&c, NULL, "no value is allowed here (the schema is false)");
        return false;
    }
    if (st->depth >= JSCH_MAX_DEPTH) {
        jsch__report_fatal(
            &c, NULL,
            "evaluation exceeds the maximum depth (a reference loop or too deep nesting)");
        return false;
    }
    if (++st->steps > JSCH_MAX_STEPS) {
        jsch__report_fatal(
            &c, NULL,
            "evaluation takes too many steps (the schema combines too many alternatives)");
        return false;
    }
    st->depth++;
    jsch_scope sc;
    if (!scope || scope->res != node->res) {
        sc.up = scope;
        sc.res = node->res;
        c.scope = &sc;
    }
    /* a node with unevaluated* needs the annotations of its own keywords only */
    jsch_evalset local = { 0 };
    if ((node->uneval_props && json_is_object(inst)) ||
        (node->uneval_items && json_is_array(inst))) {
        if (jsch__evalset_init(&local, inst) == 0)
            c.ann = &local;
    }
    bool ok = true;
    for (size_t i = 0; i < node->nkw; i++) {
        if (!run_keyword(&c, &node->kw[i])) {
            ok = false;
            if (!c.report || st->fatal)
                break;
        }
    }
    if (c.ann == &local) {
        if (ok && ann)
            jsch__evalset_merge(ann, &local);
        jsch__evalset_free(&local);
    }
    st->depth--;
    return ok && !st->fatal;
}

bool jsch_validate(const jsch_schema *schema, const json_t *instance, jsch_result *out)
{
    if (!schema || !instance)
        return false;
    jsch_vstate st = { schema, out, NULL, 0, 0, false, false };
    bool ok = jsch__validate_node(&st, schema->root, instance, NULL, NULL, NULL, out != NULL, NULL);
    if (st.md)
        pcre2_match_data_free(st.md);
    return ok && !st.fatal;
}
