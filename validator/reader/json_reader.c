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
 * Problems that leave no doubt about the value (control characters, trailing
 * commas, duplicate keys) are reported and parsing goes on. Any other syntax
 * error is a json-syntax problem at its exact byte; without opts->recover the
 * parse stops there and returns NULL.
 *
 * With opts->recover the parse goes on after a syntax error, so one run lists
 * every syntax error of the body:
 *   - Repaired without doubt, the value is returned as if the text were right:
 *       a missing ',' between two object members when the next key begins its
 *       own line at the same indentation as the object's first key (or, when
 *       that one shares its line, the previous key);
 *       a missing ',' between two array items likewise (the next item not a
 *       key followed by ':');
 *       a stray ',' in an object (",," or a ',' right after '{').
 *     "The same indentation" is the same width for a tab of 2, 4 or 8
 *     columns (compare_indent). Such a repair cannot hide a missing bracket:
 *     brackets left unbalanced make a guessed error further on.
 *   - Anything else is repaired by a guess only to read on: the error is
 *     reported, the rest of the text is still checked, and NULL is returned,
 *     so no rule ever sees a guessed value. Such guesses: an unclosed string
 *     ends at its line's end (a ',' ending the line is the separator); a key
 *     indented less than the object's keys closes the object ("missing '}'"),
 *     a key among array items closes the array ("missing ']'"); a '}' or ']'
 *     of the wrong kind closes the open value, or, beginning a line indented
 *     less than that value's line, is left to the enclosing value it closes;
 *     a bad literal, number or escape is skipped; a missing ':' is assumed;
 *     anything unexpected is skipped up to the next ',', bracket, quote or line;
 *     a value nested deeper than AL_JSON_MAX_DEPTH is skipped whole.
 *   - Only the first syntax error of a line is reported (the rest of a line
 *     after an error is mostly its consequence), and at most
 *     AL_JSON_MAX_SYNTAX_ERRORS per body; past that one last problem says how
 *     many more there were. Reading stays linear in the text.
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
    size_t key_at; /* offset of the key in parser.keys, when is_key */
    size_t key_len;
    size_t index; /* the item's index, when !is_key */
    int is_key;
} pframe;

typedef struct parser {
    const char *text;
    size_t begin, pos, end;
    const al_json_options *opts;
    int recover;       /* opts->recover: read on after a syntax error */
    int failed;        /* a syntax error was met */
    int stop;          /* unwind now: a syntax error without recovery, or no memory */
    int guessed;       /* an error was repaired by a guess: the value is not returned */
    int implied_comma; /* a value was closed by a guess before the next member or item */
    int depth;
    size_t open_objects, open_arrays; /* objects and arrays being read */
    size_t nerrors;                   /* json-syntax problems reported */
    size_t unlisted;                  /* json-syntax problems past the cap, not reported */
    size_t first_unlisted;            /* where the first of them is */
    size_t last_error;                /* offset of the last syntax error, or AL_NO_OFFSET */
    size_t q_from, q_at; /* the next unescaped quote at or after q_from is at q_at ... */
    int q_ok;            /* ... and can close a string (string_goes_on) */
    char *scratch;       /* decoded string */
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
    char *ptr; /* the last pointer built */
    size_t ptr_len, ptr_cap;
} parser;

static const char *current_pointer(parser *p);

static void vreport(parser *p, al_read_problem kind, size_t at, size_t related, const char *fmt,
                    va_list ap)
{
    char msg[512];
    if (!p->opts || !p->opts->problem)
        return;
    vsnprintf(msg, sizeof(msg), fmt, ap);
    p->opts->problem(p->opts->ud, kind, at, related, current_pointer(p), msg);
}

/* A problem that does not stop reading: a control character, a trailing comma, a duplicate key. */
static void problem(parser *p, al_read_problem kind, size_t at, size_t related, const char *fmt,
                    ...) __attribute__((format(printf, 5, 6)));

static void problem(parser *p, al_read_problem kind, size_t at, size_t related, const char *fmt,
                    ...)
{
    va_list ap;
    va_start(ap, fmt);
    vreport(p, kind, at, related, fmt, ap);
    va_end(ap);
}

/* Whether no line break lies between offsets A and B. */
static int same_line(const parser *p, size_t a, size_t b)
{
    size_t lo = a < b ? a : b, hi = a < b ? b : a;
    if (hi > p->end)
        hi = p->end;
    return lo >= hi || !memchr(p->text + lo, '\n', hi - lo);
}

