/*
 * json_scan.c - picking top-level string members out of JSON text (json_scan.h).
 *
 * One pass, no allocation: strings are skipped with memchr (a quote ends
 * one unless a backslash escapes it), containers with a stack of the
 * closers expected, scalars up to the next delimiter. Only the top-level
 * object's keys are compared with the wanted ones.
 */
#include "json_scan.h"

#include <string.h>

#include "json_reader.h"

typedef struct scan {
    const char *t;
    size_t pos, end;
} scan;

static void skip_ws(scan *s)
{
    while (s->pos < s->end) {
        char c = s->t[s->pos];
        if (c != ' ' && c != '\t' && c != '\n' && c != '\r')
            return;
        s->pos++;
    }
}

/*
 * The string whose opening quote is at s->pos: its content is [*B, *E),
 * *ESCAPED says whether it holds a backslash. Leaves s->pos after the
 * closing quote. Returns 0, or -1 when it is not closed.
 */
static int skip_string(scan *s, size_t *b, size_t *e, int *escaped)
{
    size_t i = s->pos + 1;
    *escaped = 0;
    *b = i;
    while (i < s->end) {
        const char *q = memchr(s->t + i, '"', s->end - i);
        const char *bs;
        if (!q)
            return -1;
        bs = memchr(s->t + i, '\\', (size_t)(q - (s->t + i)));
        if (!bs) {
            *e = (size_t)(q - s->t);
            s->pos = *e + 1;
            return 0;
        }
        *escaped = 1;
        i = (size_t)(bs - s->t) + 2; /* a backslash escapes the next byte, a quote too */
    }
    return -1;
}

static int is_delimiter(char c)
{
    return c == ',' || c == '}' || c == ']' || c == ':' || c == ' ' || c == '\t' || c == '\n' ||
           c == '\r' || c == '"' || c == '{' || c == '[';
}

/*
 * Skips one value at s->pos, DEPTH containers deep already. Returns 0, or
 * -1 when it is malformed (unclosed, unbalanced, too deep, missing).
 */
static int skip_value(scan *s, int depth)
{
    char closers[AL_JSON_MAX_DEPTH + 1];
    int top = 0;
    size_t b, e;
    int esc;

    if (s->pos >= s->end)
        return -1;
    do {
        char c = s->t[s->pos];
        if (c == '"') {
            if (skip_string(s, &b, &e, &esc) != 0)
                return -1;
        } else if (c == '{' || c == '[') {
            if (depth + top >= AL_JSON_MAX_DEPTH)
                return -1;
            closers[top++] = c == '{' ? '}' : ']';
            s->pos++;
        } else if (c == '}' || c == ']') {
            if (top == 0 || closers[top - 1] != c)
                return -1;
            top--;
            s->pos++;
        } else if (top > 0) {
            s->pos++; /* inside a container: commas, colons, scalars */
        } else {
            size_t start = s->pos; /* a scalar: up to the next delimiter */
            while (s->pos < s->end && !is_delimiter(s->t[s->pos]))
                s->pos++;
            return s->pos > start ? 0 : -1;
        }
    } while (top > 0 && s->pos < s->end);
    return top == 0 ? 0 : -1;
}

/* Which of the N KEYS the key [B, E) is, or -1. */
static long wanted(const scan *s, size_t b, size_t e, const char *const *keys, size_t n)
{
    size_t i;
    for (i = 0; i < n; i++)
        if (strlen(keys[i]) == e - b && !memcmp(s->t + b, keys[i], e - b))
            return (long)i;
    return -1;
}

/* The members of the object whose '{' is at s->pos. */
static al_scan_result scan_object(scan *s, const char *const *keys, size_t n, al_json_span *values)
{
    s->pos++;
    skip_ws(s);
    if (s->pos < s->end && s->t[s->pos] == '}') {
        s->pos++;
        return AL_SCAN_OK;
    }
    for (;;) {
        size_t kb, ke, vb, ve;
        int kesc, vesc;
        long which;

        if (s->pos >= s->end || s->t[s->pos] != '"' || skip_string(s, &kb, &ke, &kesc) != 0)
            return AL_SCAN_MALFORMED;
        if (kesc)
            return AL_SCAN_ESCAPED; /* it might decode to a wanted key */
        which = wanted(s, kb, ke, keys, n);
        skip_ws(s);
        if (s->pos >= s->end || s->t[s->pos] != ':')
            return AL_SCAN_MALFORMED;
        s->pos++;
        skip_ws(s);
        if (s->pos < s->end && s->t[s->pos] == '"') {
            if (skip_string(s, &vb, &ve, &vesc) != 0)
                return AL_SCAN_MALFORMED;
            if (which >= 0 && vesc)
                return AL_SCAN_ESCAPED;
            if (which >= 0) { /* the last of equal keys wins, as in the reader */
                values[which].text = s->t + vb;
                values[which].len = ve - vb;
            }
        } else {
            if (skip_value(s, 1) != 0)
                return AL_SCAN_MALFORMED;
            if (which >= 0)
                values[which].text = NULL; /* not a string: absent */
        }
        skip_ws(s);
        if (s->pos >= s->end)
            return AL_SCAN_MALFORMED;
        if (s->t[s->pos] == '}') {
            s->pos++;
            return AL_SCAN_OK;
        }
        if (s->t[s->pos] != ',')
            return AL_SCAN_MALFORMED;
        s->pos++;
        skip_ws(s);
        if (s->pos < s->end &&
            s->t[s->pos] == '}') { /* a trailing comma: read on, as the reader does */
            s->pos++;
            return AL_SCAN_OK;
        }
    }
}

al_scan_result al_json_scan_members(const char *text, size_t start, size_t end,
                                    const char *const *keys, size_t n, al_json_span *values,
                                    int *is_object)
{
    scan s;
    al_scan_result rc;
    size_t i;

    for (i = 0; i < n; i++) {
        values[i].text = NULL;
        values[i].len = 0;
    }
    s.t = text;
    s.pos = start;
    s.end = end;
    skip_ws(&s);
    if (s.pos >= s.end)
        return AL_SCAN_MALFORMED;
    if (is_object)
        *is_object = s.t[s.pos] == '{';
    if (s.t[s.pos] == '{') {
        rc = scan_object(&s, keys, n, values);
        if (rc != AL_SCAN_OK)
            return rc;
    } else if (skip_value(&s, 0) != 0) {
        return AL_SCAN_MALFORMED;
    }
    skip_ws(&s);
    return s.pos < s.end ? AL_SCAN_MALFORMED : AL_SCAN_OK;
}
