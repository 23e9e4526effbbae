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
#include <stdint.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../util/grow.h"
#include "../util/jsonptr.h"
#include "../util/utf8.h"

/* One step of the path to the current value: a member's key or an item's index. */
typedef struct pframe {
    size_t key_at;          /* offset of the key in parser.keys, when is_key */
    size_t key_len;
    size_t index;           /* the item's index, when !is_key */
    int is_key;
} pframe;

typedef struct parser {
    const char *text;
    size_t pos, end;
    const al_json_options *opts;
    int failed;
    int depth;
    char *scratch;          /* decoded string */
    size_t scratch_len, scratch_cap;
    /*
     * The path is kept as frames plus a stack of the keys on it; the JSON
     * pointer string is only built when a problem or an index entry needs
     * it, so a clean parse without an index builds none.
     */
    pframe *frames;
    size_t nframes;
    char *keys;
    size_t keys_len, keys_cap;
    char *ptr;              /* the last pointer built */
    size_t ptr_len, ptr_cap;
} parser;

static const char *current_pointer(parser *p);

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
    p->opts->problem(p->opts->ud, rule, at, related, current_pointer(p), msg);
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
    return al_grow(&p->ptr, &p->ptr_cap, p->ptr_len + extra + 1, 1, 64);
}

/* Builds the JSON pointer of the current value into p->ptr ("" when it cannot). */
static const char *current_pointer(parser *p)
{
    size_t i;
    p->ptr_len = 0;
    if (ptr_reserve(p, 0) != 0)
        return "";
    p->ptr[0] = '\0';
    for (i = 0; i < p->nframes; i++) {
        const pframe *f = &p->frames[i];
        if (f->is_key) {
            if (al_jsonptr_append(&p->ptr, &p->ptr_cap, &p->ptr_len, p->keys + f->key_at,
                                  f->key_len) != 0)
                return "";
        } else {
            char num[32];
            int n = snprintf(num, sizeof(num), "/%zu", f->index);
            if (ptr_reserve(p, (size_t)n) != 0)
                return "";
            memcpy(p->ptr + p->ptr_len, num, (size_t)n + 1);
            p->ptr_len += (size_t)n;
        }
    }
    return p->ptr;
}

/* Enters member KEY (LEN bytes, copied onto the key stack). Returns 0 or -1. */
static int push_key(parser *p, const char *key, size_t len)
{
    pframe *f;
    if (p->keys_len + len + 1 > p->keys_cap &&
        al_grow(&p->keys, &p->keys_cap, p->keys_len + len + 1, 1, 256) != 0)
        return -1;
    memcpy(p->keys + p->keys_len, key, len);
    p->keys[p->keys_len + len] = '\0';
    f = &p->frames[p->nframes++];
    f->is_key = 1;
    f->key_at = p->keys_len;
    f->key_len = len;
    p->keys_len += len + 1;
    return 0;
}

static void push_index(parser *p, size_t index)
{
    pframe *f = &p->frames[p->nframes++];
    f->is_key = 0;
    f->index = index;
}

static void pop_frame(parser *p)
{
    pframe *f = &p->frames[--p->nframes];
    if (f->is_key)
        p->keys_len = f->key_at;
}

static void record(parser *p, size_t key_off, size_t val_off, size_t val_end)
{
    const char *ptr;
    if (!p->opts || !p->opts->index || p->failed)
        return;
    ptr = current_pointer(p);
    if (al_posindex_add(p->opts->index, ptr, strlen(ptr), key_off, val_off, val_end) != 0)
        problem(p, "json-syntax", val_off, AL_NO_OFFSET, "out of memory");
}

/* ---- strings ---- */

static int scratch_put(parser *p, const char *s, size_t n)
{
    if (p->scratch_len + n + 1 > p->scratch_cap &&
        al_grow(&p->scratch, &p->scratch_cap, p->scratch_len + n + 1, 1, 256) != 0)
        return -1;
    memcpy(p->scratch + p->scratch_len, s, n);
    p->scratch_len += n;
    p->scratch[p->scratch_len] = '\0';
    return 0;
}