/*
 * A json-syntax problem at AT. GUESSED: the repair that lets reading go on
 * is a guess, so the value will not be returned. Returns 1 when the caller
 * must unwind (no recovery), 0 when it repairs and reads on. With recovery,
 * only the first error of a line and the first AL_JSON_MAX_SYNTAX_ERRORS of
 * the body are reported; the others are counted.
 */
static int syntax(parser *p, size_t at, int guessed, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

static int syntax(parser *p, size_t at, int guessed, const char *fmt, ...)
{
    va_list ap;
    int first_of_line;

    p->failed = 1;
    if (guessed)
        p->guessed = 1;
    if (!p->recover) {
        if (p->stop)
            return 1;
        p->stop = 1;
        va_start(ap, fmt);
        vreport(p, AL_READ_JSON_SYNTAX, at, AL_NO_OFFSET, fmt, ap);
        va_end(ap);
        return 1;
    }
    first_of_line = p->last_error == AL_NO_OFFSET || !same_line(p, p->last_error, at);
    p->last_error = at;
    if (!first_of_line)
        return 0;
    if (p->nerrors >= AL_JSON_MAX_SYNTAX_ERRORS) {
        if (!p->unlisted++)
            p->first_unlisted = at;
        return 0;
    }
    p->nerrors++;
    va_start(ap, fmt);
    vreport(p, AL_READ_JSON_SYNTAX, at, AL_NO_OFFSET, fmt, ap);
    va_end(ap);
    return 0;
}

/* Out of memory: reported once, and reading stops. */
static void oom(parser *p, size_t at)
{
    if (!p->stop)
        problem(p, AL_READ_JSON_SYNTAX, at, AL_NO_OFFSET, "out of memory");
    p->stop = p->failed = p->guessed = 1;
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

/* "unexpected X, expected WHAT" at the cursor. Returns as syntax() does. */
static int unexpected(parser *p, int guessed, const char *expected)
{
    char what[32];
    describe_at(p, p->pos, what, sizeof(what));
    return syntax(p, p->pos, guessed, "unexpected %s, expected %s", what, expected);
}

/* ---- recovery helpers ---- */

/* Indentation longer than this is not compared (it costs its length each time). */
#define MAX_INDENT 256

/*
 * Where the line of the token at OFF starts, when only spaces and tabs
 * precede the token on its line; AL_NO_OFFSET when something else does, or
 * more than MAX_INDENT of them.
 */
static size_t indent_start(const parser *p, size_t off)
{
    size_t i = off;
    while (i > p->begin && (p->text[i - 1] == ' ' || p->text[i - 1] == '\t')) {
        if (off - i >= MAX_INDENT)
            return AL_NO_OFFSET;
        i--;
    }
    if (i > p->begin && p->text[i - 1] != '\n')
        return AL_NO_OFFSET;
    return i;
}

/* Width of the indentation [FROM, TO): spaces one column, a tab to the next multiple of TAB. */
static size_t indent_width(const parser *p, size_t from, size_t to, size_t tab)
{
    size_t w = 0;
    for (; from < to; from++)
        w = p->text[from] == '\t' ? (w / tab + 1) * tab : w + 1;
    return w;
}

/*
 * Compares the indentation of the tokens at A and B, each beginning its own
 * line: 0 the same, -1 A is indented less, 1 A more or a token does not
 * begin its line. Real files mix tabs and spaces on lines meant to align
 * ("\t  " under "      "), and the tab width is not known: "the same" is the
 * same width for a tab of 2, 4 or 8 columns; "less" is less for all three.
 */
static int compare_indent(const parser *p, size_t a, size_t b)
{
    static const size_t tabs[] = { 2, 4, 8 };
    size_t ia = indent_start(p, a), ib = indent_start(p, b), k, less = 0;
    if (ia == AL_NO_OFFSET || ib == AL_NO_OFFSET)
        return 1;
    for (k = 0; k < 3; k++) {
        size_t wa = indent_width(p, ia, a, tabs[k]), wb = indent_width(p, ib, b, tabs[k]);
        if (wa == wb)
            return 0;
        less += wa < wb;
    }
    return less == 3 ? -1 : 1;
}

/* Offset just past the string whose quote is at AT, or its line's end when it is not closed there. */
static size_t string_end_on_line(const parser *p, size_t at)
{
    size_t i = at + 1;
    while (i < p->end && p->text[i] != '"' && p->text[i] != '\n')
        i += p->text[i] == '\\' && i + 1 < p->end && p->text[i + 1] != '\n' ? 2 : 1;
    return i < p->end && p->text[i] == '"' ? i + 1 : i;
}

/* Whether the string at AT closes on its line and is followed by ':' (a key). */
static int looks_like_key(const parser *p, size_t at)
{
    size_t i = string_end_on_line(p, at);
    if (i >= p->end || p->text[i - 1] != '"' || i == at + 1)
        return 0;
    while (i < p->end && (p->text[i] == ' ' || p->text[i] == '\t'))
        i++;
    return i < p->end && p->text[i] == ':';
}

static int is_value_start(char c)
{
    return c == '"' || c == '{' || c == '[' || c == '-' || (c >= '0' && c <= '9') || c == 't' ||
           c == 'f' || c == 'n';
}

static int is_word_char(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

/*
 * Skips what cannot be read, at least one byte: a string (to its quote or
 * its line's end), or bytes up to a ',', bracket, quote or line break.
 */
static void skip_junk(parser *p)
{
    if (p->pos >= p->end)
        return;
    if (p->text[p->pos] == '"') {
        p->pos = string_end_on_line(p, p->pos);
        return;
    }
    p->pos++;
    while (p->pos < p->end && !strchr(",{}[]\"\n", p->text[p->pos]))
        p->pos++;
}

/* Skips the object or array at the cursor to its matching close (or the end), strings included. */
static void skip_nested(parser *p)
{
    size_t depth = 0;
    while (p->pos < p->end) {
        char c = p->text[p->pos];
        if (c == '"') {
            p->pos = string_end_on_line(p, p->pos);
            continue;
        }
        p->pos++;
        if (c == '{' || c == '[')
            depth++;
        else if ((c == '}' || c == ']') && --depth == 0)
            return;
    }
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
    /* a value read after a guessed repair is never returned: nothing to place */
    if (!p->opts || !p->opts->index || p->stop || p->guessed)
        return;
    ptr = current_pointer(p);
    if (al_posindex_add(p->opts->index, ptr, strlen(ptr), key_off, val_off, val_end) != 0)
        oom(p, val_off);
}

/* ---- strings ---- */

static int scratch_put(parser *p, const char *s, size_t n)
{
    if (p->scratch_len + n + 1 > p->scratch_cap &&
        al_grow(&p->scratch, &p->scratch_cap, p->scratch_len + n + 1, 1, 256) != 0) {
        oom(p, p->pos);
        return -1;
    }
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
    default: snprintf(buf, n, "\\u%04X", c); return buf;
    }
}

/*
 * Decodes the escape at the cursor (a backslash) into the scratch buffer.
 * Returns 0, or -1 to unwind. A bad escape is reported and, with recovery,
 * skipped: the string is read on to its quote.
 */
static int parse_escape(parser *p)
{
    size_t at = p->pos; /* the backslash */
    char c;
    unsigned long cp, lo;

    if (p->pos + 1 >= p->end) {
        p->pos = p->end;
        return unexpected(p, 1, "an escape character") ? -1 : 0;
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
    case 'u': break;
    default:
        if (c == '\n') {
            /* a backslash ending the line: leave the line break to the string's own reading */
            p->pos--;
            return syntax(p, at, 1, "invalid escape in string: a '\\' ends the line") ? -1 : 0;
        }
        if ((unsigned char)c >= 0x20 && (unsigned char)c < 0x7F)
            return syntax(p, at, 1, "invalid escape '\\%c' in string", c) ? -1 : 0;
        return syntax(p, at, 1, "invalid escape in string") ? -1 : 0;
    }
    if (p->pos + 4 > p->end || hex4(p->text + p->pos, &cp) != 0)
        return syntax(p, at, 1, "invalid '\\u' escape, expected 4 hex digits") ? -1 : 0;
    p->pos += 4;
    if (cp >= 0xDC00 && cp <= 0xDFFF)
        return syntax(p, at, 1, "lone low surrogate '\\u%04lX' in string", cp) ? -1 : 0;
    if (cp >= 0xD800 && cp <= 0xDBFF) {
        if (p->pos + 6 > p->end || p->text[p->pos] != '\\' || p->text[p->pos + 1] != 'u' ||
            hex4(p->text + p->pos + 2, &lo) != 0 || lo < 0xDC00 || lo > 0xDFFF)
            return syntax(p, at, 1, "high surrogate '\\u%04lX' not followed by a low surrogate", cp)
                       ? -1
                       : 0;
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
        __m128i hit =
            _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(x, quote), _mm_cmpeq_epi8(x, slash)), ctrl);
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

/*
 * With recovery, at a line break NL (a '\n', or the '\r' of "\r\n") inside
 * a string: whether the string goes on over the line (a raw line break,
 * reported as json-control-character) rather than lacking its closing
 * quote. It goes on when the next unescaped quote closes it well: what
 * follows that quote can follow a string (',', '}', ']', ':' or the end).
 *
 * "The next unescaped quote after X" (a quote after an even number of
 * backslashes) depends only on X and line breaks are met in text order, so
 * the last answer is kept: every byte is looked at a bounded number of
 * times, however many line breaks lie before the same quote.
 */
static int string_goes_on(parser *p, size_t nl, int *quote_found)
{
    size_t i = nl;
    if (p->q_from == AL_NO_OFFSET || nl < p->q_from || nl > p->q_at) {
        for (;;) {
            const char *q = memchr(p->text + i, '"', p->end - i);
            size_t k, n = 0;
            if (!q) {
                i = p->end;
                break;
            }
            i = (size_t)(q - p->text);
            for (k = i; k > p->begin && p->text[k - 1] == '\\'; k--)
                n++;
            if (n % 2 == 0)
                break;
            i++;
        }
        p->q_from = nl;
        p->q_at = i;
        p->q_ok = 0;
        if (i < p->end) {
            for (i++; i < p->end; i++)
                if (p->text[i] != ' ' && p->text[i] != '\t' && p->text[i] != '\n' &&
                    p->text[i] != '\r')
                    break;
            p->q_ok = i >= p->end || strchr(",}]:", p->text[i]) != NULL;
        }
    }
    *quote_found = p->q_at < p->end;
    return p->q_ok;
}

/*
 * The string opened at OPEN has no closing quote on its line, which ends at
 * NL: reports it and ends the string there. A ',' ending the line is left
 * to be read as the separator it surely is. The value is a guess.
 */
static int close_at_line_end(parser *p, size_t open, size_t nl, int quote_found)
{
    size_t e = nl;
    if (syntax(p, open, 1,
               quote_found ? "string is not closed before the end of its line"
                           : "string is not closed"))
        return -1;
    while (e > open + 1 &&
           (p->text[e - 1] == ' ' || p->text[e - 1] == '\t' || p->text[e - 1] == '\r'))
        e--;
    p->pos = e > open + 1 && p->text[e - 1] == ',' ? e - 1 : nl;
    return 0;
}

/*
 * Parses a string at p->pos (an opening quote) into p->scratch. Returns 0
 * when a string was read (with recovery, maybe repaired), -1 to unwind.
 */
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
        if (p->pos >= p->end)
            return syntax(p, open, 1, "string is not closed") ? -1 : 0;
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
        if (p->recover &&
            (c == '\n' || (c == '\r' && p->pos + 1 < p->end && p->text[p->pos + 1] == '\n'))) {
            int quote_found;
            if (!string_goes_on(p, p->pos, &quote_found))
                return close_at_line_end(p, open, p->pos, quote_found);
        }
        if (c < 0x20) {
            char esc[8];
            problem(p, AL_READ_JSON_CONTROL_CHARACTER, p->pos, AL_NO_OFFSET,
                    "raw %s character (U+%04X) in string, write it as \"%s\"", control_name(c), c,
                    control_escape(c, esc, sizeof(esc)));
            if (scratch_put(p, p->text + p->pos, 1) != 0)
                return -1;
            p->pos++;
            continue;
        }
        {
            size_t n = al_utf8_seq_len((const unsigned char *)p->text + p->pos, p->end - p->pos);
            if (!n) {
                if (syntax(p, p->pos, 1, "invalid UTF-8 byte 0x%02X in string", c))
                    return -1;
                p->pos++;
                continue;
            }
            if (scratch_put(p, p->text + p->pos, n) != 0)
                return -1;
            p->pos += n;
        }
    }
}

