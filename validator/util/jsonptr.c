/*
 * jsonptr.c - JSON pointer reference tokens: "~0" for '~', "~1" for '/'.
 */
#include "jsonptr.h"

#include "grow.h"

int al_jsonptr_append(char **buf, size_t *cap, size_t *len_io, const char *key, size_t len)
{
    /* worst case: every byte escaped, plus the '/' and the NUL */
    size_t i, n = *len_io;
    char *b;
    if (len > ((size_t)-1 - 2 - n) / 2 || al_grow(buf, cap, n + 2 * len + 2, 1, 64) != 0)
        return -1;
    b = *buf;
    b[n++] = '/';
    for (i = 0; i < len; i++) {
        if (key[i] == '~' || key[i] == '/') {
            b[n++] = '~';
            b[n++] = key[i] == '~' ? '0' : '1';
        } else {
            b[n++] = key[i];
        }
    }
    b[n] = '\0';
    *len_io = n;
    return 0;
}

size_t al_jsonptr_put(char *out, size_t n, size_t at, const char *key)
{
    size_t w = at;
    if (w + 1 >= n)
        return n;
    out[w++] = '/';
    for (; *key; key++) {
        int esc = *key == '~' || *key == '/';
        if (w + (esc ? 2 : 1) >= n) {
            out[w] = '\0';
            return n;
        }
        if (esc) {
            out[w++] = '~';
            out[w++] = *key == '~' ? '0' : '1';
        } else {
            out[w++] = *key;
        }
    }
    out[w] = '\0';
    return w;
}

size_t al_jsonptr_unescape(const char *tok, size_t len, char *out, size_t cap)
{
    size_t i = 0, w = 0;
    while (i < len) {
        char c = tok[i++];
        if (c == '~' && i < len && (tok[i] == '0' || tok[i] == '1'))
            c = tok[i++] == '0' ? '~' : '/';
        if (w < cap)
            out[w] = c;
        w++;
    }
    return w;
}
