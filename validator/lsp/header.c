/*
 * header.c - the attributes of a metadata file's "<properties ... />" header, found in
 * text that may be half typed (header.h).
 */
#include "header.h"

#include <string.h>

static int is_name_char(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' ||
           c == '_' || c == '-';
}

static int is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

/* Where a header's attributes are: the "<properties" header's [*START, *CLOSE) before "/>". */
int al_lsp_find_header(const char *t, size_t len, size_t *start, size_t *close)
{
    size_t i = len >= 3 && !memcmp(t, "\xEF\xBB\xBF", 3) ? 3 : 0;
    char quote = 0;

    while (i < len && is_space(t[i]))
        i++;
    if (len - i < 11 || memcmp(t + i, "<properties", 11) != 0)
        return -1;
    *start = i + 11;
    for (i = *start; i + 1 < len; i++) {
        if (quote) {
            if (t[i] == quote)
                quote = 0;
        } else if (t[i] == '"' || t[i] == '\'') {
            quote = t[i];
        } else if (t[i] == '/' && t[i + 1] == '>') {
            *close = i;
            return 0;
        }
    }
    return -1;
}

/* The value [*VS, *VE) of attribute NAME in T[START, CLOSE), if there. */
int al_lsp_find_attribute(const char *t, size_t start, size_t close, const char *name, size_t *vs,
                          size_t *ve)
{
    size_t i = start, n = strlen(name);

    while (i < close) {
        size_t a = i, b;
        char q;
        while (i < close && is_name_char(t[i]))
            i++;
        b = i;
        while (i < close && is_space(t[i]))
            i++;
        if (b == a) { /* not a name: the next byte */
            i = a + 1;
            continue;
        }
        if (i >= close || t[i] != '=')
            continue;
        i++;
        while (i < close && is_space(t[i]))
            i++;
        if (i >= close || (t[i] != '"' && t[i] != '\''))
            continue;
        q = t[i++];
        *vs = i;
        while (i < close && t[i] != q)
            i++;
        *ve = i;
        if (i < close)
            i++;
        if (b - a == n && !memcmp(t + a, name, n))
            return 0;
    }
    return -1;
}