/* ---- values ---- */

static json_t *parse_value(parser *p, size_t key_off);

/*
 * After a reported error in a value starting at START: with recovery, skips
 * the rest of the bad token (number or word characters) and stands in null
 * for the value, which is never returned (the error was a guess); without,
 * NULL to unwind.
 */
static json_t *skip_bad_token(parser *p, size_t start)
{
    if (p->stop)
        return NULL;
    if (p->pos < start)
        p->pos = start;
    while (p->pos < p->end && (is_word_char(p->text[p->pos]) || p->text[p->pos] == '.' ||
                               p->text[p->pos] == '+' || p->text[p->pos] == '-'))
        p->pos++;
    return json_null();
}

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
        unexpected(p, 1, "a digit");
        return skip_bad_token(p, start);
    }
    if (p->text[i] == '0') {
        i++;
        if (i < p->end && p->text[i] >= '0' && p->text[i] <= '9') {
            syntax(p, start, 1, "number with a leading zero");
            return skip_bad_token(p, start);
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
            unexpected(p, 1, "a digit after the decimal point");
            return skip_bad_token(p, start);
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
            unexpected(p, 1, "a digit in the exponent");
            return skip_bad_token(p, start);
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
            oom(p, start);
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
            syntax(p, start, 1, "number out of range");
            return skip_bad_token(p, start);
        }
        v = json_real(d);
    }