static int put_codepoint(parser *p, unsigned long cp)
{
    char b[AL_UTF8_MAX];
    return scratch_put(p, b, al_utf8_encode(cp, b));
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

/*
 * Length of the run of bytes at S (up to N) that need no attention inside a
 * string: not '"', '\\', a control character, nor (unless HIGH_OK, when the
 * text was already checked as UTF-8) a byte >= 0x80. Eight bytes at a time.
 */
static size_t plain_run(const char *s, size_t n, int high_ok)
{
    size_t i = 0;
#ifdef __SSE2__
    const __m128i quote = _mm_set1_epi8('"'), slash = _mm_set1_epi8('\\');
    const __m128i space = _mm_set1_epi8(0x20), flip = _mm_set1_epi8((char)0x80);
    while (i + 16 <= n) {
        __m128i x = _mm_loadu_si128((const __m128i *)(const void *)(s + i));
        /* unsigned x < 0x20 as a signed compare of x ^ 0x80 < 0x20 ^ 0x80 */
        __m128i ctrl = _mm_cmplt_epi8(_mm_xor_si128(x, flip), _mm_xor_si128(space, flip));
        __m128i hit = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(x, quote), _mm_cmpeq_epi8(x, slash)),
                                   ctrl);
        unsigned mask = (unsigned)_mm_movemask_epi8(hit);
        if (!high_ok)
            mask |= (unsigned)_mm_movemask_epi8(x);
        if (mask)
            return i + (size_t)__builtin_ctz(mask);
        i += 16;
    }
#else
    const uint64_t ones = 0x0101010101010101ULL, highs = 0x8080808080808080ULL;
    while (i + 8 <= n) {
        uint64_t x, quote, slash, hit;
        memcpy(&x, s + i, 8);
        quote = x ^ (ones * (uint64_t)'"');
        slash = x ^ (ones * (uint64_t)'\\');
        /* a zero byte in quote/slash, or a byte below 0x20, sets its high bit */
        hit = ((quote - ones) & ~quote) | ((slash - ones) & ~slash) | ((x - ones * 0x20) & ~x);
        if (!high_ok)
            hit |= x;
        if (hit & highs)
            break;
        i += 8;
    }
#endif
    while (i < n) {
        unsigned char c = (unsigned char)s[i];
        if (c == '"' || c == '\\' || c < 0x20 || (c >= 0x80 && !high_ok))
            break;
        i++;
    }
    return i;
}

