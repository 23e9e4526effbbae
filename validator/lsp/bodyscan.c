/*
 * bodyscan.c - a forgiving JSON scan to a cursor (bodyscan.h).
 *
 * A stack of containers, each knowing what it expects next (an object: a
 * key, a colon, a value or a comma; an array: a value or a comma). Tokens
 * that do not fit are skipped rather than rejected. Nesting deeper than
 * AL_SCAN_MAX_DEPTH is followed by count only, so a hostile body costs
 * time linear in its length and constant memory.
 */
#include "bodyscan.h"

#include <stdlib.h>
#include <string.h>

enum { EXPECT_KEY, EXPECT_COLON, EXPECT_VALUE, EXPECT_COMMA };

typedef struct frame {
    int is_object;
    int expect;
    char *key; /* the current member's key (owned) */
} frame;

typedef struct scanner {
    frame stack[AL_SCAN_MAX_DEPTH];
    size_t depth;    /* frames in use */
    size_t overflow; /* containers opened beyond the stack */
} scanner;

static int line_is_fence(const char *t, size_t a, size_t b)
{
    while (b > a && (t[b - 1] == '\r' || t[b - 1] == ' ' || t[b - 1] == '\t'))
        b--;
    return b - a == 3 && !memcmp(t + a, "---", 3);
}

static int ends_with(const char *s, const char *suffix)
{
    size_t a = strlen(s), b = strlen(suffix);
    return a >= b && !strcmp(s + a - b, suffix);
}

int al_scan_body(const char *name, const char *text, size_t len, size_t *start, size_t *end)
{
    size_t i = 0, found = 0;

    if (ends_with(name, ".json")) {
        *start = 0;
        *end = len;
        return 0;
    }
    while (i < len) {
        const char *nl = memchr(text + i, '\n', len - i);
        size_t e = nl ? (size_t)(nl - text) : len;
        if (line_is_fence(text, i, e)) {
            if (found++ == 0) {
                *start = nl ? e + 1 : len;
            } else {
                *end = i;
                return 0;
            }
        }
        i = nl ? e + 1 : len;
    }
    if (found) {
        *end = len;
        return 0;
    }
    return -1;
}

static void frame_set_key(frame *f, char *key)
{
    free(f->key);
    f->key = key;
}

static frame *top(scanner *sc)
{
    return sc->depth && !sc->overflow ? &sc->stack[sc->depth - 1] : NULL;
}

/* A value ended in the current container. */
static void value_done(scanner *sc)
{
    frame *f = top(sc);
    if (f)
        f->expect = EXPECT_COMMA;
}

static void open_container(scanner *sc, int is_object)
{
    frame *f;
    if (sc->overflow || sc->depth == AL_SCAN_MAX_DEPTH) {
        sc->overflow++;
        return;
    }
    f = &sc->stack[sc->depth++];
    f->is_object = is_object;
    f->expect = is_object ? EXPECT_KEY : EXPECT_VALUE;
    f->key = NULL;
}

static void close_container(scanner *sc)
{
    if (sc->overflow) {
        sc->overflow--;
        return;
    }
    if (!sc->depth)
        return;
    frame_set_key(&sc->stack[--sc->depth], NULL);
    value_done(sc);
}

/* The end of the string token starting at the quote T[I] (after its closing quote, or at a line end). */
static size_t string_end(const char *t, size_t i, size_t end, int *closed)
{
    *closed = 0;
    for (i++; i < end; i++) {
        if (t[i] == '\\' && i + 1 < end && t[i + 1] != '\n') {
            i++;
        } else if (t[i] == '"') {
            *closed = 1;
            return i + 1;
        } else if (t[i] == '\n') {
            return i;
        }
    }
    return end;
}

/* Fills SCAN's path from the stack (and the frame's key when WITH_KEY). */
static void take_path(scanner *sc, al_scan *scan)
{
    size_t i;
    for (i = 0; i < sc->depth; i++) {
        frame *f = &sc->stack[i];
        if (i + 1 < sc->depth)
            scan->path[scan->depth++] = strdup(f->is_object ? (f->key ? f->key : "") : "[]");
    }
}

static void on_string(scanner *sc, const char *t, size_t a, size_t b, int closed, size_t off,
                      al_scan *scan)
{
    frame *f = top(sc);
    size_t ce = closed ? b - 1 : b;
    char *s;

    if (off > a && off <= ce && f) { /* the cursor is inside: the answer */
        scan->in_string = 1;
        scan->str_start = a + 1;
        scan->str_end = ce;
        take_path(sc, scan);
        if (f->is_object && f->expect != EXPECT_VALUE) {
            scan->kind = AL_SCAN_KEY;
            scan->key = strndup(t + a + 1, ce - a - 1);
        } else if (f->expect == EXPECT_VALUE) {
            scan->kind = AL_SCAN_VALUE;
            scan->key = f->is_object && f->key ? strdup(f->key) : NULL;
        }
        return;
    }
    if (f && f->is_object && f->expect != EXPECT_VALUE) { /* a key, even after a missing comma */
        s = strndup(t + a + 1, ce - a - 1);
        frame_set_key(f, s);
        f->expect = EXPECT_COLON;
        return;
    }
    value_done(sc);
}

/* What the cursor, between tokens, is at. */
static void at_gap(scanner *sc, al_scan *scan)
{
    frame *f = top(sc);
    if (!f)
        return;
    take_path(sc, scan);
    if (f->is_object && f->expect == EXPECT_KEY) {
        scan->kind = AL_SCAN_KEY_SLOT;
    } else if (f->expect == EXPECT_VALUE) {
        scan->kind = AL_SCAN_VALUE;
        scan->key = f->is_object && f->key ? strdup(f->key) : NULL;
    }
}

void al_scan_at(const char *t, size_t start, size_t end, size_t off, al_scan *scan)
{
    scanner sc;
    size_t i = start, k;

    memset(scan, 0, sizeof(*scan));
    memset(&sc, 0, sizeof(sc));
    if (off < start || off > end)
        return;
    while (i < end && scan->kind == AL_SCAN_NONE) {
        char c = t[i];
        frame *f = top(&sc);
        if (i >= off) {
            at_gap(&sc, scan);
            break;
        }
        if (c == '"') {
            int closed;
            size_t b = string_end(t, i, end, &closed);
            on_string(&sc, t, i, b, closed, off, scan);
            i = b;
            continue;
        }
        if (c == '{' || c == '[') {
            open_container(&sc, c == '{');
        } else if (c == '}' || c == ']') {
            close_container(&sc);
        } else if (c == ':' && f && f->is_object) {
            f->expect = EXPECT_VALUE;
        } else if (c == ',' && f) {
            f->expect = f->is_object ? EXPECT_KEY : EXPECT_VALUE;
            if (f->is_object)
                frame_set_key(f, NULL);
        } else if (c != ' ' && c != '\t' && c != '\r' && c != '\n') {
            while (i + 1 < end && i + 1 < off && strchr("{}[]:,\" \t\r\n", t[i + 1]) == NULL)
                i++;
            if (i + 1 < off || i + 1 >= end)
                value_done(&sc);
        }
        i++;
    }
    if (scan->kind == AL_SCAN_NONE && i >= off && i == end)
        at_gap(&sc, scan);
    for (k = 0; k < sc.depth; k++)
        free(sc.stack[k].key);
}

void al_scan_release(al_scan *scan)
{
    size_t i;
    for (i = 0; i < scan->depth; i++)
        free(scan->path[i]);
    free(scan->key);
    memset(scan, 0, sizeof(*scan));
}