out:
    if (!v)
        oom(p, start);
    return v;
}

static json_t *parse_literal(parser *p)
{
    static const struct {
        const char *word;
        size_t len;
    } words[] = {
        { "true", 4 },
        { "false", 5 },
        { "null", 4 },
    };
    size_t i, start = p->pos, j = p->pos;
    char c;
    for (i = 0; i < 3; i++) {
        if (p->end - p->pos >= words[i].len &&
            memcmp(p->text + p->pos, words[i].word, words[i].len) == 0) {
            size_t after = p->pos + words[i].len;
            c = after < p->end ? p->text[after] : ' ';
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))
                break;
            p->pos = after;
            return i == 0 ? json_true() : i == 1 ? json_false() : json_null();
        }
    }
    /* name the bad word in the message: up to 20 letters */
    while (j < p->end && j - p->pos < 20 &&
           ((p->text[j] >= 'a' && p->text[j] <= 'z') || (p->text[j] >= 'A' && p->text[j] <= 'Z')))
        j++;
    if (j > p->pos) {
        syntax(
            p, p->pos, 1,
            "invalid literal '%.*s', expected a string, number, object, array, true, false or null",
            (int)(j - p->pos), p->text + p->pos);
        return skip_bad_token(p, start);
    }
    unexpected(p, 1, "a value");
    if (p->stop)
        return NULL;
    /* a ',' or a closing bracket belongs to the container: the value is just missing */
    c = p->text[p->pos];
    if (c != ',' && c != '}' && c != ']')
        skip_junk(p);
    return json_null();
}