static int utf8_checked(const parser *p)
{
    return p->opts && p->opts->utf8_checked;
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
        p->pos += plain_run(p->text + p->pos, p->end - p->pos, utf8_checked(p));
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
            size_t n = al_utf8_seq_len((const unsigned char *)p->text + p->pos, p->end - p->pos);
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
    size_t index = 0;

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
        push_index(p, index);
        item = parse_value(p, AL_NO_OFFSET);
        pop_frame(p);
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

/*
 * A table (key -> offset of its first occurrence) of the members of the
 * object starting at OBJ_START, up to BEFORE, or NULL when memory ran out.
 * Only needed to place a duplicate, so it is built by one rescan when an
 * object's first duplicate is met, then kept up to date by parse_object:
 * a clean object pays nothing, and one with any number of duplicates pays
 * one rescan (not one per duplicate, which was quadratic: 100,000 distinct
 * keys then 100,000 repeats took minutes and gigabytes).
 */
static json_t *first_key_offsets(const parser *outer, size_t obj_start, size_t before)
{
    parser q;
    json_t *table = json_object();

    if (!table)
        return NULL;
    memset(&q, 0, sizeof(q));
    q.text = outer->text;
    q.pos = obj_start + 1;
    q.end = before;
    q.opts = NULL;
    q.frames = calloc(AL_JSON_MAX_DEPTH + 2, sizeof(*q.frames));
    if (!q.frames) {
        json_decref(table);
        return NULL;
    }
    for (;;) {
        size_t at;
        json_t *skip;
        skip_ws(&q);
        if (q.pos >= q.end || q.text[q.pos] != '"')
            break;
        at = q.pos;
        if (parse_string_raw(&q) != 0)
            break;
        if (!json_object_getn(table, q.scratch, q.scratch_len) &&
            json_object_setn_new_nocheck(table, q.scratch, q.scratch_len,
                                         json_integer((json_int_t)at)) != 0)
            break;
        skip_ws(&q);
        if (q.pos >= q.end || q.text[q.pos] != ':')
            break;
        q.pos++;
        skip = parse_value(&q, AL_NO_OFFSET);
        if (!skip)
            break;
        json_decref(skip);
        skip_ws(&q);
        if (q.pos < q.end && q.text[q.pos] == ',')
            q.pos++;
    }
    free(q.scratch);
    free(q.keys);
    free(q.ptr);
    free(q.frames);
    return table;
}

static json_t *parse_object(parser *p)
{
    json_t *obj = json_object();
    json_t *firsts = NULL;      /* first offsets by key, from the first duplicate on */
    size_t obj_start = p->pos;

    if (!obj)
        return NULL;
    p->pos++;   /* { */
    skip_ws(p);
    if (p->pos < p->end && p->text[p->pos] == '}') {
        p->pos++;
        return obj;
    }
    for (;;) {
        size_t key_off, key_len, before;
        const char *key;
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
        if (push_key(p, p->scratch, key_len) != 0)
            goto fail;
        skip_ws(p);
        if (p->pos >= p->end || p->text[p->pos] != ':') {
            char what[32];
            describe_at(p, p->pos, what, sizeof(what));
            pop_frame(p);
            problem(p, "json-syntax", p->pos, AL_NO_OFFSET,
                    "unexpected %s, expected ':' after key \"%.*s\"", what,
                    (int)(key_len > 60 ? 60 : key_len), p->keys + p->keys_len);
            goto fail;
        }
        p->pos++;
        val = parse_value(p, key_off);
        if (!val) {
            pop_frame(p);
            goto fail;
        }
        /* the key stack may have moved while the value was parsed */
        key = p->keys + p->frames[p->nframes - 1].key_at;
        before = json_object_size(obj);
        if (json_object_setn_new_nocheck(obj, key, key_len, val) != 0) {
            pop_frame(p);
            goto fail;
        }
        /* a key seen before replaces its value (the last wins, as with json_loads) */
        if (json_object_size(obj) == before) {
            json_t *first;
            if (!firsts)
                firsts = first_key_offsets(p, obj_start, key_off);
            first = firsts ? json_object_getn(firsts, key, key_len) : NULL;
            problem(p, "duplicate-key", key_off,
                    first ? (size_t)json_integer_value(first) : AL_NO_OFFSET,
                    "duplicate key \"%.*s\"", (int)(key_len > 60 ? 60 : key_len), key);
        } else if (firsts) {
            json_object_setn_new_nocheck(firsts, key, key_len, json_integer((json_int_t)key_off));
        }
        skip_ws(p);
        if (p->pos < p->end && p->text[p->pos] == '"') {
            pop_frame(p);
            problem(p, "json-syntax", p->pos, AL_NO_OFFSET,
                    "missing ',' after the value of \"%.*s\"",
                    (int)(key_len > 60 ? 60 : key_len), p->keys + p->keys_len);
            goto fail;
        }
        pop_frame(p);
        if (p->pos >= p->end) {
            unexpected(p, "',' or '}'");
            goto fail;
        }
        if (p->text[p->pos] == '}') {
            p->pos++;
            json_decref(firsts);
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
                json_decref(firsts);
                return obj;
            }
        }
    }
fail:
    json_decref(firsts);
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
    case '"': {
        /* most strings have no escape: make them straight from the text */
        size_t n = plain_run(p->text + p->pos + 1, p->end - p->pos - 1, utf8_checked(p));
        if (p->pos + 1 + n < p->end && p->text[p->pos + 1 + n] == '"') {
            v = json_stringn_nocheck(p->text + p->pos + 1, n);
            p->pos += n + 2;
        } else if (parse_string_raw(p) == 0) {
            v = json_stringn_nocheck(p->scratch, p->scratch_len);
        } else {
            break;
        }
        if (!v)
            problem(p, "json-syntax", start, AL_NO_OFFSET, "out of memory");
        break;
    }
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
    /* one frame per nesting level, and one more for the deepest value */
    p.frames = malloc((AL_JSON_MAX_DEPTH + 2) * sizeof(*p.frames));
    if (!p.frames)
        return NULL;
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
    free(p.keys);
    free(p.frames);
    return v;
}

json_t *al_json_pointer_get(json_t *root, const char *pointer)
{
    json_t *cur = root;
    char tok[1024];

    while (cur && *pointer) {
        const char *seg, *end;
        size_t n = 0;
        if (*pointer != '/')
            return NULL;
        seg = ++pointer;
        end = seg;
        while (*end && *end != '/' && *end != '~')
            end++;
        if (*end != '~') {
            /* no escape in this segment: look it up in place */
            n = (size_t)(end - seg);
            pointer = end;
            if (json_is_object(cur)) {
                cur = json_object_getn(cur, seg, n);
                continue;
            }
            if (n >= sizeof(tok))
                return NULL;
            memcpy(tok, seg, n);
        } else {
            while (*end && *end != '/')
                end++;
            n = al_jsonptr_unescape(seg, (size_t)(end - seg), tok, sizeof(tok));
            if (n + 1 >= sizeof(tok))
                return NULL;
            pointer = end;
        }
        tok[n] = '\0';
        if (json_is_object(cur)) {
            cur = json_object_getn(cur, tok, n);
        } else if (json_is_array(cur)) {
            char *e;
            unsigned long i;
            if (!n || (n > 1 && tok[0] == '0'))
                return NULL;
            i = strtoul(tok, &e, 10);
            if (*e)
                return NULL;
            cur = json_array_get(cur, i);
        } else {
            return NULL;
        }
    }
    return cur;
}
