/*
 * parse.c - compiles template text into the flat node array render.c walks.
 *
 * One pass, left to right: find the next opening delimiter, find its tag's end,
 * decide whether the tag is "standalone" (alone on its line but for spaces and tabs,
 * in which case the whole line, newline included, disappears from the output), emit
 * the text before it, then the tag's node. Sections are matched with a stack of open
 * section nodes; a close fills in the open node's `end`. Set-delimiter tags change
 * the delimiters for the rest of this template only (the delimiters point into the
 * template's own source copy, so they need no storage).
 *
 * Text is emitted with an MST__INDENT node at every line start that survives
 * standalone removal. The spec says a standalone partial's every line is indented
 * "before rendering", i.e. as if its text were indented and then compiled; those
 * nodes let one compiled partial do that at render time whatever its indentation,
 * including line starts inside section bodies, which repeat with the section.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mustache_private.h"

struct parser {
    mst_template *tpl;
    const char *src;
    size_t len;
    size_t text_start; /* where the text not emitted yet begins */
    const char *open;  /* current delimiters, inside src or static strings */
    size_t open_len;
    const char *close;
    size_t close_len;
    size_t stack[MST__MAX_SECTION_DEPTH]; /* indices of open section nodes */
    size_t depth;
    /* A cursor turning positions into line and column without rescanning. */
    size_t lc_pos;
    int lc_line;
    size_t lc_line_start;
    mst_error *err;
};

/* One parsed tag. */
struct tag {
    size_t start;        /* position of the opening delimiter */
    size_t end;          /* one past the closing delimiter */
    char sigil;          /* '#', '^', '/', '!', '>', '=', '{', '&' or 0 for a variable */
    const char *content; /* between sigil and closing delimiter, trimmed */
    size_t content_len;
};

static int is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

/* The first occurrence of needle in hay[from, len), or len when none. */
static size_t find(const char *hay, size_t len, size_t from, const char *needle, size_t nlen)
{
    while (from < len && len - from >= nlen) {
        const char *p = memchr(hay + from, needle[0], len - from - nlen + 1);
        if (!p)
            return len;
        if (memcmp(p, needle, nlen) == 0)
            return (size_t)(p - hay);
        from = (size_t)(p - hay) + 1;
    }
    return len;
}

/* Moves the line cursor to pos (never backwards) and reports line and column. */
static void locate(struct parser *ps, size_t pos, int *line, int *column)
{
    if (pos < ps->lc_pos) { /* not expected; restart rather than misreport */
        ps->lc_pos = 0;
        ps->lc_line = 1;
        ps->lc_line_start = 0;
    }
    for (; ps->lc_pos < pos; ps->lc_pos++) {
        if (ps->src[ps->lc_pos] == '\n') {
            ps->lc_line++;
            ps->lc_line_start = ps->lc_pos + 1;
        }
    }
    *line = ps->lc_line;
    *column = (int)(pos - ps->lc_line_start) + 1;
}

/* How many bytes of a quoted subject go into a message, so it stays readable. */
static int clip(size_t n)
{
    return n > 40 ? 40 : (int)n;
}

/* Fills the error for a problem at pos. Always returns -1. */
static int fail(struct parser *ps, size_t pos, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 3, 4)))
#endif
    ;

static int fail(struct parser *ps, size_t pos, const char *fmt, ...)
{
    int line, column;
    locate(ps, pos, &line, &column);
    char msg[MST_ERROR_TEXT_LENGTH];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    mst__error_set(ps->err, ps->tpl->name, line, column, pos, "%s", msg);
    return -1;
}

static int oom(struct parser *ps)
{
    mst__error_oom(ps->err, ps->tpl->name);
    return -1;
}

