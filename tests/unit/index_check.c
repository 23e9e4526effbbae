/*
 * index_check.c - comparing the position index with jansson's own parse.
 */
#include "index_check.h"

#include <jansson.h>
#include <stdio.h>
#include <string.h>

#include "reader/json_reader.h"

/* RFC 6901 resolution on a jansson tree (jansson has none). */
static json_t *resolve(json_t *root, const char *ptr)
{
    json_t *cur = root;
    char tok[4096];
    while (*ptr) {
        size_t n = 0;
        if (*ptr != '/')
            return NULL;
        ptr++;
        while (*ptr && *ptr != '/' && n + 1 < sizeof(tok)) {
            if (ptr[0] == '~' && ptr[1] == '0') {
                tok[n++] = '~';
                ptr += 2;
            } else if (ptr[0] == '~' && ptr[1] == '1') {
                tok[n++] = '/';
                ptr += 2;
            } else {
                tok[n++] = *ptr++;
            }
        }
        tok[n] = '\0';
        if (json_is_object(cur)) {
            cur = json_object_getn(cur, tok, n);
        } else if (json_is_array(cur)) {
            char *end;
            unsigned long i = strtoul(tok, &end, 10);
            if (*end || !n)
                return NULL;
            cur = json_array_get(cur, i);
        } else {
            return NULL;
        }
        if (!cur)
            return NULL;
    }
    return cur;
}

static size_t count_values(json_t *v)
{
    size_t n = 1, i;
    const char *k;
    json_t *x;
    if (json_is_object(v)) {
        json_object_foreach(v, k, x)
            n += count_values(x);
    } else if (json_is_array(v)) {
        json_array_foreach(v, i, x)
            n += count_values(x);
    }
    return n;
}

static const char *last_token(const char *ptr)
{
    const char *s = strrchr(ptr, '/');
    return s ? s + 1 : ptr;
}

static void unescape_token(const char *tok, char *out, size_t n)
{
    size_t j = 0;
    while (*tok && j + 1 < n) {
        if (tok[0] == '~' && tok[1] == '0') {
            out[j++] = '~';
            tok += 2;
        } else if (tok[0] == '~' && tok[1] == '1') {
            out[j++] = '/';
            tok += 2;
        } else {
            out[j++] = *tok++;
        }
    }
    out[j] = '\0';
}

/* Whether POINTER or one of its ancestors was indexed twice (a duplicate key). */
static int shadowed(const al_posindex *ix, const char *pointer)
{
    char buf[4096];
    size_t len = strlen(pointer), i;
    if (len >= sizeof(buf))
        return 0;
    memcpy(buf, pointer, len + 1);
    for (;;) {
        size_t seen = 0;
        for (i = 0; i < ix->count; i++)
            if (strcmp(ix->entries[i].pointer, buf) == 0)
                seen++;
        if (seen > 1)
            return 1;
        {
            char *slash = strrchr(buf, '/');
            if (!slash)
                return 0;
            *slash = '\0';
        }
    }
}

int index_check(al_doc *doc, char *why, size_t n)
{
    const al_posindex *ix;
    json_t *theirs;
    json_error_t jerr;
    size_t i, unique = 0;
    int rc = -1;

    if (!doc->body) {
        snprintf(why, n, "no body");
        return -1;
    }
    theirs = json_loadb(doc->src.data + doc->body_start, doc->body_end - doc->body_start,
                        JSON_DECODE_ANY | JSON_ALLOW_NUL, &jerr);
    if (!theirs) {
        snprintf(why, n, "jansson refused the body: %s at %d:%d", jerr.text, jerr.line,
                 jerr.column);
        return -1;
    }
    if (!json_equal(theirs, doc->body)) {
        snprintf(why, n, "the body differs from jansson's parse");
        goto done;
    }
    ix = al_doc_index(doc);
    if (!ix || ix->count == 0) {
        snprintf(why, n, "empty index");
        goto done;
    }
    for (i = 0; i < ix->count; i++) {
        const al_posentry *e = &ix->entries[i];
        json_t *want = resolve(theirs, e->pointer), *got;
        al_pos p;
        if (al_posindex_find(ix, e->pointer) == e)
            unique++;
        if (shadowed(ix, e->pointer))
            continue;
        if (!want) {
            snprintf(why, n, "pointer '%s' is not in jansson's parse", e->pointer);
            goto done;
        }
        got = al_json_parse(doc->src.data, e->val_off, e->val_end, NULL);
        if (!got || !json_equal(got, want)) {
            snprintf(why, n, "text at the offsets of '%s' is not its value", e->pointer);
            json_decref(got);
            goto done;
        }
        json_decref(got);
        p = al_source_pos(&doc->src, e->val_off);
        if (al_source_offset(&doc->src, p.line, p.column) != e->val_off) {
            snprintf(why, n, "line:column of '%s' does not round-trip", e->pointer);
            goto done;
        }
        if (e->key_off != AL_NO_OFFSET) {
            size_t k = e->key_off + 1;
            char want_key[4096];
            json_t *key;
            while (k < e->val_off && doc->src.data[k] != '"')
                k += doc->src.data[k] == '\\' ? 2 : 1;
            key = al_json_parse(doc->src.data, e->key_off, k + 1, NULL);
            unescape_token(last_token(e->pointer), want_key, sizeof(want_key));
            if (!json_is_string(key) || strcmp(json_string_value(key), want_key) != 0) {
                snprintf(why, n, "key text of '%s' is not its key", e->pointer);
                json_decref(key);
                goto done;
            }
            json_decref(key);
        }
    }
    if (unique != count_values(theirs)) {
        snprintf(why, n, "index has %zu pointers, the body %zu values", unique,
                 count_values(theirs));
        goto done;
    }
    rc = 0;
done:
    json_decref(theirs);
    return rc;
}