/*
 * At a '}' or ']' that does not close the open value, whose line begins at
 * the token ANCHOR (its key, or itself for an array item): whether the open
 * value lacks its own closer and this one closes an enclosing value
 * (THEIRS_OPEN of its kind are open), which is so when the closer begins a
 * line indented less than ANCHOR's. Otherwise the closer is taken as a
 * mistyped closer of the open value.
 */
static int closes_enclosing(const parser *p, size_t anchor, size_t theirs_open)
{
    return theirs_open > 0 && compare_indent(p, p->pos, anchor) < 0;
}

/*
 * After the ',' at p->pos in a container closed by CLOSE: skips it and any
 * stray commas after it (each a syntax error, GUESSED when the repair is
 * one), and a trailing comma before CLOSE. Returns 1 when the container
 * closed, 0 when a member or item follows, -1 when reading must stop.
 */
static int after_comma(parser *p, char close, int guessed, const char *stray)
{
    size_t comma = p->pos;
    p->pos++;
    skip_ws(p);
    while (p->pos < p->end && p->text[p->pos] == ',') {
        if (syntax(p, p->pos, guessed, "%s", stray))
            return -1;
        comma = p->pos++;
        skip_ws(p);
    }
    if (p->pos < p->end && p->text[p->pos] == close) {
        problem(p, AL_READ_JSON_TRAILING_COMMA, comma, AL_NO_OFFSET, "trailing comma before '%c'",
                close);
        p->pos++;
        return 1;
    }
    return 0;
}

/*
 * The other kind's closer at p->pos ends the container closed by CLOSE:
 * either it closes an enclosing value (CLOSE is missing; the closer is left
 * for that value) or it is a wrong closer for this one (taken). Either is a
 * guessed repair. Returns 0, or -1 when reading must stop.
 */
static int wrong_closer(parser *p, size_t anchor, size_t theirs_open, char close)
{
    char other = close == ']' ? '}' : ']';
    const char *kind = close == ']' ? "an array" : "an object";
    if (closes_enclosing(p, anchor, theirs_open))
        return syntax(p, p->pos, 1, "missing '%c' before this '%c'", close, other) ? -1 : 0;
    if (syntax(p, p->pos, 1, "'%c' closes %s, expected '%c'", other, kind, close))
        return -1;
    p->pos++;
    return 0;
}

/* Whether the open value has an enclosing one (its own kind counted in open_*). */
static size_t enclosing(const parser *p)
{
    return p->open_objects + p->open_arrays - 1;
}

/*
 * The token to compare a missing ',' 's next member or item with: the
 * container's first one when it begins its line (a single misindented line
 * before does not count), else the last one (FIRST_OK says whether the
 * first begins its line, found once per container).
 */
static size_t reference(size_t first, int first_ok, size_t last)
{
    return first_ok ? first : last;
}

/*
 * After array item INDEX, the next item at the cursor has no ',' before it;
 * REF is the item to compare its indentation with (reference()). Returns 1
 * when the array is to be closed there (the next token is a key of an
 * enclosing object: the ']' is what is missing), 0 to read the next item,
 * -1 to unwind.
 */
