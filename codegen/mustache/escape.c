/*
 * escape.c - the escapers a rendering may plug in for {{name}} tags: HTML (the
 * spec's), none, the body of a C string literal and the body of a C block comment.
 *
 * Each walks the input once and appends runs of bytes that need no change in one
 * call, so plain text costs one memcpy. The C escapers are for generated C that must
 * compile under -std=c11 -Wall -Wextra -Werror -pedantic with gcc and clang, where
 * trigraphs are on (ISO mode) and -Wtrigraphs is an error.
 */
#include <string.h>

#include "mustache_private.h"

int mst_escape_none(mst_buffer *out, const char *text, size_t len)
{
    return mst_buffer_append(out, text, len);
}

/* What HTML needs for byte c, or NULL when it goes as it is. */
static const char *html_entity(unsigned char c)
{
    switch (c) {
    case '&': return "&amp;";
    case '<': return "&lt;";
    case '>': return "&gt;";
    case '"': return "&quot;";
    case '\'': return "&#39;";
    default: return NULL;
    }
}

int mst_escape_html(mst_buffer *out, const char *text, size_t len)
{
    size_t run = 0;
    for (size_t i = 0; i < len; i++) {
        const char *entity = html_entity((unsigned char)text[i]);
        if (!entity)
            continue;
        if (mst_buffer_append(out, text + run, i - run) < 0 ||
            mst_buffer_append(out, entity, strlen(entity)) < 0)
            return -1;
        run = i + 1;
    }
    return mst_buffer_append(out, text + run, len - run);
}

/* Appends byte c as a 3-digit octal escape: always three digits, so a digit that
 * follows in the input cannot be read as part of the escape. */
static int append_octal(mst_buffer *out, unsigned char c)
{
    char esc[4] = { '\\', (char)('0' + (c >> 6)), (char)('0' + ((c >> 3) & 7)),
                    (char)('0' + (c & 7)) };
    return mst_buffer_append(out, esc, sizeof esc);
}

int mst_escape_c_string(mst_buffer *out, const char *text, size_t len)
{
    size_t run = 0;
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)text[i];
        const char *esc = NULL;
        switch (c) {
        case '"': esc = "\\\""; break;
        case '\\': esc = "\\\\"; break;
        case '\n': esc = "\\n"; break;
        case '\r': esc = "\\r"; break;
        case '\t': esc = "\\t"; break;
        case '?':
            /* "??" starts a trigraph; "?\?" is the same two characters without one.
             * A '?' at either end is escaped too: the template's text next to the
             * tag could hold the other half. */
            if (i == 0 || i == len - 1 || text[i - 1] == '?')
                esc = "\\?";
            break;
        default: break;
        }
        int octal = !esc && (c < 0x20 || c == 0x7f || c >= 0x80);
        if (!esc && !octal)
            continue;
        if (mst_buffer_append(out, text + run, i - run) < 0)
            return -1;
        if (esc ? mst_buffer_append(out, esc, strlen(esc)) : append_octal(out, c))
            return -1;
        run = i + 1;
    }
    return mst_buffer_append(out, text + run, len - run);
}

/* Whether the backslash at text[i] ends its line: only spaces or tabs follow it
 * before a newline, a CR or the end of the text (where the template may well put a
 * newline). gcc splices such a line even across the spaces. */
static int backslash_ends_line(const char *text, size_t len, size_t i)
{
    for (i++; i < len; i++) {
        if (text[i] == '\n' || text[i] == '\r')
            return 1;
        if (text[i] != ' ' && text[i] != '\t')
            return 0;
    }
    return 1;
}

/* Whether c may end a trigraph "??c". */
static int trigraph_final(char c)
{
    return c != '\0' && strchr("=(/)'<!>-", c) != NULL;
}

/* The comment escaper's output state: the last two bytes it wrote. */
struct comment_out {
    mst_buffer *out;
    char prev;
    char prev2;
};

/* Appends n bytes (n >= 1) and remembers the last two written. */
static int comment_emit(struct comment_out *co, const char *bytes, size_t n)
{
    if (mst_buffer_append(co->out, bytes, n) < 0)
        return -1;
    co->prev2 = n >= 2 ? bytes[n - 2] : co->prev;
    co->prev = bytes[n - 1];
    return 0;
}

int mst_escape_c_comment(mst_buffer *out, const char *text, size_t len)
{
    /* Decisions look at the bytes written, not read: a "/" after a "*" would close
     * the comment, a "*" after a "/" would open a nested one (-Wcomment), "??" then
     * one of =(/)'<!>- is a trigraph ("??/" then a newline splices lines and gcc
     * errors on it). Looking at the output also catches runs like "*" "/" "*". */
    struct comment_out co = { out, 0, 0 };
    /* The template's text next to the tag is unknown: a space keeps a leading or
     * trailing '/', '*' or '?' from pairing with it ("/" "*" "{{x}}" with x "/..."). */
    if (len > 0 && text[0] != '\0' && strchr("/*?", text[0]) && comment_emit(&co, " ", 1) < 0)
        return -1;
    for (size_t i = 0; i < len; i++) {
        char c = text[i];
        if ((c == '/' && co.prev == '*') || (c == '*' && co.prev == '/')) {
            if (comment_emit(&co, "\\", 1) < 0)
                return -1;
        } else if (co.prev == '?' && co.prev2 == '?' && trigraph_final(c)) {
            if (comment_emit(&co, " ", 1) < 0)
                return -1;
        }
        int rc;
        if (c == '\\' && backslash_ends_line(text, len, i))
            rc = comment_emit(&co, "\\.", 2); /* a line-ending backslash splices lines */
        else if (c == '\0')
            rc = comment_emit(&co, "\\0", 2); /* compilers warn about NUL in source */
        else
            rc = comment_emit(&co, &c, 1);
        if (rc < 0)
            return -1;
    }
    if (len > 0 && text[len - 1] != '\0' && strchr("/*?", text[len - 1]))
        return comment_emit(&co, " ", 1);
    return 0;
}
