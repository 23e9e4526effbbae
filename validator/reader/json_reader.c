/*
 * json_reader.c - a recursive-descent strict JSON parser building jansson values.
 *
 * How it works: one cursor over TEXT[start, end); parse_value dispatches on
 * the first byte. Strings are decoded into a reusable scratch buffer and
 * checked as UTF-8 in the same pass. The JSON pointer of the current value
 * is kept in a growable buffer that is extended on entering a member or
 * element and cut back on leaving it, so recording positions costs one copy
 * per value and nothing at all when no index is wanted.
 *
 * Recoverable problems (control characters, trailing commas, duplicate keys)
 * are reported and parsing goes on, so one run shows them all; anything else
 * stops with a json-syntax problem at the exact byte.
 */
#include "json_reader.h"

#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct parser {
    const char *text;
    size_t pos, end;
    const al_json_options *opts;
    int failed;
    int depth;
    char *scratch;          /* decoded string */
    size_t scratch_len, scratch_cap;
    char *ptr;              /* current JSON pointer */
    size_t ptr_len, ptr_cap;
} parser;

static int want_pointer(const parser *p)
{
    return p->opts && (p->opts->index || p->opts->problem);
}

static void problem(parser *p, const char *rule, size_t at, size_t related,
                    const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));

static void problem(parser *p, const char *rule, size_t at, size_t related,
                    const char *fmt, ...)
{
    char msg[512];
    va_list ap;

    if (strcmp(rule, "json-syntax") == 0) {
        if (p->failed)
            return;
        p->failed = 1;
    }
    if (!p->opts || !p->opts->problem)
        return;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof(msg), fmt, ap);
    va_end(ap);
    p->opts->problem(p->opts->ud, rule, at, related, p->ptr ? p->ptr : "", msg);
}

static void skip_ws(parser *p)
{
    while (p->pos < p->end) {
        char c = p->text[p->pos];
        if (c != ' ' && c != '\t' && c != '\n' && c != '\r')
            break;
        p->pos++;
    }
}

/* A short, printable description of the byte at AT, for messages. */
static void describe_at(const parser *p, size_t at, char *out, size_t n)
{
    unsigned char c;
    if (at >= p->end) {
        snprintf(out, n, "end of body");
        return;
    }
    c = (unsigned char)p->text[at];
    if (c >= 0x20 && c < 0x7F)
        snprintf(out, n, "'%c'", c);
    else if (c == '\0')
        snprintf(out, n, "NUL byte");
    else
        snprintf(out, n, "byte 0x%02X", c);
}

static void unexpected(parser *p, const char *expected)
{
    char what[32];
    describe_at(p, p->pos, what, sizeof(what));
    problem(p, "json-syntax", p->pos, AL_NO_OFFSET, "unexpected %s, expected %s", what, expected);
}

/* ---- pointer buffer ---- */

static int ptr_reserve(parser *p, size_t extra)
{
    if (p->ptr_len + extra + 1 <= p->ptr_cap)
        return 0;
    {
        size_t ncap = p->ptr_cap ? p->ptr_cap : 64;
        char *nb;
        while (ncap < p->ptr_len + extra + 1)
            ncap *= 2;
        nb = realloc(p->ptr, ncap);
        if (!nb)
            return -1;
        p->ptr = nb;
        p->ptr_cap = ncap;
    }
    return 0;
}

int al_json_pointer_append(char **buf, size_t *cap, size_t *len_io,
                           const char *key, size_t len)
{
    size_t need = 1 + len * 2 + 1, i, n = *len_io;
    char *b = *buf;

    if (n + need > *cap) {
        size_t ncap = *cap ? *cap : 64;
        while (ncap < n + need)
            ncap *= 2;
        b = realloc(b, ncap);
        if (!b)
            return -1;
        *buf = b;
        *cap = ncap;
    }
    b[n++] = '/';
    for (i = 0; i < len; i++) {
        if (key[i] == '~') {
            b[n++] = '~';
            b[n++] = '0';
        } else if (key[i] == '/') {
            b[n++] = '~';
            b[n++] = '1';
        } else {
            b[n++] = key[i];
        }
    }
    b[n] = '\0';
    *len_io = n;
    return 0;
}

static int ptr_push_key(parser *p, const char *key, size_t len)
{
    if (!want_pointer(p))
        return 0;
    return al_json_pointer_append(&p->ptr, &p->ptr_cap, &p->ptr_len, key, len);
}

