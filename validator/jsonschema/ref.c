/*
 * ref.c - resolving "$ref"/"$dynamicRef" targets and "$schema" vocabularies
 * while compiling.
 *
 * A reference is first made absolute against the base URI of the resource it
 * appears in (jsch__uri_resolve), then split: the part before '#' names a resource
 * (looked up in the document being compiled, then in the registry, which may
 * load it through a prefix map); the fragment is either a JSON pointer,
 * applied from that resource's root, or a plain name looked up among the
 * resource's "$anchor"/"$dynamicAnchor" names. Targets reached by pointer
 * that the index walk did not visit (inside unknown keywords) get a location
 * recorded on the fly so they compile like any other subschema.
 *
 * At validation time "$ref" just applies its precompiled target; a
 * "$dynamicRef" whose target carries the matching "$dynamicAnchor" instead
 * looks through the dynamic scope (the resources entered on the way here,
 * kept by jsch__validate_node()) for the outermost one defining that anchor.
 */
#include <stdlib.h>
#include <string.h>

#include "../util/jsonptr.h"
#include "jsonschema_private.h"

jsch_loc *jsch__ref_loc_of(jsch_compiler *c, const json_t *node)
{
    jsch_loc *l = jsch__pmap_get(&c->local.locs, node);
    return l ? l : jsch__pmap_get(&c->reg->idx.locs, node);
}

static jsch_resource *ref_find_resource(jsch_compiler *c, const char *uri, size_t len)
{
    jsch_resource *r = jsch__smap_get(&c->local.by_uri, uri, len);
    return r ? r : jsch__registry_find(c->reg, uri, len, c->err);
}

/* Parses an array index token: digits without leading zeros. */
static bool parse_index(const char *t, size_t len, size_t *out)
{
    if (len == 0 || len > 18 || (len > 1 && t[0] == '0'))
        return false;
    size_t v = 0;
    for (size_t i = 0; i < len; i++) {
        if (t[i] < '0' || t[i] > '9')
            return false;
        v = v * 10 + (size_t)(t[i] - '0');
    }
    *out = v;
    return true;
}

/* Applies the decoded JSON pointer p (starting with '/') from the root of
   res; records a location for the target when it has none. */
static const json_t *follow_pointer(jsch_compiler *c, jsch_resource *res, const char *p,
                                    size_t plen, jsch_loc **loc_out)
{
    const json_t *cur = res->root;
    jsch_resource *cres = res;
    jsch_buf ptr = { 0 };
    size_t i = 0;
    while (i < plen) {
        size_t s = ++i; /* skip '/' */
        while (i < plen && p[i] != '/')
            i++;
        jsch_buf tok = { 0 };
        jsch__buf_add(&tok, p + s, i - s);
        if (tok.data) {
            /* unescaped in place: the token never gets longer */
            tok.len = al_jsonptr_unescape(tok.data, tok.len, tok.data, tok.len);
            tok.data[tok.len] = '\0';
        }
        const json_t *next = NULL;
        size_t idx;
        if (json_is_object(cur))
            next = json_object_getn(cur, jsch__buf_cstr(&tok), tok.len);
        else if (json_is_array(cur) && parse_index(jsch__buf_cstr(&tok), tok.len, &idx))
            next = json_array_get(cur, idx);
        if (!next) {
            jsch__buf_free(&tok);
            jsch__buf_free(&ptr);
            return NULL;
        }
        cur = next;
        jsch_loc *l = json_is_object(cur) ? jsch__ref_loc_of(c, cur) : NULL;
        if (l) {
            cres = l->res;
            ptr.len = 0;
            jsch__buf_adds(&ptr, l->ptr);
        } else {
            jsch__buf_addc(&ptr, '/');
            jsch__ptr_escape(&ptr, jsch__buf_cstr(&tok), tok.len);
        }
        jsch__buf_free(&tok);
    }
    jsch_loc *l = json_is_object(cur) ? jsch__ref_loc_of(c, cur) : NULL;
    if (!l && json_is_object(cur))
        l = jsch__index_add_loc(&c->local, cur, cres, jsch__buf_cstr(&ptr), ptr.len);
    jsch__buf_free(&ptr);
    *loc_out = l;
    return cur;
}