/* Appends a node and returns it, or NULL when out of memory. */
static struct mst__node *add_node(struct parser *ps, enum mst__kind kind)
{
    mst_template *t = ps->tpl;
    if (t->count == t->cap) {
        size_t cap = t->cap ? t->cap * 2 : 32;
        struct mst__node *nodes = realloc(t->nodes, cap * sizeof *nodes);
        if (!nodes)
            return NULL;
        t->nodes = nodes;
        t->cap = cap;
    }
    struct mst__node *n = &t->nodes[t->count++];
    memset(n, 0, sizeof *n);
    n->kind = kind;
    return n;
}

static int is_line_start(const struct parser *ps, size_t pos)
{
    return pos == 0 || ps->src[pos - 1] == '\n';
}

static int add_text(struct parser *ps, size_t from, size_t to)
{
    if (from == to)
        return 0;
    struct mst__node *n = add_node(ps, MST__TEXT);
    if (!n)
        return oom(ps);
    n->text = ps->src + from;
    n->len = to - from;
    return 0;
}

static int add_indent(struct parser *ps)
{
    return add_node(ps, MST__INDENT) ? 0 : oom(ps);
}

/* Emits src[from, to) as text with an indent node at each line start in it; the line
 * start at `to` itself counts only when with_end (a tag follows on that line) and it
 * is not the end of the template. */
static int emit_text(struct parser *ps, size_t from, size_t to, int with_end)
{
    if (is_line_start(ps, from) && (from < to || (with_end && from < ps->len)))
        if (add_indent(ps) < 0)
            return -1;
    size_t seg = from;
    for (size_t p = from; p < to;) {
        const char *nl = memchr(ps->src + p, '\n', to - p);
        if (!nl)
            break;
        p = (size_t)(nl - ps->src) + 1;
        if (p == to && !(with_end && p < ps->len))
            break;
        if (add_text(ps, seg, p) < 0 || add_indent(ps) < 0)
            return -1;
        seg = p;
    }
    return add_text(ps, seg, to);
}

/* Finds the end of the tag opening at start. A '{' or '=' tag needs that character
 * again just before the closing delimiter ("{{{x}}}", "{{=<% %>=}}"). */
static int scan_tag(struct parser *ps, size_t start, struct tag *tag)
{
    size_t p = start + ps->open_len;
    tag->start = start;
    tag->sigil = 0;
    if (p < ps->len && ps->src[p] != '\0' && strchr("#^/!>={&", ps->src[p]))
        tag->sigil = ps->src[p++];
    char closer = tag->sigil == '{' ? '}' : tag->sigil == '=' ? '=' : 0;
    size_t q = p;
    for (;;) {
        q = find(ps->src, ps->len, q, ps->close, ps->close_len);
        if (q == ps->len) {
            size_t n = 0;
            while (start + n < ps->len && n < 24 && ps->src[start + n] != '\n')
                n++;
            return fail(ps, start, "unclosed tag \"%.*s\"", (int)n, ps->src + start);
        }
        if (!closer || (q > p && ps->src[q - 1] == closer))
            break;
        q++;
    }
    size_t cend = closer ? q - 1 : q;
    while (p < cend && is_space(ps->src[p]))
        p++;
    while (cend > p && is_space(ps->src[cend - 1]))
        cend--;
    tag->content = ps->src + p;
    tag->content_len = cend - p;
    tag->end = q + ps->close_len;
    return 0;
}

/* Whether a tag of this kind can stand alone on its line (interpolations never do). */
static int may_stand_alone(char sigil)
{
    return sigil && sigil != '{' && sigil != '&';
}

/* If the tag is alone on its line, sets *line_start and *line_end (past the newline)
 * and returns 1. */
static int standalone(const struct parser *ps, const struct tag *tag, size_t *line_start,
                      size_t *line_end)
{
    size_t b = tag->start;
    while (b > 0 && (ps->src[b - 1] == ' ' || ps->src[b - 1] == '\t'))
        b--;
    if (!is_line_start(ps, b))
        return 0;
    size_t e = tag->end;
    while (e < ps->len && (ps->src[e] == ' ' || ps->src[e] == '\t'))
        e++;
    if (e < ps->len && ps->src[e] == '\n')
        e++;
    else if (e + 1 < ps->len && ps->src[e] == '\r' && ps->src[e + 1] == '\n')
        e += 2;
    else if (e < ps->len)
        return 0;
    *line_start = b;
    *line_end = e;
    return 1;
}