static int ptr_push_index(parser *p, size_t index)
{
    char num[32];
    int n;
    if (!want_pointer(p))
        return 0;
    n = snprintf(num, sizeof(num), "/%zu", index);
    if (ptr_reserve(p, (size_t)n) != 0)
        return -1;
    memcpy(p->ptr + p->ptr_len, num, (size_t)n + 1);
    p->ptr_len += (size_t)n;
    return 0;
}

static void ptr_cut(parser *p, size_t len)
{
    if (!p->ptr)
        return;
    p->ptr_len = len;
    p->ptr[len] = '\0';
}

static void record(parser *p, size_t key_off, size_t val_off, size_t val_end)
{
    if (!p->opts || !p->opts->index || p->failed)
        return;
    if (al_posindex_add(p->opts->index, p->ptr ? p->ptr : "", p->ptr_len,
                        key_off, val_off, val_end) != 0)
        problem(p, "json-syntax", val_off, AL_NO_OFFSET, "out of memory");
}

/* ---- strings ---- */

static int scratch_put(parser *p, const char *s, size_t n)
{
    if (p->scratch_len + n + 1 > p->scratch_cap) {
        size_t ncap = p->scratch_cap ? p->scratch_cap : 256;
        char *nb;
        while (ncap < p->scratch_len + n + 1)
            ncap *= 2;
        nb = realloc(p->scratch, ncap);
        if (!nb)
            return -1;
        p->scratch = nb;
        p->scratch_cap = ncap;
    }
    memcpy(p->scratch + p->scratch_len, s, n);
    p->scratch_len += n;
    p->scratch[p->scratch_len] = '\0';
    return 0;
}

