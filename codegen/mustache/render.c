/*
 * render.c - renders a compiled template against a jansson value.
 *
 * A recursive walk over node ranges: a section renders its body range once per
 * array element (pushing the element) or once with its value pushed; a partial
 * renders the partial's whole node range with the indentation its standalone tag
 * had, added to the one in force. All per-call state (context stack, depth, output)
 * lives in struct render, so a template is only ever read: many threads may render
 * one template at once.
 *
 * Recursion is bounded: partials by opts->max_depth (a partial including itself
 * fails there with an error, not a stack overflow), sections and partials together
 * by MST__MAX_RENDER_NESTING.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mustache_private.h"

struct render {
    mst_escape_fn escape;
    mst_partial_fn partial;
    void *partial_data;
    unsigned max_depth;
    unsigned partial_depth; /* partials being rendered */
    unsigned nesting;       /* sections and partials being rendered */
    struct mst__context ctx;
    mst_buffer *out;
    mst_error *err;
};

/* The indentation in force: the standalone partial tags' leading whitespace. */
struct indent {
    const char *text;
    size_t len;
};

static int render_range(struct render *r, const mst_template *t, size_t from, size_t to,
                        const struct indent *ind);

static int oom(struct render *r, const mst_template *t)
{
    mst__error_oom(r->err, t->name);
    return -1;
}

static int append(struct render *r, const mst_template *t, const char *s, size_t len)
{
    return mst_buffer_append(r->out, s, len) < 0 ? oom(r, t) : 0;
}

/* Formats a real in the shortest "%.*g" form that reads back as the same double,
 * so 1.21 prints as "1.21", not "1.2100000000000000". */
static size_t format_real(char *buf, size_t size, double d)
{
    int n = 0;
    for (int prec = 1; prec <= 17; prec++) {
        n = snprintf(buf, size, "%.*g", prec, d);
        if (strtod(buf, NULL) == d)
            break;
    }
    return n > 0 ? (size_t)n : 0;
}

/* Appends a value's text form, escaped or not. */
static int append_value(struct render *r, const mst_template *t, const json_t *v, int escape)
{
    char num[64];
    const char *s = NULL;
    size_t len = 0;
    switch (v ? json_typeof(v) : JSON_NULL) {
    case JSON_STRING:
        s = json_string_value(v);
        len = json_string_length(v);
        break;
    case JSON_INTEGER: {
        int n = snprintf(num, sizeof num, "%" JSON_INTEGER_FORMAT, json_integer_value(v));
        s = num;
        len = n > 0 ? (size_t)n : 0;
        break;
    }
    case JSON_REAL:
        len = format_real(num, sizeof num, json_real_value(v));
        s = num;
        break;
    case JSON_TRUE:
        s = "true";
        len = 4;
        break;
    case JSON_FALSE:
        s = "false";
        len = 5;
        break;
    default: /* null, objects and arrays render as nothing */ return 0;
    }
    if (len == 0)
        return 0;
    int rc = escape ? r->escape(r->out, s, len) : mst_buffer_append(r->out, s, len);
    return rc < 0 ? oom(r, t) : 0;
}

/* Enters one more level of sections or partials, failing past the limit. */
static int enter(struct render *r, const mst_template *t, const struct mst__node *n)
{
    if (r->nesting >= MST__MAX_RENDER_NESTING) {
        mst__error_set(r->err, t->name, n->line, n->column, n->position,
                       "\"%.40s\" nested too deeply (limit %d sections and partials)", n->name,
                       MST__MAX_RENDER_NESTING);
        return -1;
    }
    r->nesting++;
    return 0;
}

/* Renders a section's body with value pushed. */
static int render_body(struct render *r, const mst_template *t, size_t i, const json_t *value,
                       const struct indent *ind)
{
    if (mst__context_push(&r->ctx, value) < 0)
        return oom(r, t);
    int rc = render_range(r, t, i + 1, t->nodes[i].end, ind);
    mst__context_pop(&r->ctx);
    return rc;
}

