/*
 * document.c - reading the Markdown wrapper and dispatching the body.
 *
 * How it works: the whole file is first checked as UTF-8 (UTF-16 is named
 * as such), then a line-oriented scan finds the `<properties` header, walks
 * its attributes byte by byte (any white space separates them, values are
 * double- or single-quoted), then looks for the H1 title and the two fence
 * lines. The body range between the fences goes to the JSON reader (or the
 * whole file to the JSON or YAML reader for bare bodies). Each problem is
 * reported at its byte; a problem that makes the rest unreadable sets
 * doc->fatal and stops.
 */
#include "document.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "../util/grow.h"
#include "../util/utf8.h"
#include "json_reader.h"
#include "yaml_reader.h"

#define ADVISOR_SELF_HELP_TYPE "advisorRecommendationMetadata"

typedef struct reader {
    al_doc *doc;
    const al_doc_options *opts;
} reader;

static void report(reader *r, al_read_problem kind, size_t off, size_t end, size_t related,
                   const char *pointer, const char *fmt, ...) __attribute__((format(printf, 7, 8)));

#include <stdarg.h>

static void report(reader *r, al_read_problem kind, size_t off, size_t end, size_t related,
                   const char *pointer, const char *fmt, ...)
{
    char msg[512];
    va_list ap;
    if (!r->opts || !r->opts->problem)
        return;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof(msg), fmt, ap);
    va_end(ap);
    r->opts->problem(r->opts->ud, kind, off, end, related, pointer, msg);
}

int al_doc_kind_from_name(const char *path)
{
    const char *dot = strrchr(path, '.');
    const char *slash = strrchr(path, '/');
    if (!dot || (slash && dot < slash))
        return -1;
    if (!strcasecmp(dot, ".md") || !strcasecmp(dot, ".markdown"))
        return AL_DOC_MARKDOWN;
    if (!strcasecmp(dot, ".json"))
        return AL_DOC_JSON;
    if (!strcasecmp(dot, ".yaml") || !strcasecmp(dot, ".yml"))
        return AL_DOC_YAML;
    return -1;
}

al_doc_kind al_doc_sniff_kind(const char *data, size_t len)
{
    size_t i = 0;
    if (len >= 3 && (unsigned char)data[0] == 0xEF && (unsigned char)data[1] == 0xBB &&
        (unsigned char)data[2] == 0xBF)
        i = 3;
    while (i < len && (data[i] == ' ' || data[i] == '\t' || data[i] == '\r' || data[i] == '\n'))
        i++;
    if (i < len && (data[i] == '{' || data[i] == '['))
        return AL_DOC_JSON;
    return AL_DOC_MARKDOWN;
}

const al_attr *al_doc_attr(const al_doc *doc, const char *name)
{
    size_t i;
    for (i = 0; i < doc->nattrs; i++)
        if (strcmp(doc->attrs[i].name, name) == 0)
            return &doc->attrs[i];
    return NULL;
}

/* ---- encoding ---- */

static int check_encoding(reader *r)
{
    const al_source *src = &r->doc->src;
    const unsigned char *d = (const unsigned char *)src->data;
    size_t bad;

    if (src->len >= 2 && ((d[0] == 0xFF && d[1] == 0xFE) || (d[0] == 0xFE && d[1] == 0xFF))) {
        report(r, AL_READ_ENCODING, 0, 0, AL_NO_OFFSET, NULL,
               "file is UTF-16 encoded, advisor metadata must be UTF-8");
        return -1;
    }
    bad = al_utf8_first_invalid(d, src->len);
    if (bad < src->len) {
        report(r, AL_READ_ENCODING, bad, bad + 1, AL_NO_OFFSET, NULL,
               "invalid UTF-8 byte 0x%02X, the file must be UTF-8", d[bad]);
        return -1;
    }
    return 0;
}

/* ---- lines ---- */

static size_t line_end(const al_source *src, size_t off)
{
    const char *nl = memchr(src->data + off, '\n', src->len - off);
    return nl ? (size_t)(nl - src->data) : src->len;
}

static size_t next_line(const al_source *src, size_t off)
{
    size_t e = line_end(src, off);
    return e < src->len ? e + 1 : src->len;
}