/* Checks a variable or section name: "." or dot-separated non-empty parts, with no
 * spaces or NUL inside. */
static int check_name(struct parser *ps, const struct tag *tag)
{
    const char *s = tag->content;
    size_t n = tag->content_len;
    if (n == 0)
        return fail(ps, tag->start, "empty tag name");
    if (n == 1 && s[0] == '.')
        return 0;
    for (size_t i = 0; i < n; i++) {
        int bad_dot = s[i] == '.' && (i == 0 || i == n - 1 || s[i + 1] == '.');
        if (bad_dot || is_space(s[i]) || s[i] == '\0')
            return fail(ps, tag->start, "invalid tag name \"%.*s\"", clip(n), s);
    }
    return 0;
}

/* Adds a node named by the tag's content. */
static struct mst__node *add_named(struct parser *ps, enum mst__kind kind, const struct tag *tag)
{
    char *name = malloc(tag->content_len + 1);
    if (!name)
        return NULL;
    memcpy(name, tag->content, tag->content_len);
    name[tag->content_len] = '\0';
    struct mst__node *n = add_node(ps, kind);
    if (!n) {
        free(name);
        return NULL;
    }
    n->name = name;
    n->name_len = tag->content_len;
    n->position = tag->start;
    locate(ps, tag->start, &n->line, &n->column);
    return n;
}

/* {{=<% %>=}}: two non-empty delimiters without '=', separated by whitespace. */
static int set_delimiters(struct parser *ps, const struct tag *tag)
{
    const char *s = tag->content;
    size_t n = tag->content_len, a = 0;
    while (a < n && !is_space(s[a]))
        a++;
    size_t b = a;
    while (b < n && is_space(s[b]))
        b++;
    int ok = a > 0 && b < n && b > a && !memchr(s, '=', n);
    for (size_t i = b; ok && i < n; i++)
        ok = !is_space(s[i]);
    if (!ok)
        return fail(ps, tag->start, "invalid set delimiters tag \"%.*s\"", clip(n), s);
    ps->open = s;
    ps->open_len = a;
    ps->close = s + b;
    ps->close_len = n - b;
    return 0;
}

static int open_section(struct parser *ps, const struct tag *tag)
{
    if (check_name(ps, tag) < 0)
        return -1;
    if (ps->depth == MST__MAX_SECTION_DEPTH)
        return fail(ps, tag->start, "section \"%.*s\" nested too deeply (limit %d)",
                    clip(tag->content_len), tag->content, MST__MAX_SECTION_DEPTH);
    enum mst__kind kind = tag->sigil == '#' ? MST__SECTION : MST__INVERTED;
    if (!add_named(ps, kind, tag))
        return oom(ps);
    ps->stack[ps->depth++] = ps->tpl->count - 1;
    return 0;
}

static int close_section(struct parser *ps, const struct tag *tag)
{
    if (ps->depth == 0)
        return fail(ps, tag->start, "unexpected close of section \"%.*s\"", clip(tag->content_len),
                    tag->content);
    struct mst__node *open = &ps->tpl->nodes[ps->stack[ps->depth - 1]];
    if (open->name_len != tag->content_len ||
        memcmp(open->name, tag->content, tag->content_len) != 0)
        return fail(ps, tag->start, "mismatched close \"%.*s\" of section \"%.*s\"",
                    clip(tag->content_len), tag->content, clip(open->name_len), open->name);
    open->end = ps->tpl->count;
    ps->depth--;
    return 0;
}

