/*
 * documents.c - open documents, their changes and file: URIs (documents.h).
 *
 * Documents are few (those open in an editor), so a plain array searched
 * linearly is enough.
 */
#include "documents.h"

#include <stdlib.h>
#include <string.h>

void al_lsp_docs_init(al_lsp_docs *docs)
{
    memset(docs, 0, sizeof(*docs));
}

static void doc_free(al_lsp_doc *d)
{
    if (!d)
        return;
    free(d->uri);
    free(d->path);
    free(d->name);
    free(d->text);
    al_lsp_lines_release(&d->lines);
    al_findings_release(&d->findings);
    free(d);
}

void al_lsp_docs_release(al_lsp_docs *docs)
{
    size_t i;
    for (i = 0; i < docs->count; i++)
        doc_free(docs->items[i]);
    free(docs->items);
    memset(docs, 0, sizeof(*docs));
}

al_lsp_doc *al_lsp_docs_find(const al_lsp_docs *docs, const char *uri)
{
    size_t i;
    for (i = 0; i < docs->count; i++)
        if (!strcmp(docs->items[i]->uri, uri))
            return docs->items[i];
    return NULL;
}

static int hexval(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

char *al_lsp_uri_to_path(const char *uri)
{
    const char *p;
    char *out, *o;

    if (strncmp(uri, "file://", 7) != 0)
        return NULL;
    p = uri + 7;
    if (*p != '/') { /* file://host/path: only the local host is a path here */
        if (strncmp(p, "localhost/", 10) != 0)
            return NULL;
        p += 9;
    }
    out = o = malloc(strlen(p) + 1);
    if (!out)
        return NULL;
    for (; *p && *p != '?' && *p != '#'; p++) {
        if (*p == '%' && hexval(p[1]) >= 0 && hexval(p[2]) >= 0) {
            char c = (char)(hexval(p[1]) * 16 + hexval(p[2]));
            if (c == '\0') { /* a NUL cannot be in a path */
                free(out);
                return NULL;
            }
            *o++ = c;
            p += 2;
        } else {
            *o++ = *p;
        }
    }
    *o = '\0';
    return out;
}

char *al_lsp_path_to_uri(const char *path)
{
    static const char hex[] = "0123456789ABCDEF";
    size_t n = strlen(path), i;
    char *out = malloc(7 + 3 * n + 1), *o;

    if (!out)
        return NULL;
    memcpy(out, "file://", 7);
    o = out + 7;
    for (i = 0; i < n; i++) {
        unsigned char c = (unsigned char)path[i];
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
            strchr("/-._~", c)) {
            *o++ = (char)c;
        } else {
            *o++ = '%';
            *o++ = hex[c >> 4];
            *o++ = hex[c & 15];
        }
    }
    *o = '\0';
    return out;
}

/* The name a document is linted as: PATH relative to ROOT when below it, else PATH, else URI. */
static char *doc_name(const char *uri, const char *path, const char *root)
{
    size_t n = root ? strlen(root) : 0;
    if (!path)
        return strdup(uri);
    if (n && !strncmp(path, root, n) && path[n] == '/' && path[n + 1])
        return strdup(path + n + 1);
    return strdup(path);
}

static int set_text(al_lsp_doc *d, const char *text, size_t len)
{
    char *t = malloc(len + 1);
    al_lsp_lines lines;
    if (!t)
        return -1;
    if (len)
        memcpy(t, text, len);
    t[len] = '\0';
    if (al_lsp_lines_build(&lines, t, len) != 0) {
        free(t);
        return -1;
    }
    free(d->text);
    al_lsp_lines_release(&d->lines);
    d->text = t;
    d->len = len;
    d->lines = lines;
    return 0;
}