static int is_blank(const char *s, size_t n)
{
    size_t i;
    for (i = 0; i < n; i++)
        if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r')
            return 0;
    return 1;
}

/* A fence is "---" with only trailing white space. */
static int is_fence(const al_source *src, size_t off)
{
    size_t e = line_end(src, off);
    if (e - off < 3 || memcmp(src->data + off, "---", 3) != 0)
        return 0;
    return is_blank(src->data + off + 3, e - off - 3);
}

/* A whole-line HTML comment, as `<!--issueDescription-->` (4 real files). */
static int is_html_comment(const char *s, size_t n)
{
    while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r'))
        n--;
    while (n && (*s == ' ' || *s == '\t')) {
        s++;
        n--;
    }
    return n >= 7 && !memcmp(s, "<!--", 4) && !memcmp(s + n - 3, "-->", 3);
}

/* ---- header ---- */

static int is_name_char(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' ||
           c == '_' || c == '-' || c == ':';
}

static int is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v';
}

static int add_attr(al_doc *doc, const char *name, size_t name_len, size_t name_off,
                    size_t value_off, size_t value_end)
{
    al_attr *a;
    if (al_grow(&doc->attrs, &doc->attrs_cap, doc->nattrs + 1, sizeof(*doc->attrs), 16) != 0)
        return -1;
    a = &doc->attrs[doc->nattrs];
    a->name = strndup(name, name_len);
    a->value = strndup(doc->src.data + value_off, value_end - value_off);
    if (!a->name || !a->value) {
        free(a->name);
        free(a->value);
        return -1;
    }
    a->name_off = name_off;
    a->value_off = value_off;
    a->value_end = value_end;
    doc->nattrs++;
    return 0;
}

static void describe_byte(char c, char *out, size_t n)
{
    if ((unsigned char)c >= 0x20 && (unsigned char)c < 0x7F)
        snprintf(out, n, "'%c'", c);
    else if (c == '\0')
        snprintf(out, n, "NUL byte");
    else
        snprintf(out, n, "byte 0x%02X", (unsigned char)c);
}

/*
 * Parses the attributes after "<properties" at *POS up to "/>". Returns 0,
 * -1 on allocation failure, or 1 after reporting a problem that stops reading.
 */
static int parse_attributes(reader *r, size_t *pos)
{
    al_doc *doc = r->doc;
    const char *d = doc->src.data;
    size_t len = doc->src.len, i = *pos;

    for (;;) {
        size_t name_off, name_len, value_off;
        char quote, what[32];

        while (i < len && is_space(d[i]))
            i++;
        if (i >= len) {
            report(
                r, AL_READ_HEADER_UNCLOSED, doc->header_off, doc->header_off + 11, AL_NO_OFFSET,
                NULL,
                "the '<properties' header is not closed, expected '/>' before the end of the file");
            return 1;
        }
        if (d[i] == '/' && i + 1 < len && d[i + 1] == '>') {
            *pos = i + 2;
            return 0;
        }
        if (d[i] == '>') {
            report(r, AL_READ_HEADER_SYNTAX, i, i + 1, AL_NO_OFFSET, NULL,
                   "the '<properties' header must close with '/>', not '>'");
            *pos = i + 1;
            return 0;
        }
        if (d[i] == '#' || (d[i] == '-' && i + 2 < len && d[i + 1] == '-' && d[i + 2] == '-')) {
            report(r, AL_READ_HEADER_UNCLOSED, doc->header_off, doc->header_off + 11, AL_NO_OFFSET,
                   NULL, "the '<properties' header is not closed, expected '/>' before the title");
            return 1;
        }
        if (!is_name_char(d[i])) {
            describe_byte(d[i], what, sizeof(what));
            report(r, AL_READ_HEADER_SYNTAX, i, i + 1, AL_NO_OFFSET, NULL,
                   "unexpected %s in the '<properties' header, expected an attribute name or '/>'",
                   what);
            return 1;
        }
        name_off = i;
        while (i < len && is_name_char(d[i]))
            i++;
        name_len = i - name_off;
        while (i < len && (d[i] == ' ' || d[i] == '\t'))
            i++;
        if (i >= len || d[i] != '=') {
            describe_byte(i < len ? d[i] : ' ', what, sizeof(what));
            report(r, AL_READ_HEADER_SYNTAX, i, i + 1, AL_NO_OFFSET, NULL,
                   "expected '=' after attribute \"%.*s\", got %s", (int)name_len, d + name_off,
                   i < len ? what : "the end of the file");
            return 1;
        }
        i++;
        while (i < len && (d[i] == ' ' || d[i] == '\t'))
            i++;
        if (i >= len || (d[i] != '"' && d[i] != '\'')) {
            report(r, AL_READ_HEADER_SYNTAX, i, i + 1, AL_NO_OFFSET, NULL,
                   "expected a quoted value for attribute \"%.*s\"", (int)name_len, d + name_off);
            return 1;
        }
        quote = d[i++];
        value_off = i;
        while (i < len && d[i] != quote && d[i] != '\n')
            i++;
        if (i >= len || d[i] != quote) {
            report(r, AL_READ_HEADER_SYNTAX, value_off - 1, value_off, AL_NO_OFFSET, NULL,
                   "the value of attribute \"%.*s\" is not closed with %c on its line",
                   (int)name_len, d + name_off, quote);
            return 1;
        }
        if (add_attr(doc, d + name_off, name_len, name_off, value_off, i) != 0)
            return -1;
        i++;
        if (i < len && !is_space(d[i]) && d[i] != '/' && d[i] != '>') {
            describe_byte(d[i], what, sizeof(what));
            report(r, AL_READ_HEADER_SYNTAX, i, i + 1, AL_NO_OFFSET, NULL,
                   "unexpected %s after the value of attribute \"%.*s\", expected white space",
                   what, (int)name_len, d + name_off);
            return 1;
        }
    }
}