const json_t *jsch__ref_resolve(jsch_compiler *c, const char *uri, jsch_loc **loc_out)
{
    *loc_out = NULL;
    size_t blen = jsch__uri_base_len(uri);
    jsch_resource *res = ref_find_resource(c, uri, blen);
    if (!res)
        return NULL;
    const char *frag = uri[blen] == '#' ? uri + blen + 1 : "";
    size_t flen;
    char *f = jsch__pct_decode(frag, strlen(frag), &flen);
    if (!f) {
        jsch__set_error(c->err, "", "bad percent-encoding in \"%s\"", uri);
        return NULL;
    }
    const json_t *node;
    if (flen == 0) {
        node = res->root;
        *loc_out = json_is_object(node) ? jsch__ref_loc_of(c, node) : NULL;
    } else if (f[0] == '/') {
        node = follow_pointer(c, res, f, flen, loc_out);
        if (!node)
            jsch__set_error(c->err, "", "no schema at \"%s\"", uri);
    } else {
        node = jsch__smap_get(&res->anchors, f, flen);
        if (!node)
            jsch__set_error(c->err, "", "unknown anchor in \"%s\"", uri);
        else
            *loc_out = jsch__ref_loc_of(c, node);
    }
    free(f);
    return node;
}

bool jsch__kw_ref(const jsch_vctx *c, const jsch_kw *kw)
{
    const jsch_node *target = kw->u.ref.target;
    if (kw->kind == KW_DYNREF && kw->u.ref.anchor) {
        /* the outermost resource in the dynamic scope that defines the anchor wins */
        size_t len = strlen(kw->u.ref.anchor);
        for (const jsch_scope *s = c->scope; s; s = s->up) {
            const jsch_node *n = jsch__smap_get(&s->res->dyn, kw->u.ref.anchor, len);
            if (n)
                target = n;
        }
    }
    return jsch__apply_sub(c, kw->name, NULL, target, c->inst, NULL, true, c->ann);
}

static const struct {
    const char *uri;
    unsigned bit;
} vocabs[] = {
    { "https://json-schema.org/draft/2020-12/vocab/core", VOC_CORE },
    { "https://json-schema.org/draft/2020-12/vocab/applicator", VOC_APPLICATOR },
    { "https://json-schema.org/draft/2020-12/vocab/unevaluated", VOC_UNEVALUATED },
    { "https://json-schema.org/draft/2020-12/vocab/validation", VOC_VALIDATION },
    { "https://json-schema.org/draft/2020-12/vocab/format-annotation", VOC_FORMAT_ANNOTATION },
    { "https://json-schema.org/draft/2020-12/vocab/format-assertion", VOC_FORMAT_ASSERTION },
    { "https://json-schema.org/draft/2020-12/vocab/content", VOC_CONTENT },
    { "https://json-schema.org/draft/2020-12/vocab/meta-data", VOC_METADATA },
    /* 2019-09: unevaluated* belong to its applicator vocabulary */
    { "https://json-schema.org/draft/2019-09/vocab/core", VOC_CORE },
    { "https://json-schema.org/draft/2019-09/vocab/applicator", VOC_APPLICATOR | VOC_UNEVALUATED },
    { "https://json-schema.org/draft/2019-09/vocab/validation", VOC_VALIDATION },
    { "https://json-schema.org/draft/2019-09/vocab/format", VOC_FORMAT_ANNOTATION },
    { "https://json-schema.org/draft/2019-09/vocab/content", VOC_CONTENT },
    { "https://json-schema.org/draft/2019-09/vocab/meta-data", VOC_METADATA },
};

/* The vocabularies a resource uses come from the "$vocabulary" of the
   meta-schema its "$schema" names (or its enclosing resource's). A meta-schema
   without "$vocabulary" means the standard set. Unknown optional
   vocabularies (false) are ignored; unknown required ones are an error. */
unsigned jsch__vocab_of_resource(jsch_compiler *c, jsch_resource *res)
{
    if (res->dialect & JSCH_D_PRE2019)
        return VOC_DEFAULT; /* no vocabularies before 2019-09 */
    const json_t *sch = json_is_object(res->root) ? json_object_get(res->root, "$schema") : NULL;
    if (!json_is_string(sch))
        return res->parent ? jsch__vocab_of_resource(c, res->parent) : VOC_DEFAULT;
    const char *uri = json_string_value(sch);
    size_t blen = jsch__uri_base_len(uri);
    jsch_resource *meta = jsch__smap_get(&c->local.by_uri, uri, blen);
    if (!meta) {
        jsch_error ignored;
        meta = jsch__registry_find(c->reg, uri, blen, &ignored);
    }
    if (!meta)
        return VOC_DEFAULT;
    const json_t *voc =
        json_is_object(meta->root) ? json_object_get(meta->root, "$vocabulary") : NULL;
    if (!json_is_object(voc))
        return VOC_DEFAULT;
    unsigned mask = 0;
    const char *key;
    json_t *v;
    json_object_foreach((json_t *)voc, key, v) {
        size_t i;
        for (i = 0; i < sizeof vocabs / sizeof vocabs[0]; i++)
            if (strcmp(key, vocabs[i].uri) == 0)
                break;
        if (i < sizeof vocabs / sizeof vocabs[0])
            mask |= vocabs[i].bit;
        else if (json_is_true(v))
            return VOC_UNSUPPORTED; /* caller reports */
    }
    return mask;
}