static int add_partial(struct parser *ps, const struct tag *tag, int alone, size_t line_start)
{
    if (tag->content_len == 0)
        return fail(ps, tag->start, "empty partial name");
    struct mst__node *n = add_named(ps, MST__PARTIAL, tag);
    if (!n)
        return oom(ps);
    n->standalone = alone;
    if (alone) {
        n->text = ps->src + line_start;
        n->len = tag->start - line_start;
    }
    return 0;
}

/* Emits the text before the tag, then the tag itself; moves text_start past it. */
static int handle_tag(struct parser *ps, const struct tag *tag)
{
    size_t line_start = 0, line_end = 0;
    int alone = may_stand_alone(tag->sigil) && standalone(ps, tag, &line_start, &line_end);
    if (alone) {
        if (emit_text(ps, ps->text_start, line_start, 0) < 0)
            return -1;
        ps->text_start = line_end;
    } else {
        if (emit_text(ps, ps->text_start, tag->start, 1) < 0)
            return -1;
        ps->text_start = tag->end;
    }
    switch (tag->sigil) {
    case '!': return 0;
    case '=': return set_delimiters(ps, tag);
    case '#':
    case '^': return open_section(ps, tag);
    case '/': return close_section(ps, tag);
    case '>': return add_partial(ps, tag, alone, line_start);
    default:
        if (check_name(ps, tag) < 0)
            return -1;
        if (!add_named(ps, tag->sigil ? MST__RAW : MST__VAR, tag))
            return oom(ps);
        return 0;
    }
}

static int parse(struct parser *ps)
{
    for (;;) {
        size_t start = find(ps->src, ps->len, ps->text_start, ps->open, ps->open_len);
        if (start == ps->len)
            break;
        struct tag tag;
        if (scan_tag(ps, start, &tag) < 0 || handle_tag(ps, &tag) < 0)
            return -1;
    }
    if (emit_text(ps, ps->text_start, ps->len, 0) < 0)
        return -1;
    if (ps->depth > 0) {
        const struct mst__node *open = &ps->tpl->nodes[ps->stack[ps->depth - 1]];
        mst__error_set(ps->err, ps->tpl->name, open->line, open->column, open->position,
                       "unclosed section \"%.*s\"", clip(open->name_len), open->name);
        return -1;
    }
    return 0;
}

/* A malloc'd copy of len bytes with a NUL after them, or NULL. */
static char *copy_bytes(const char *s, size_t len)
{
    char *copy = malloc(len + 1);
    if (!copy)
        return NULL;
    if (len)
        memcpy(copy, s, len);
    copy[len] = '\0';
    return copy;
}

mst_template *mst_compile(const char *text, size_t len, const char *name, mst_error *err)
{
    if (!name)
        name = "<template>";
    mst_template *tpl = calloc(1, sizeof *tpl);
    if (tpl) {
        tpl->name = copy_bytes(name, strlen(name));
        tpl->source = copy_bytes(text ? text : "", text ? len : 0);
    }
    if (!tpl || !tpl->name || !tpl->source) {
        mst_template_free(tpl);
        mst__error_oom(err, name);
        return NULL;
    }
    tpl->source_len = text ? len : 0;

    struct parser ps = {
        .tpl = tpl,
        .src = tpl->source,
        .len = tpl->source_len,
        .open = "{{",
        .open_len = 2,
        .close = "}}",
        .close_len = 2,
        .lc_line = 1,
        .err = err,
    };
    if (parse(&ps) < 0) {
        mst_template_free(tpl);
        return NULL;
    }
    return tpl;
}

void mst_template_free(mst_template *tpl)
{
    if (!tpl)
        return;
    for (size_t i = 0; i < tpl->count; i++)
        free(tpl->nodes[i].name);
    free(tpl->nodes);
    free(tpl->source);
    free(tpl->name);
    free(tpl);
}

const char *mst_template_name(const mst_template *tpl)
{
    return tpl->name;
}