static int is_advisor_type(const char *v)
{
    while (*v == ' ' || *v == '\t')
        v++;
    {
        size_t n = strlen(ADVISOR_SELF_HELP_TYPE);
        if (strncasecmp(v, ADVISOR_SELF_HELP_TYPE, n) != 0)
            return 0;
        v += n;
    }
    while (*v == ' ' || *v == '\t')
        v++;
    return *v == '\0';
}

/* ---- title and fences ---- */

static int read_title(reader *r, size_t *pos)
{
    al_doc *doc = r->doc;
    const al_source *src = &doc->src;
    size_t i = *pos;

    /* the rest of the "/>" line must be blank */
    {
        size_t e = line_end(src, i);
        if (!is_blank(src->data + i, e - i)) {
            report(r, AL_READ_HEADER_SYNTAX, i, e, AL_NO_OFFSET, NULL,
                   "unexpected text after '/>' on the header's last line");
        }
        i = next_line(src, i);
    }
    while (i < src->len) {
        size_t e = line_end(src, i), t, te;
        if (is_blank(src->data + i, e - i) || is_html_comment(src->data + i, e - i)) {
            i = next_line(src, i);
            continue;
        }
        if (is_fence(src, i))
            break;
        if (src->data[i] == '#' &&
            (i + 1 >= e || src->data[i + 1] == ' ' || src->data[i + 1] == '\t')) {
            t = i + 1;
            while (t < e && (src->data[t] == ' ' || src->data[t] == '\t'))
                t++;
            te = e;
            while (te > t && (src->data[te - 1] == ' ' || src->data[te - 1] == '\t' ||
                              src->data[te - 1] == '\r'))
                te--;
            doc->has_title = 1;
            doc->title_off = i;
            doc->title_text_off = t;
            doc->title = strndup(src->data + t, te - t);
            if (!doc->title)
                return -1;
            *pos = next_line(src, i);
            return 0;
        }
        report(r, AL_READ_TITLE_MISSING, i, e, AL_NO_OFFSET, NULL,
               "expected the '# Title' line after the header, got other text");
        *pos = next_line(src, i);
        return 0;
    }
    report(r, AL_READ_TITLE_MISSING, i, i, AL_NO_OFFSET, NULL,
           "missing the '# Title' line between the header and the '---' fence");
    *pos = i;
    return 0;
}