static int put_codepoint(parser *p, unsigned long cp)
{
    char b[4];
    size_t n;
    if (cp < 0x80) {
        b[0] = (char)cp;
        n = 1;
    } else if (cp < 0x800) {
        b[0] = (char)(0xC0 | (cp >> 6));
        b[1] = (char)(0x80 | (cp & 0x3F));
        n = 2;
    } else if (cp < 0x10000) {
        b[0] = (char)(0xE0 | (cp >> 12));
        b[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        b[2] = (char)(0x80 | (cp & 0x3F));
        n = 3;
    } else {
        b[0] = (char)(0xF0 | (cp >> 18));
        b[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
        b[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
        b[3] = (char)(0x80 | (cp & 0x3F));
        n = 4;
    }
    return scratch_put(p, b, n);
}

/*
 * Length of the valid UTF-8 sequence at S (up to N bytes), or 0 when it is
 * not valid: overlong forms, surrogates and values past U+10FFFF are refused,
 * as RFC 3629 says.
 */
static size_t utf8_seq_len(const unsigned char *s, size_t n)
{
    unsigned char c = s[0];
    if (c < 0x80)
        return 1;
    if (c >= 0xC2 && c <= 0xDF)
        return (n >= 2 && (s[1] & 0xC0) == 0x80) ? 2 : 0;
    if (c >= 0xE0 && c <= 0xEF) {
        if (n < 3 || (s[1] & 0xC0) != 0x80 || (s[2] & 0xC0) != 0x80)
            return 0;
        if (c == 0xE0 && s[1] < 0xA0)
            return 0;
        if (c == 0xED && s[1] >= 0xA0)
            return 0;
        return 3;
    }
    if (c >= 0xF0 && c <= 0xF4) {
        if (n < 4 || (s[1] & 0xC0) != 0x80 || (s[2] & 0xC0) != 0x80 || (s[3] & 0xC0) != 0x80)
            return 0;
        if (c == 0xF0 && s[1] < 0x90)
            return 0;
        if (c == 0xF4 && s[1] >= 0x90)
            return 0;
        return 4;
    }
    return 0;
}

static int hex4(const char *s, unsigned long *out)
{
    unsigned long v = 0;
    int i;
    for (i = 0; i < 4; i++) {
        char c = s[i];
        v <<= 4;
        if (c >= '0' && c <= '9')
            v |= (unsigned long)(c - '0');
        else if (c >= 'a' && c <= 'f')
            v |= (unsigned long)(c - 'a' + 10);
        else if (c >= 'A' && c <= 'F')
            v |= (unsigned long)(c - 'A' + 10);
        else
            return -1;
    }
    *out = v;
    return 0;
}

static const char *control_name(unsigned char c)
{
    switch (c) {
    case '\t': return "tab";
    case '\n': return "line feed";
    case '\r': return "carriage return";
    case '\0': return "NUL";
    default: return "control";
    }
}

static const char *control_escape(unsigned char c, char *buf, size_t n)
{
    switch (c) {
    case '\t': return "\\t";
    case '\n': return "\\n";
    case '\r': return "\\r";
    case '\b': return "\\b";
    case '\f': return "\\f";
    default:
        snprintf(buf, n, "\\u%04X", c);
        return buf;
    }
}

static int parse_escape(parser *p)
{
    size_t at = p->pos;         /* the backslash */
    char c;
    unsigned long cp, lo;

    if (p->pos + 1 >= p->end) {
        p->pos = p->end;
        unexpected(p, "an escape character");
        return -1;
    }
    c = p->text[p->pos + 1];
    p->pos += 2;
    switch (c) {
    case '"': return scratch_put(p, "\"", 1);
    case '\\': return scratch_put(p, "\\", 1);
    case '/': return scratch_put(p, "/", 1);
    case 'b': return scratch_put(p, "\b", 1);
    case 'f': return scratch_put(p, "\f", 1);
    case 'n': return scratch_put(p, "\n", 1);
    case 'r': return scratch_put(p, "\r", 1);
    case 't': return scratch_put(p, "\t", 1);
    case 'u':
        break;
    default:
        if ((unsigned char)c >= 0x20 && (unsigned char)c < 0x7F)
            problem(p, "json-syntax", at, AL_NO_OFFSET, "invalid escape '\\%c' in string", c);
        else
            problem(p, "json-syntax", at, AL_NO_OFFSET, "invalid escape in string");
        return -1;
    }
    if (p->pos + 4 > p->end || hex4(p->text + p->pos, &cp) != 0) {
        problem(p, "json-syntax", at, AL_NO_OFFSET, "invalid '\\u' escape, expected 4 hex digits");
        return -1;
    }
    p->pos += 4;
    if (cp >= 0xDC00 && cp <= 0xDFFF) {
        problem(p, "json-syntax", at, AL_NO_OFFSET, "lone low surrogate '\\u%04lX' in string", cp);
        return -1;
    }
    if (cp >= 0xD800 && cp <= 0xDBFF) {
        if (p->pos + 6 > p->end || p->text[p->pos] != '\\' || p->text[p->pos + 1] != 'u' ||
            hex4(p->text + p->pos + 2, &lo) != 0 || lo < 0xDC00 || lo > 0xDFFF) {
            problem(p, "json-syntax", at, AL_NO_OFFSET,
                    "high surrogate '\\u%04lX' not followed by a low surrogate", cp);
            return -1;
        }
        p->pos += 6;
        cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
    }
    return put_codepoint(p, cp);
}

/* Parses a string at p->pos (an opening quote) into p->scratch. */
static int parse_string_raw(parser *p)
{
    size_t open = p->pos;

    p->scratch_len = 0;
    if (scratch_put(p, "", 0) != 0)
        return -1;
    p->pos++;
    for (;;) {
        size_t run = p->pos;
        unsigned char c;
        /* copy the longest run of plain bytes at once */
        while (p->pos < p->end) {
            c = (unsigned char)p->text[p->pos];
            if (c == '"' || c == '\\' || c < 0x20 || c >= 0x80)
                break;
            p->pos++;
        }
        if (p->pos > run && scratch_put(p, p->text + run, p->pos - run) != 0)
            return -1;
        if (p->pos >= p->end) {
            problem(p, "json-syntax", open, AL_NO_OFFSET, "string is not closed");
            return -1;
        }
        c = (unsigned char)p->text[p->pos];
        if (c == '"') {
            p->pos++;
            return 0;
        }
        if (c == '\\') {
            if (parse_escape(p) != 0)
                return -1;
            continue;
        }
        if (c < 0x20) {
            char esc[8];
            problem(p, "json-control-character", p->pos, AL_NO_OFFSET,
                    "raw %s character (U+%04X) in string, write it as \"%s\"",
                    control_name(c), c, control_escape(c, esc, sizeof(esc)));
            if (scratch_put(p, p->text + p->pos, 1) != 0)
                return -1;
            p->pos++;
            continue;
        }
        {
            size_t n = utf8_seq_len((const unsigned char *)p->text + p->pos, p->end - p->pos);
            if (!n) {
                problem(p, "json-syntax", p->pos, AL_NO_OFFSET,
                        "invalid UTF-8 byte 0x%02X in string", c);
                return -1;
            }
            if (scratch_put(p, p->text + p->pos, n) != 0)
                return -1;
            p->pos += n;
        }
    }
}

/* ---- values ---- */

static json_t *parse_value(parser *p, size_t key_off);

static json_t *parse_number(parser *p)
{
    size_t start = p->pos, i = p->pos;
    int is_real = 0;
    char buf[64], *tmp = NULL, *endp;
    const char *num;
    size_t n;
    json_t *v;

    if (i < p->end && p->text[i] == '-')
        i++;
    if (i >= p->end || p->text[i] < '0' || p->text[i] > '9') {
        p->pos = i;
        unexpected(p, "a digit");
        return NULL;
    }
    if (p->text[i] == '0') {
        i++;
        if (i < p->end && p->text[i] >= '0' && p->text[i] <= '9') {
            problem(p, "json-syntax", start, AL_NO_OFFSET, "number with a leading zero");
            return NULL;
        }
    } else {
        while (i < p->end && p->text[i] >= '0' && p->text[i] <= '9')
            i++;
    }
    if (i < p->end && p->text[i] == '.') {
        is_real = 1;
        i++;
        if (i >= p->end || p->text[i] < '0' || p->text[i] > '9') {
            p->pos = i;
            unexpected(p, "a digit after the decimal point");
            return NULL;
        }
        while (i < p->end && p->text[i] >= '0' && p->text[i] <= '9')
            i++;
    }
    if (i < p->end && (p->text[i] == 'e' || p->text[i] == 'E')) {
        is_real = 1;
        i++;
        if (i < p->end && (p->text[i] == '+' || p->text[i] == '-'))
            i++;
        if (i >= p->end || p->text[i] < '0' || p->text[i] > '9') {
            p->pos = i;
            unexpected(p, "a digit in the exponent");
            return NULL;
        }
        while (i < p->end && p->text[i] >= '0' && p->text[i] <= '9')
            i++;
    }
    n = i - start;
    if (n < sizeof(buf)) {
        memcpy(buf, p->text + start, n);
        buf[n] = '\0';
        num = buf;
    } else {
        tmp = malloc(n + 1);
        if (!tmp) {
            problem(p, "json-syntax", start, AL_NO_OFFSET, "out of memory");
            return NULL;
        }
        memcpy(tmp, p->text + start, n);
        tmp[n] = '\0';
        num = tmp;
    }
    p->pos = i;
    errno = 0;
    if (!is_real) {
        long long ll = strtoll(num, &endp, 10);
        if (errno == 0) {
            free(tmp);
            v = json_integer((json_int_t)ll);
            goto out;
        }
        /* Too big for json_int_t: keep it as a real rather than refuse valid JSON. */
        errno = 0;
    }
    {
        double d = strtod(num, &endp);
        free(tmp);
        if (!isfinite(d)) {
            problem(p, "json-syntax", start, AL_NO_OFFSET, "number out of range");
            return NULL;
        }
        v = json_real(d);
    }
out:
    if (!v)
        problem(p, "json-syntax", start, AL_NO_OFFSET, "out of memory");
    return v;
}

static json_t *parse_literal(parser *p)
{
    static const struct { const char *word; size_t len; } words[] = {
        {"true", 4}, {"false", 5}, {"null", 4},
    };
    size_t i;
    for (i = 0; i < 3; i++) {
        if (p->end - p->pos >= words[i].len &&
            memcmp(p->text + p->pos, words[i].word, words[i].len) == 0) {
            size_t after = p->pos + words[i].len;
            char c = after < p->end ? p->text[after] : ' ';
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))
                break;
            p->pos = after;
            return i == 0 ? json_true() : i == 1 ? json_false() : json_null();
        }
    }
    {
        /* name the bad word in the message: up to 20 letters */
        size_t j = p->pos;
        while (j < p->end && j - p->pos < 20 &&
               ((p->text[j] >= 'a' && p->text[j] <= 'z') || (p->text[j] >= 'A' && p->text[j] <= 'Z')))
            j++;
        if (j > p->pos)
            problem(p, "json-syntax", p->pos, AL_NO_OFFSET,
                    "invalid literal '%.*s', expected a string, number, object, array, true, false or null",
                    (int)(j - p->pos), p->text + p->pos);
        else
            unexpected(p, "a value");
    }
    return NULL;
}

static json_t *parse_array(parser *p)
{
    json_t *arr = json_array();
    size_t base = p->ptr_len, index = 0;

    if (!arr)
        return NULL;
    p->pos++;   /* [ */
    skip_ws(p);
    if (p->pos < p->end && p->text[p->pos] == ']') {
        p->pos++;
        return arr;
    }
    for (;;) {
        json_t *item;
        if (ptr_push_index(p, index) != 0)
            goto fail;
        item = parse_value(p, AL_NO_OFFSET);
        ptr_cut(p, base);
        if (!item || json_array_append_new(arr, item) != 0)
            goto fail;
        index++;
        skip_ws(p);
        if (p->pos < p->end && (p->text[p->pos] == '"' || p->text[p->pos] == '{' ||
                                p->text[p->pos] == '[')) {
            problem(p, "json-syntax", p->pos, AL_NO_OFFSET,
                    "missing ',' after array item %zu", index - 1);
            goto fail;
        }
        if (p->pos >= p->end) {
            unexpected(p, "',' or ']'");
            goto fail;
        }
        if (p->text[p->pos] == ']') {
            p->pos++;
            return arr;
        }
        if (p->text[p->pos] != ',') {
            unexpected(p, "',' or ']'");
            goto fail;
        }
        {
            size_t comma = p->pos;
            p->pos++;
            skip_ws(p);
            if (p->pos < p->end && p->text[p->pos] == ']') {
                problem(p, "json-trailing-comma", comma, AL_NO_OFFSET, "trailing comma before ']'");
                p->pos++;
                return arr;
            }
        }
    }
fail:
    json_decref(arr);
    return NULL;
}

static json_t *parse_object(parser *p)
{
    json_t *obj = json_object();
    json_t *key_offsets = NULL;  /* only built when duplicates must be placed */
    size_t base = p->ptr_len;

    if (!obj)
        return NULL;
    p->pos++;   /* { */
    skip_ws(p);
    if (p->pos < p->end && p->text[p->pos] == '}') {
        p->pos++;
        return obj;
    }
    for (;;) {
        size_t key_off;
        char *key;
        size_t key_len;
        json_t *val;

        skip_ws(p);
        if (p->pos >= p->end || p->text[p->pos] != '"') {
            unexpected(p, "a string key");
            goto fail;
        }
        key_off = p->pos;
        if (parse_string_raw(p) != 0)
            goto fail;
        key_len = p->scratch_len;
        key = malloc(key_len + 1);
        if (!key)
            goto fail;
        memcpy(key, p->scratch, key_len + 1);
        skip_ws(p);
        if (p->pos >= p->end || p->text[p->pos] != ':') {
            char what[32];
            describe_at(p, p->pos, what, sizeof(what));
            problem(p, "json-syntax", p->pos, AL_NO_OFFSET,
                    "unexpected %s, expected ':' after key \"%.*s\"", what,
                    (int)(key_len > 60 ? 60 : key_len), key);
            free(key);
            goto fail;
        }
        p->pos++;
        if (ptr_push_key(p, key, key_len) != 0) {
            free(key);
            goto fail;
        }
        /* duplicate? (keys with NUL compare by the jansson key, as json_loads would) */
        if (json_object_getn(obj, key, key_len)) {
            json_t *first = key_offsets ? json_object_getn(key_offsets, key, key_len) : NULL;
            size_t related = first ? (size_t)json_integer_value(first) : AL_NO_OFFSET;
            problem(p, "duplicate-key", key_off, related,
                    "duplicate key \"%.*s\"",
                    (int)(key_len > 60 ? 60 : key_len), key);
        } else if (p->opts && p->opts->problem) {
            /* first offsets, to place a later duplicate (not needed when only indexing) */
            if (!key_offsets)
                key_offsets = json_object();
            if (key_offsets)
                json_object_setn_new(key_offsets, key, key_len, json_integer((json_int_t)key_off));
        }
        val = parse_value(p, key_off);
        ptr_cut(p, base);
        if (!val) {
            free(key);
            goto fail;
        }
        if (json_object_setn_new(obj, key, key_len, val) != 0) {
            free(key);
            goto fail;
        }
        skip_ws(p);
        if (p->pos < p->end && p->text[p->pos] == '"') {
            problem(p, "json-syntax", p->pos, AL_NO_OFFSET,
                    "missing ',' after the value of \"%.*s\"",
                    (int)(key_len > 60 ? 60 : key_len), key);
            free(key);
            goto fail;
        }
        if (p->pos >= p->end) {
            unexpected(p, "',' or '}'");
            free(key);
            goto fail;
        }
        free(key);
        if (p->text[p->pos] == '}') {
            p->pos++;
            json_decref(key_offsets);
            return obj;
        }
        if (p->text[p->pos] != ',') {
            unexpected(p, "',' or '}'");
            goto fail;
        }
        {
            size_t comma = p->pos;
            p->pos++;
            skip_ws(p);
            if (p->pos < p->end && p->text[p->pos] == '}') {
                problem(p, "json-trailing-comma", comma, AL_NO_OFFSET, "trailing comma before '}'");
                p->pos++;
                json_decref(key_offsets);
                return obj;
            }
        }
    }
fail:
    json_decref(key_offsets);
    json_decref(obj);
    return NULL;
}

static json_t *parse_value(parser *p, size_t key_off)
{
    size_t start;
    json_t *v = NULL;

    skip_ws(p);
    start = p->pos;
    if (p->pos >= p->end) {
        unexpected(p, "a value");
        return NULL;
    }
    switch (p->text[p->pos]) {
    case '{':
    case '[':
        if (p->depth >= AL_JSON_MAX_DEPTH) {
            problem(p, "json-syntax", p->pos, AL_NO_OFFSET,
                    "nesting deeper than %d levels", AL_JSON_MAX_DEPTH);
            return NULL;
        }
        p->depth++;
        v = p->text[p->pos] == '{' ? parse_object(p) : parse_array(p);
        p->depth--;
        break;
    case '"':
        if (parse_string_raw(p) == 0) {
            v = json_stringn_nocheck(p->scratch, p->scratch_len);
            if (!v)
                problem(p, "json-syntax", start, AL_NO_OFFSET, "out of memory");
        }
        break;
    case '-': case '0': case '1': case '2': case '3': case '4':
    case '5': case '6': case '7': case '8': case '9':
        v = parse_number(p);
        break;
    default:
        v = parse_literal(p);
        break;
    }
    if (v)
        record(p, key_off, start, p->pos);
    return v;
}

json_t *al_json_parse(const char *text, size_t start, size_t end,
                      const al_json_options *opts)
{
    parser p;
    json_t *v;

    memset(&p, 0, sizeof(p));
    p.text = text;
    p.pos = start;
    p.end = end;
    p.opts = opts;
    if (want_pointer(&p) && ptr_reserve(&p, 0) != 0)
        return NULL;
    if (p.ptr)
        p.ptr[0] = '\0';
    skip_ws(&p);
    if (p.pos >= p.end) {
        problem(&p, "json-syntax", p.pos, AL_NO_OFFSET, "the JSON body is empty");
        v = NULL;
    } else {
        v = parse_value(&p, AL_NO_OFFSET);
    }
    if (v) {
        skip_ws(&p);
        if (p.pos < p.end) {
            char what[32];
            describe_at(&p, p.pos, what, sizeof(what));
            problem(&p, "json-syntax", p.pos, AL_NO_OFFSET,
                    "unexpected %s after the end of the JSON value", what);
            json_decref(v);
            v = NULL;
        }
    }
    free(p.scratch);
    free(p.ptr);
    return v;
}

json_t *al_json_pointer_get(json_t *root, const char *pointer)
{
    json_t *cur = root;
    char tok[1024];

    while (cur && *pointer) {
        size_t n = 0;
        if (*pointer != '/')
            return NULL;
        pointer++;
        while (*pointer && *pointer != '/') {
            char ch = *pointer++;
            if (ch == '~' && *pointer == '0') {
                ch = '~';
                pointer++;
            } else if (ch == '~' && *pointer == '1') {
                ch = '/';
                pointer++;
            }
            if (n + 1 >= sizeof(tok))
                return NULL;
            tok[n++] = ch;
        }
        tok[n] = '\0';
        if (json_is_object(cur)) {
            cur = json_object_getn(cur, tok, n);
        } else if (json_is_array(cur)) {
            char *end;
            unsigned long i;
            if (!n || (n > 1 && tok[0] == '0'))
                return NULL;
            i = strtoul(tok, &end, 10);
            if (*end)
                return NULL;
            cur = json_array_get(cur, i);
        } else {
            return NULL;
        }
    }
    return cur;
}
