/*
 * portal.c - the portal extensions Blade actions may open.
 *
 * The list is validator/advisor/portal_extensions.txt, embedded at build
 * time as adv_portal_extensions_txt (cmake/EmbedFile.cmake). It is small
 * (a few dozen lines), so it is searched as text on each question: nothing
 * is built at start-up and threads share nothing but the constant bytes.
 */
#include "advisor.h"

#include <ctype.h>
#include <string.h>
#include <strings.h>

extern const char adv_portal_extensions_txt[];
extern const size_t adv_portal_extensions_txt_len;

/* Calls FN on each name of the list (trimmed line, not a comment) until it returns nonzero. */
static int each_name(int (*fn)(const char *name, size_t len, void *ud), void *ud)
{
    const char *p = adv_portal_extensions_txt, *end = p + adv_portal_extensions_txt_len;
    while (p < end) {
        const char *eol = memchr(p, '\n', (size_t)(end - p)), *a = p, *b;
        if (!eol)
            eol = end;
        b = eol;
        while (a < b && isspace((unsigned char)*a))
            a++;
        while (b > a && isspace((unsigned char)b[-1]))
            b--;
        if (a < b && *a != '#' && fn(a, (size_t)(b - a), ud))
            return 1;
        p = eol + 1;
    }
    return 0;
}

static int same(const char *name, size_t len, void *ud)
{
    const char *want = ud;
    return strlen(want) == len && !memcmp(want, name, len);
}

int adv_portal_extension_known(const char *name)
{
    return each_name(same, (void *)name);
}

/* Edit distance of A and B ignoring case (both at most 64 bytes), or 3 when over 2. */
static size_t distance(const char *a, size_t la, const char *b, size_t lb)
{
    size_t row[65], i, j;
    if (la > 64 || lb > 64 || (la > lb ? la - lb : lb - la) > 2)
        return 3;
    for (j = 0; j <= lb; j++)
        row[j] = j;
    for (i = 1; i <= la; i++) {
        size_t diag = row[0];
        row[0] = i;
        for (j = 1; j <= lb; j++) {
            size_t up = row[j];
            size_t best =
                diag + (tolower((unsigned char)a[i - 1]) != tolower((unsigned char)b[j - 1]));
            if (up + 1 < best)
                best = up + 1;
            if (row[j - 1] + 1 < best)
                best = row[j - 1] + 1;
            diag = up;
            row[j] = best;
        }
    }
    return row[lb] > 2 ? 3 : row[lb];
}

typedef struct suggestion {
    const char *name;
    const char *best;
    size_t best_len, best_score;
} suggestion;

static int consider(const char *name, size_t len, void *ud)
{
    suggestion *s = ud;
    size_t score;
    if (strlen(s->name) == len && !strncasecmp(s->name, name, len))
        score = 0; /* the same name in another case */
    else
        score = distance(s->name, strlen(s->name), name, len);
    if (score < s->best_score) {
        s->best = name;
        s->best_len = len;
        s->best_score = score;
    }
    return 0;
}

const char *adv_portal_extension_suggest(const char *name, char *buf, size_t n)
{
    suggestion s = { name, NULL, 0, 3 };
    if (!n)
        return NULL;
    each_name(consider, &s);
    if (!s.best || s.best_len >= n)
        return NULL;
    memcpy(buf, s.best, s.best_len);
    buf[s.best_len] = '\0';
    return buf;
}