static void find_body(reader *r, size_t pos)
{
    al_doc *doc = r->doc;
    const al_source *src = &doc->src;
    size_t i = pos;

    while (i < src->len && !is_fence(src, i)) {
        size_t e = line_end(src, i);
        if (!is_blank(src->data + i, e - i) && !is_html_comment(src->data + i, e - i)) {
            if (src->data[i] == '{') {
                report(r, AL_READ_FENCE_MISSING, i, i + 1, AL_NO_OFFSET, NULL,
                       "missing the '---' fence line before the JSON body");
                doc->body_start = i;
                goto closing;
            }
            report(r, AL_READ_TITLE_MISSING, i, e, AL_NO_OFFSET, NULL,
                   "unexpected text between the title and the '---' fence");
        }
        i = next_line(src, i);
    }
    if (i >= src->len) {
        report(r, AL_READ_FENCE_MISSING, src->len, src->len, AL_NO_OFFSET, NULL,
               "missing the '---' fence line and the JSON body after the title");
        doc->fatal = 1;
        return;
    }
    doc->body_start = next_line(src, i);
closing:
    /* the closing fence: one memchr per line, the full check only for lines starting "---" */
    i = doc->body_start;
    while (i < src->len && !(src->data[i] == '-' && is_fence(src, i))) {
        const char *nl = memchr(src->data + i, '\n', src->len - i);
        i = nl ? (size_t)(nl - src->data) + 1 : src->len;
    }
    if (i >= src->len) {
        report(r, AL_READ_FENCE_MISSING, src->len, src->len, AL_NO_OFFSET, NULL,
               "missing the closing '---' fence line after the JSON body");
    }
    doc->body_end = i < src->len ? i : src->len;
}

/* ---- body ---- */

static void json_problem(void *ud, al_read_problem kind, size_t offset, size_t related,
                         const char *pointer, const char *message)
{
    reader *r = ud;
    if (!r->opts || !r->opts->problem)
        return;
    r->opts->problem(r->opts->ud, kind, offset, offset, related, pointer, message);
}

static void parse_body(reader *r)
{
    al_doc *doc = r->doc;
    al_json_options jo;

    if (r->opts && r->opts->header_only)
        return;

    memset(&jo, 0, sizeof(jo));
    jo.problem = json_problem;
    jo.ud = r;
    jo.utf8_checked = 1; /* al_doc_load checked the whole file first */
    jo.recover = 1; /* list every syntax error; keep the body only when repaired without doubt */
    if (doc->kind == AL_DOC_YAML)
        doc->body = al_yaml_parse(&doc->src, &jo);
    else
        doc->body = al_json_parse(doc->src.data, doc->body_start, doc->body_end, &jo);
    if (!doc->body)
        doc->fatal = 1;
}

/*
 * Whether the header starts at I: "<properties" then white space or '/'.
 * "< properties" (white space after '<') is a header too, reported as
 * header-syntax: its attributes say whether the file is advisor metadata.
 * *NAME_END receives the offset after "properties".
 */
static int header_starts(reader *r, size_t i, size_t *name_end)
{
    const al_source *src = &r->doc->src;
    size_t p = i + 1;
    if (i >= src->len || src->data[i] != '<')
        return 0;
    while (p < src->len && (src->data[p] == ' ' || src->data[p] == '\t'))
        p++;
    if (src->len - p < 10 || strncasecmp(src->data + p, "properties", 10) != 0 ||
        (p + 10 < src->len && !is_space(src->data[p + 10]) && src->data[p + 10] != '/'))
        return 0;
    if (p > i + 1)
        report(r, AL_READ_HEADER_SYNTAX, i + 1, p, AL_NO_OFFSET, NULL,
               "white space between '<' and 'properties', write '<properties'");
    *name_end = p + 10;
    return 1;
}

static int wanted(const reader *r, int keep_all_only)
{
    return r->opts && (r->opts->keep_all || (!keep_all_only && r->opts->metadata_path));
}