al_lsp_doc *al_lsp_docs_open(al_lsp_docs *docs, const char *uri, const char *root, const char *text,
                             size_t len, long version)
{
    al_lsp_doc *d = al_lsp_docs_find(docs, uri);

    if (d) {
        if (set_text(d, text, len) != 0)
            return NULL;
        d->version = version;
        return d;
    }
    if (docs->count == docs->cap) {
        size_t cap = docs->cap ? docs->cap * 2 : 8;
        al_lsp_doc **items = realloc(docs->items, cap * sizeof(*items));
        if (!items)
            return NULL;
        docs->items = items;
        docs->cap = cap;
    }
    d = calloc(1, sizeof(*d));
    if (!d)
        return NULL;
    al_findings_init(&d->findings);
    d->uri = strdup(uri);
    d->path = al_lsp_uri_to_path(uri);
    d->name = doc_name(uri, d->path, root);
    if (!d->uri || !d->name || set_text(d, text, len) != 0) {
        doc_free(d);
        return NULL;
    }
    d->version = version;
    docs->items[docs->count++] = d;
    return d;
}

int al_lsp_docs_close(al_lsp_docs *docs, const char *uri)
{
    size_t i;
    for (i = 0; i < docs->count; i++) {
        if (!strcmp(docs->items[i]->uri, uri)) {
            doc_free(docs->items[i]);
            memmove(docs->items + i, docs->items + i + 1,
                    (docs->count - i - 1) * sizeof(*docs->items));
            docs->count--;
            return 1;
        }
    }
    return 0;
}

int al_lsp_pos_from_json(const json_t *j, al_lsp_pos *pos)
{
    const json_t *l = json_object_get(j, "line"), *c = json_object_get(j, "character");
    if (!json_is_integer(l) || !json_is_integer(c) || json_integer_value(l) < 0 ||
        json_integer_value(c) < 0)
        return -1;
    pos->line = json_integer_value(l) > 0x7fffffff ? 0x7fffffff : (long)json_integer_value(l);
    pos->character = json_integer_value(c) > 0x7fffffff ? 0x7fffffff : (long)json_integer_value(c);
    return 0;
}

json_t *al_lsp_pos_json(al_lsp_pos pos)
{
    return json_pack("{s:I,s:I}", "line", (json_int_t)pos.line, "character",
                     (json_int_t)pos.character);
}

json_t *al_lsp_range_json(const al_lsp_doc *d, size_t off, size_t end)
{
    al_lsp_pos a = al_lsp_position(&d->lines, d->text, d->len, off);
    al_lsp_pos b = al_lsp_position(&d->lines, d->text, d->len, end < off ? off : end);
    return json_pack("{s:o,s:o}", "start", al_lsp_pos_json(a), "end", al_lsp_pos_json(b));
}

int al_lsp_doc_change(al_lsp_doc *d, const json_t *change, char *err, size_t errlen)
{
    const json_t *text = json_object_get(change, "text");
    const json_t *range = json_object_get(change, "range");
    al_lsp_pos a, b;
    size_t off, end, tlen, nlen;
    char *buf;
    int rc;

    if (!json_is_string(text)) {
        snprintf(err, errlen, "a content change without its text");
        return -1;
    }
    tlen = json_string_length(text);
    if (!range || json_is_null(range))
        return set_text(d, json_string_value(text), tlen) == 0 ? 0 : -1;
    if (al_lsp_pos_from_json(json_object_get(range, "start"), &a) != 0 ||
        al_lsp_pos_from_json(json_object_get(range, "end"), &b) != 0) {
        snprintf(err, errlen, "a content change with a malformed range");
        return -1;
    }
    off = al_lsp_offset(&d->lines, d->text, d->len, a);
    end = al_lsp_offset(&d->lines, d->text, d->len, b);
    if (end < off) {
        snprintf(err, errlen, "a content change whose range ends before it starts");
        return -1;
    }
    nlen = d->len - (end - off) + tlen;
    buf = malloc(nlen + 1);
    if (!buf) {
        snprintf(err, errlen, "out of memory");
        return -1;
    }
    memcpy(buf, d->text, off);
    memcpy(buf + off, json_string_value(text), tlen);
    memcpy(buf + off + tlen, d->text + end, d->len - end);
    rc = set_text(d, buf, nlen);
    free(buf);
    if (rc != 0)
        snprintf(err, errlen, "out of memory");
    return rc;
}