static int render_section(struct render *r, const mst_template *t, size_t i,
                          const struct indent *ind)
{
    const struct mst__node *n = &t->nodes[i];
    const json_t *value = mst__context_lookup(&r->ctx, n->name, n->name_len);
    int falsy = mst__is_falsy(value);
    if (falsy != (n->kind == MST__INVERTED))
        return 0;
    if (enter(r, t, n) < 0)
        return -1;
    int rc = 0;
    if (n->kind == MST__INVERTED) {
        rc = render_range(r, t, i + 1, n->end, ind);
    } else if (json_is_array(value)) {
        for (size_t k = 0; rc == 0 && k < json_array_size(value); k++)
            rc = render_body(r, t, i, json_array_get(value, k), ind);
    } else {
        rc = render_body(r, t, i, value, ind);
    }
    r->nesting--;
    return rc;
}

/* Renders a partial with the indentation in force plus that of its standalone tag.
 * A partial that is not standalone gets no indentation at all: only the lines of a
 * standalone partial are indented. */
static int render_partial_with(struct render *r, const mst_template *t, const struct mst__node *n,
                               const mst_template *p, const struct indent *ind)
{
    struct indent sub = { "", 0 };
    char *owned = NULL;
    if (n->standalone && ind->len == 0) {
        sub.text = n->text;
        sub.len = n->len;
    } else if (n->standalone && n->len > 0) {
        owned = malloc(ind->len + n->len);
        if (!owned)
            return oom(r, t);
        memcpy(owned, ind->text, ind->len);
        memcpy(owned + ind->len, n->text, n->len);
        sub.text = owned;
        sub.len = ind->len + n->len;
    } else if (n->standalone) {
        sub = *ind;
    }
    int rc = render_range(r, p, 0, p->count, &sub);
    free(owned);
    return rc;
}

static int render_partial(struct render *r, const mst_template *t, const struct mst__node *n,
                          const struct indent *ind)
{
    if (!r->partial)
        return 0;
    if (r->partial_depth >= r->max_depth) {
        mst__error_set(r->err, t->name, n->line, n->column, n->position,
                       "partial \"%.40s\" nested too deeply (limit %u)", n->name, r->max_depth);
        return -1;
    }
    const mst_template *p = NULL;
    if (r->partial(r->partial_data, n->name, &p, r->err) < 0)
        return -1;
    if (!p)
        return 0;
    if (enter(r, t, n) < 0)
        return -1;
    r->partial_depth++;
    int rc = render_partial_with(r, t, n, p, ind);
    r->partial_depth--;
    r->nesting--;
    return rc;
}

static int render_range(struct render *r, const mst_template *t, size_t from, size_t to,
                        const struct indent *ind)
{
    for (size_t i = from; i < to; i++) {
        const struct mst__node *n = &t->nodes[i];
        int rc = 0;
        switch (n->kind) {
        case MST__TEXT: rc = append(r, t, n->text, n->len); break;
        case MST__INDENT: rc = append(r, t, ind->text, ind->len); break;
        case MST__VAR:
        case MST__RAW:
            rc = append_value(r, t, mst__context_lookup(&r->ctx, n->name, n->name_len),
                              n->kind == MST__VAR);
            break;
        case MST__SECTION:
        case MST__INVERTED:
            rc = render_section(r, t, i, ind);
            i = n->end - 1; /* the body was rendered (or skipped) above */
            break;
        case MST__PARTIAL: rc = render_partial(r, t, n, ind); break;
        }
        if (rc < 0)
            return -1;
    }
    return 0;
}

int mst_render(const mst_template *tpl, const json_t *ctx, const mst_options *opts, mst_buffer *out,
               mst_error *err)
{
    static const mst_options defaults = { 0 };
    if (!opts)
        opts = &defaults;
    struct render r = {
        .escape = opts->escape ? opts->escape : mst_escape_html,
        .partial = opts->partial,
        .partial_data = opts->partial_data,
        .max_depth = opts->max_depth ? opts->max_depth : MST_DEFAULT_MAX_DEPTH,
        .out = out,
        .err = err,
    };
    mst__context_init(&r.ctx);
    const struct indent none = { "", 0 };
    int rc = 0;
    if (ctx && mst__context_push(&r.ctx, ctx) < 0)
        rc = oom(&r, tpl);
    if (rc == 0)
        rc = render_range(&r, tpl, 0, tpl->count, &none);
    mst__context_release(&r.ctx);
    return rc;
}