static int load_markdown(reader *r)
{
    al_doc *doc = r->doc;
    const al_source *src = &doc->src;
    size_t i = src->bom, name_end = 0;
    int rc;

    while (i < src->len && is_space(src->data[i]))
        i++;
    if (!header_starts(r, i, &name_end)) {
        if (!wanted(r, 0)) {
            doc->skipped = 1;
            doc->skip_reason = "no '<properties' header";
            return 0;
        }
        if (i >= src->len && !r->opts->keep_all) {
            report(r, AL_READ_HEADER_MISSING, i, i, AL_NO_OFFSET, NULL,
                   "the file is empty, but its path says it is advisor metadata (metadata-files)");
            doc->fatal = 1;
            return 0;
        }
        report(r, AL_READ_HEADER_MISSING, i, i, AL_NO_OFFSET, NULL,
               r->opts->keep_all
                   ? "missing the '<properties .../>' header at the start of the file"
                   : "missing the '<properties .../>' header at the start of the file, and its "
                     "path says it is advisor metadata (metadata-files)");
        /* read the body between fences when there are any, else the whole file */
        while (i < src->len && !is_fence(src, i))
            i = next_line(src, i);
        if (i < src->len) {
            doc->body_start = next_line(src, i);
            i = doc->body_start;
            while (i < src->len && !is_fence(src, i))
                i = next_line(src, i);
            doc->body_end = i;
        } else {
            doc->body_start = src->bom;
            doc->body_end = src->len;
        }
        parse_body(r);
        return 0;
    }
    doc->has_header = 1;
    doc->header_off = i;
    i = name_end;
    rc = parse_attributes(r, &i);
    if (rc < 0)
        return -1;
    if (rc > 0) {
        doc->fatal = 1;
        doc->header_incomplete = 1;
        return 0;
    }
    doc->header_end = i;
    {
        const al_attr *t = al_doc_attr(doc, "selfHelpType");
        if (t && !is_advisor_type(t->value) && !wanted(r, 1)) {
            if (!wanted(r, 0)) {
                doc->skipped = 1;
                doc->skip_reason = "another selfHelpType";
                return 0;
            }
            /* in a metadata folder: an error, and the file is checked as metadata */
            report(r, AL_READ_SELF_HELP_TYPE, t->value_off, t->value_end, AL_NO_OFFSET, NULL,
                   "selfHelpType \"%s\" in a file whose path says it is advisor metadata "
                   "(metadata-files), expected \"" ADVISOR_SELF_HELP_TYPE "\"",
                   t->value);
        }
    }
    if (read_title(r, &i) != 0)
        return -1;
    find_body(r, i);
    if (doc->fatal)
        return 0;
    parse_body(r);
    return 0;
}

int al_doc_load(al_doc *doc, al_source *src, al_doc_kind kind, const al_doc_options *opts)
{
    reader r;

    memset(doc, 0, sizeof(*doc));
    doc->src = *src;
    memset(src, 0, sizeof(*src));
    doc->kind = kind;
    al_posindex_init(&doc->index);
    r.doc = doc;
    r.opts = opts;
    if (check_encoding(&r) != 0) {
        doc->fatal = 1;
        return 0;
    }
    if (kind == AL_DOC_MARKDOWN)
        return load_markdown(&r);
    doc->body_start = doc->src.bom;
    doc->body_end = doc->src.len;
    parse_body(&r);
    return 0;
}

void al_doc_release(al_doc *doc)
{
    size_t i;
    for (i = 0; i < doc->nattrs; i++) {
        free(doc->attrs[i].name);
        free(doc->attrs[i].value);
    }
    free(doc->attrs);
    free(doc->title);
    json_decref(doc->body);
    al_posindex_release(&doc->index);
    al_source_release(&doc->src);
    memset(doc, 0, sizeof(*doc));
}

const al_posindex *al_doc_index(al_doc *doc)
{
    al_json_options jo;
    json_t *again;

    if (!doc->body)
        return NULL;
    if (doc->index_built)
        return &doc->index;
    memset(&jo, 0, sizeof(jo));
    jo.index = &doc->index;
    jo.recover = 1; /* the body may have been repaired: repair it the same way */
    if (doc->kind == AL_DOC_YAML)
        again = al_yaml_parse(&doc->src, &jo);
    else
        again = al_json_parse(doc->src.data, doc->body_start, doc->body_end, &jo);
    json_decref(again);
    doc->index_built = 1;
    return &doc->index;
}