static int array_missing_comma(parser *p, size_t ref, size_t index)
{
    size_t at = p->pos;
    if (p->text[at] == '"' && looks_like_key(p, at) && p->open_objects > 0) {
        if (syntax(p, at, 1, "missing ']' after array item %zu (a key follows)", index))
            return -1;
        p->implied_comma = 1;
        return 1;
    }
    /* the next item on its own line, indented as the others: certainly a ',' is missing */
    if (syntax(p, at, compare_indent(p, ref, at) != 0, "missing ',' after array item %zu", index))
        return -1;
    return 0;
}

static json_t *parse_array(parser *p, size_t anchor)
{
    json_t *arr = json_array();
    size_t index = 0, item_start, first_item = 0;
    int first_ok = 0, rc;

    if (!arr) {
        oom(p, p->pos);
        return NULL;
    }
    p->pos++; /* [ */
    skip_ws(p);
    if (p->pos < p->end && p->text[p->pos] == ']') {
        p->pos++;
        return arr;
    }
    p->open_arrays++;
    for (;;) {
        json_t *item;
        int implied;
        /* an item */
        skip_ws(p);
        item_start = p->pos;
        if (!index) {
            first_item = item_start;
            first_ok = indent_start(p, item_start) != AL_NO_OFFSET;
        }
        push_index(p, index);
        item = parse_value(p, AL_NO_OFFSET);
        pop_frame(p);
        if (!item)
            goto fail;
        if (json_array_append_new(arr, item) != 0) {
            oom(p, item_start);
            goto fail;
        }
        index++;
    separator:
        implied = p->implied_comma;
        p->implied_comma = 0;
        skip_ws(p);
        if (p->pos >= p->end) {
            if (unexpected(p, 1, "',' or ']'"))
                goto fail;
            goto done;
        }
        switch (p->text[p->pos]) {
        case ']': p->pos++; goto done;
        case ',':
            /* ",," in an array: a value may be missing, the indexes after it are a guess */
            rc = after_comma(p, ']', 1,
                             "stray ',' in an array: a value is missing or a ',' too many");
            if (rc < 0)
                goto fail;
            if (rc > 0)
                goto done;
            continue;
        case '}':
            if (wrong_closer(p, anchor, p->open_objects, ']') != 0)
                goto fail;
            goto done;
        default: break;
        }
        if (implied)
            continue;
        if (is_value_start(p->text[p->pos])) {
            rc = array_missing_comma(p, reference(first_item, first_ok, item_start), index - 1);
            if (rc < 0)
                goto fail;
            if (rc > 0)
                goto done;
            continue;
        }
        if (unexpected(p, 1, "',' or ']'"))
            goto fail;
        skip_junk(p);
        p->implied_comma = 1;
        goto separator;
    }
done:
    p->open_arrays--;
    return arr;
fail:
    p->open_arrays--;
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
        while (q.pos < q.end && q.text[q.pos] == ',') {
            q.pos++;
            skip_ws(&q);
        }
    }
    free(q.scratch);
    free(q.keys);
    free(q.ptr);
    free(q.frames);
    return table;
}

/* Adds member KEY (the current frame's, KEY_LEN bytes, at KEY_OFF) = VAL, reporting a duplicate. */
static int add_member(parser *p, json_t *obj, json_t **firsts, size_t obj_start, size_t key_off,
                      size_t key_len, json_t *val)
{
    /* the key stack may have moved while the value was parsed */
    const char *key = p->keys + p->frames[p->nframes - 1].key_at;
    size_t before = json_object_size(obj);
    if (json_object_setn_new_nocheck(obj, key, key_len, val) != 0) {
        oom(p, key_off);
        return -1;
    }
    /*
     * A key seen before replaces its value (the last wins, as with json_loads).
     * After a guessed repair, which object a key is in is a guess too: no report.
     */
    if (json_object_size(obj) == before && !p->guessed) {
        json_t *first;
        if (!*firsts)
            *firsts = first_key_offsets(p, obj_start, key_off);
        first = *firsts ? json_object_getn(*firsts, key, key_len) : NULL;
        problem(p, AL_READ_DUPLICATE_KEY, key_off,
                first ? (size_t)json_integer_value(first) : AL_NO_OFFSET, "duplicate key \"%.*s\"",
                (int)(key_len > 60 ? 60 : key_len), key);
    } else if (*firsts && !p->guessed) {
        json_object_setn_new_nocheck(*firsts, key, key_len, json_integer((json_int_t)key_off));
    }
    return 0;
}

