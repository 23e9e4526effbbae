/*
 * names.c - identifiers: split words at case changes and separators,
 * lowercase, join with '_'; keywords and reserved names get a suffix.
 */
#include "names.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/grow.h"

static const char *const keywords[] = {
    "auto",    "break",  "case",     "char",     "const",    "continue",      "default",
    "do",      "double", "else",     "enum",     "extern",   "float",         "for",
    "goto",    "if",     "inline",   "int",      "long",     "register",      "restrict",
    "return",  "short",  "signed",   "sizeof",   "static",   "struct",        "switch",
    "typedef", "union",  "unsigned", "void",     "volatile", "while",         "bool",
    "true",    "false",  "alignas",  "alignof",  "noreturn", "static_assert", "thread_local",
    "main",    "errno",  "assert",   "offsetof", "NULL",
};

static int is_keyword(const char *s)
{
    size_t i;
    for (i = 0; i < sizeof(keywords) / sizeof(keywords[0]); i++)
        if (!strcmp(s, keywords[i]))
            return 1;
    return 0;
}

/*
 * Whether NAME, taken as a path, would leave the directory it is put in:
 * absolute, or with a ".." component. Such names are refused outright
 * rather than quietly rewritten, so the mistake is seen.
 */
static int escapes(const char *name, size_t len)
{
    size_t i = 0;
    if (len && (name[0] == '/' || name[0] == '\\'))
        return 1;
    while (i <= len) {
        size_t start = i;
        while (i < len && name[i] != '/' && name[i] != '\\')
            i++;
        if (i - start == 2 && name[start] == '.' && name[start + 1] == '.')
            return 1;
        i++;
    }
    return 0;
}

int cg_identifier(const char *name, size_t len, char *out, size_t n)
{
    size_t i, w = 0;
    int pending_sep = 0;

    if (n < 8)
        return -1;
    if (escapes(name, len))
        return -1;
    for (i = 0; i < len && w + 3 < n; i++) {
        unsigned char c = (unsigned char)name[i];
        if (!isalnum(c) || c >= 0x80) {
            pending_sep = w > 0;
            continue;
        }
        /* a word starts at an upper-case letter after a lower-case letter or digit,
           or at the last capital of an acronym followed by lower case (ADXCluster) */
        if (isupper(c) && i > 0 && w > 0) {
            unsigned char p = (unsigned char)name[i - 1];
            unsigned char nx = i + 1 < len ? (unsigned char)name[i + 1] : 0;
            if (islower(p) || isdigit(p) || (isupper(p) && islower(nx)))
                pending_sep = 1;
        }
        if (pending_sep && w > 0 && out[w - 1] != '_')
            out[w++] = '_';
        pending_sep = 0;
        out[w++] = (char)tolower(c);
    }
    while (w > 0 && out[w - 1] == '_')
        w--;
    out[w] = '\0';
    if (w == 0) {
        snprintf(out, n, "unnamed");
        return 0;
    }
    /* "r_" before a leading digit; the last characters give way when OUT is
       full, and the terminator is written after the move, not moved with it */
    if (isdigit((unsigned char)out[0])) {
        if (w + 2 >= n)
            w = n - 3;
        memmove(out + 2, out, w);
        out[0] = 'r';
        out[1] = '_';
        w += 2;
        while (out[w - 1] == '_')
            w--;
        out[w] = '\0';
    }
    if (is_keyword(out) && w + 2 < n) {
        out[w++] = '_';
        out[w] = '\0';
    }
    return 0;
}

void cg_names_init(cg_names *set)
{
    memset(set, 0, sizeof(*set));
}

void cg_names_release(cg_names *set)
{
    size_t i;
    for (i = 0; i < set->count; i++)
        free(set->items[i]);
    free(set->items);
    memset(set, 0, sizeof(*set));
}

static int taken(const cg_names *set, const char *id)
{
    size_t i;
    for (i = 0; i < set->count; i++)
        if (!strcmp(set->items[i], id))
            return 1;
    return 0;
}

int cg_names_claim(cg_names *set, char *id, size_t n)
{
    char base[256];
    int k = 2;
    snprintf(base, sizeof(base), "%s", id);
    while (taken(set, id)) {
        char suffix[16];
        size_t bl = strlen(base);
        int sl = snprintf(suffix, sizeof(suffix), "_%d", k++);
        if (bl + (size_t)sl + 1 > n)
            bl = n - (size_t)sl - 1;
        memcpy(id, base, bl);
        memcpy(id + bl, suffix, (size_t)sl + 1);
    }
    if (al_grow(&set->items, &set->cap, set->count + 1, sizeof(*set->items), 32) != 0)
        return -1;
    set->items[set->count] = strdup(id);
    if (!set->items[set->count])
        return -1;
    set->count++;
    return 0;
}