/*
 * Reads a member's key at the cursor onto the key stack (push_key).
 * Returns 0, 1 when there is no key here (reported, and with recovery
 * skipped: the caller goes on to the separator), or -1 to unwind.
 */
static int read_key(parser *p, size_t *key_len)
{
    size_t at = p->pos, w = p->pos;

    if (p->pos < p->end && p->text[p->pos] == '"') {
        if (parse_string_raw(p) != 0)
            return -1;
        *key_len = p->scratch_len;
        return push_key(p, p->scratch, p->scratch_len);
    }
    if (unexpected(p, 1, "a string key"))
        return -1;
    /* an unquoted name followed by ':' is taken as the key it surely is meant to be */
    while (w < p->end && is_word_char(p->text[w]))
        w++;
    if (w > at) {
        size_t c = w;
        while (c < p->end && (p->text[c] == ' ' || p->text[c] == '\t'))
            c++;
        if (c < p->end && p->text[c] == ':') {
            p->pos = w;
            *key_len = w - at;
            return push_key(p, p->text + at, w - at);
        }
    }
    if (p->pos < p->end && (p->text[p->pos] == '{' || p->text[p->pos] == '['))
        skip_nested(p);
    else
        skip_junk(p);
    p->implied_comma = 1;
    return 1;
}

/*
 * After a member (its key named by the popped frame's bytes, KEY_LEN), a key
 * at the cursor has no ',' before it; REF is the key to compare its
 * indentation with (reference()). Returns 1 when the object is to be closed
 * there (the key is indented less, so the '}' is what is missing), 0 to read
 * the member, -1 to unwind.
 */
static int object_missing_comma(parser *p, size_t ref, size_t key_len)
{
    size_t at = p->pos;
    const char *name = p->keys + p->keys_len;
    int n = (int)(key_len > 60 ? 60 : key_len);
    if (looks_like_key(p, at)) {
        int indent = compare_indent(p, at, ref);
        /* the next key on its own line, indented as the others: certainly a ',' is missing */
        if (indent == 0)
            return syntax(p, at, 0, "missing ',' after the value of \"%.*s\"", n, name) ? -1 : 0;
        if (indent < 0 && enclosing(p) > 0) {
            if (syntax(p, at, 1,
                       "missing '}' after the value of \"%.*s\" (the next key is indented less)", n,
                       name))
                return -1;
            p->implied_comma = 1;
            return 1;
        }
    }
    return syntax(p, at, 1, "missing ',' after the value of \"%.*s\"", n, name) ? -1 : 0;
}

/* After key KEY_LEN bytes long: reads ':' and the value (with recovery, a stand-in when missing). */
static json_t *member_value(parser *p, size_t key_off, size_t key_len)
{
    char what[32];
    int stop;
    skip_ws(p);
    if (p->pos < p->end && p->text[p->pos] == ':') {
        p->pos++;
        return parse_value(p, key_off);
    }
    describe_at(p, p->pos, what, sizeof(what));
    /* the problem's pointer is the object's: the member is not there yet */
    p->nframes--;
    stop = syntax(p, p->pos, 1, "unexpected %s, expected ':' after key \"%.*s\"", what,
                  (int)(key_len > 60 ? 60 : key_len), p->keys + p->frames[p->nframes].key_at);
    p->nframes++;
    if (stop)
        return NULL;
    /* a value right after the key on its line: only the ':' is missing */
    if (p->pos < p->end && is_value_start(p->text[p->pos]) && same_line(p, key_off, p->pos))
        return parse_value(p, key_off);
    return json_null();
}

static json_t *parse_object(parser *p, size_t anchor)
{
    json_t *obj = json_object();
    json_t *firsts = NULL; /* first offsets by key, from the first duplicate on */
    size_t obj_start = p->pos, key_off = AL_NO_OFFSET, key_len = 0, first_key = AL_NO_OFFSET;
    int first_ok = 0;

    if (!obj) {
        oom(p, p->pos);
        return NULL;
    }
    p->pos++; /* { */
    skip_ws(p);
    if (p->pos < p->end && p->text[p->pos] == '}') {
        p->pos++;
        return obj;
    }
    p->open_objects++;
    for (;;) {
        json_t *val;
        int implied, rc;

        /* a member */
        skip_ws(p);
        if (p->pos >= p->end) {
            if (unexpected(p, 1, "a string key"))
                goto fail;
            goto done;
        }
        if (p->text[p->pos] == ',') {
            /* "{," or ",,": nothing is lost, the members are what they are */
            if (syntax(p, p->pos, 0, "stray ',': there is no member before it"))
                goto fail;
            p->pos++;
            continue;
        }
        if (p->text[p->pos] == '}') {
            p->pos++; /* after a stray ',' (reported) */
            goto done;
        }
        key_off = p->pos;
        rc = read_key(p, &key_len);
        if (rc < 0)
            goto fail;
        if (rc == 0) {
            if (first_key == AL_NO_OFFSET) {
                first_key = key_off;
                first_ok = indent_start(p, key_off) != AL_NO_OFFSET;
            }
            val = member_value(p, key_off, key_len);
            if (!val) {
                pop_frame(p);
                goto fail;
            }
            rc = add_member(p, obj, &firsts, obj_start, key_off, key_len, val);
            pop_frame(p);
            if (rc != 0)
                goto fail;
        }
    separator:
        implied = p->implied_comma;
        p->implied_comma = 0;
        skip_ws(p);
        if (p->pos >= p->end) {
            if (unexpected(p, 1, "',' or '}'"))
                goto fail;
            goto done;
        }
        switch (p->text[p->pos]) {
        case '}': p->pos++; goto done;
        case ',':
            /* ",," in an object: nothing is lost, the members are what they are */
            rc = after_comma(p, '}', 0, "stray ',': there is no member before it");
            if (rc < 0)
                goto fail;
            if (rc > 0)
                goto done;
            continue;
        case ']':
            if (wrong_closer(p, anchor, p->open_arrays, '}') != 0)
                goto fail;
            goto done;
        default: break;
        }
        if (implied)
            continue;
        if (p->text[p->pos] == '"' && key_off != AL_NO_OFFSET) {
            rc = object_missing_comma(p, reference(first_key, first_ok, key_off), key_len);
            if (rc < 0)
                goto fail;
            if (rc > 0)
                goto done;
            continue;
        }
        if (unexpected(p, 1, "',' or '}'"))
            goto fail;
        skip_junk(p);
        p->implied_comma = 1;
        goto separator;
    }
done:
    p->open_objects--;
    json_decref(firsts);
    return obj;
fail:
    p->open_objects--;
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
        unexpected(p, 1, "a value");
        return p->stop ? NULL : json_null();
    }
    switch (p->text[p->pos]) {
    case '{':
    case '[':
        if (p->depth >= AL_JSON_MAX_DEPTH) {
            if (syntax(p, p->pos, 1, "nesting deeper than %d levels", AL_JSON_MAX_DEPTH))
                return NULL;
            skip_nested(p);
            return json_null();
        }
        p->depth++;
        {
            /* the token its line starts with, for recovery: its key, or itself */
            size_t anchor = key_off != AL_NO_OFFSET ? key_off : start;
            v = p->text[p->pos] == '{' ? parse_object(p, anchor) : parse_array(p, anchor);
        }
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
            oom(p, start);
        break;
    }
    case '-':
    case '0':
    case '1':
    case '2':
    case '3':
    case '4':
    case '5':
    case '6':
    case '7':
    case '8':
    case '9': v = parse_number(p); break;
    default: v = parse_literal(p); break;
    }
    if (v)
        record(p, key_off, start, p->pos);
    return v;
}

json_t *al_json_parse(const char *text, size_t start, size_t end, const al_json_options *opts)
{
    parser p;
    json_t *v;

    memset(&p, 0, sizeof(p));
    p.text = text;
    p.begin = p.pos = start;
    p.end = end;
    p.opts = opts;
    p.recover = opts && opts->recover;
    p.last_error = p.q_from = AL_NO_OFFSET;
    /* one frame per nesting level, and one more for the deepest value */
    p.frames = malloc((AL_JSON_MAX_DEPTH + 2) * sizeof(*p.frames));
    if (!p.frames)
        return NULL;
    skip_ws(&p);
    if (p.pos >= p.end) {
        syntax(&p, p.pos, 1, "the JSON body is empty");
        v = NULL;
    } else {
        v = parse_value(&p, AL_NO_OFFSET);
    }
    if (v) {
        skip_ws(&p);
        if (p.pos < p.end) {
            char what[32];
            describe_at(&p, p.pos, what, sizeof(what));
            syntax(&p, p.pos, 1, "unexpected %s after the end of the JSON value", what);
        }
    }
    if (p.unlisted)
        problem(&p, AL_READ_JSON_SYNTAX, p.first_unlisted, AL_NO_OFFSET,
                "%zu more syntax error%s from here on, not listed: a body's first %d are",
                p.unlisted, p.unlisted == 1 ? "" : "s", AL_JSON_MAX_SYNTAX_ERRORS);
    /* a value with a guessed repair in it is never returned: rules would judge the guess */
    if (v && (p.stop || p.guessed || (p.failed && !p.recover))) {
        json_decref(v);
        v = NULL;
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
