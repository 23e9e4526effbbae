/*
 * names.c - identifiers: split words at separators and case changes, with
 * acronyms ("VMs", "E2E", "GPv2") and a few product names ("VNet",
 * "PostgreSQL") taken as one word; lowercase, join with '_'; keywords and
 * reserved names get a suffix.
 */
#include "names.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "util/grow.h"

static const char *const keywords[] = {
    "auto",
    "break",
    "case",
    "char",
    "const",
    "continue",
    "default",
    "do",
    "double",
    "else",
    "enum",
    "extern",
    "float",
    "for",
    "goto",
    "if",
    "inline",
    "int",
    "long",
    "register",
    "restrict",
    "return",
    "short",
    "signed",
    "sizeof",
    "static",
    "struct",
    "switch",
    "typedef",
    "union",
    "unsigned",
    "void",
    "volatile",
    "while",
    "bool",
    "true",
    "false",
    "alignas",
    "alignof",
    "noreturn",
    "static_assert",
    "thread_local",
    "main",
    "errno",
    "assert",
    "offsetof",
    "NULL",
    /* C++'s too: the generated headers are included from C++ (extern "C") */
    "and",
    "and_eq",
    "asm",
    "bitand",
    "bitor",
    "catch",
    "char16_t",
    "char32_t",
    "class",
    "compl",
    "concept",
    "const_cast",
    "constexpr",
    "decltype",
    "delete",
    "dynamic_cast",
    "explicit",
    "export",
    "friend",
    "mutable",
    "namespace",
    "new",
    "noexcept",
    "not",
    "not_eq",
    "nullptr",
    "operator",
    "or",
    "or_eq",
    "private",
    "protected",
    "public",
    "reinterpret_cast",
    "requires",
    "static_cast",
    "template",
    "this",
    "throw",
    "try",
    "typeid",
    "typename",
    "using",
    "virtual",
    "wchar_t",
    "xor",
    "xor_eq",
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

/* ASCII letters and digits; everything else (and every byte above 127) separates words */
static int is_al(unsigned char c)
{
    return c < 0x80 && isalnum(c);
}

static int is_up(const char *s, size_t len, size_t i)
{
    return i < len && (unsigned char)s[i] < 0x80 && isupper((unsigned char)s[i]);
}

static int is_low(const char *s, size_t len, size_t i)
{
    return i < len && (unsigned char)s[i] < 0x80 && islower((unsigned char)s[i]);
}

static int is_dig(const char *s, size_t len, size_t i)
{
    return i < len && (unsigned char)s[i] < 0x80 && isdigit((unsigned char)s[i]);
}

/*
 * Product names whose own capitals do not start words: "HighCPUVNetGateway"
 * is high_cpu_vnet_gateway, "OrcasPostgreSqlCpu" orcas_postgresql_cpu.
 * Matched without case, with an optional plural 's'.
 */
static const char *const compounds[] = {
    "DevOps", "GitHub",     "HBase",      "IoT",        "JavaScript", "MariaDB", "MySQL", "NoSQL",
    "OAuth",  "PostgreSQL", "PowerShell", "TypeScript", "VNet",       "vCore",   "vCPU",
};

/* The length of a compound word at S[I] that ends where a word may end, or 0. */
static size_t compound_at(const char *s, size_t len, size_t i)
{
    size_t k;
    /* a compound starts a word: at the start, after a separator or digit, or at a capital */
    if (i > 0 && is_al((unsigned char)s[i - 1]) && !is_up(s, len, i) && !is_dig(s, len, i - 1))
        return 0;
    for (k = 0; k < sizeof(compounds) / sizeof(compounds[0]); k++) {
        size_t n = strlen(compounds[k]), e = i + n;
        if (e > len || strncasecmp(s + i, compounds[k], n) != 0)
            continue;
        if (e < len && s[e] == 's' && !is_low(s, len, e + 1))
            e++;
        if (!is_low(s, len, e))
            return e - i;
    }
    return 0;
}

/*
 * The end of an acronym starting at S[I] ("ADX", "E2E", "VMs", "GPv2"), or
 * I when there is none there (fewer than two capitals). Capitals and digits
 * between them run on; a capital followed by lower case starts the next
 * word ("ADXCluster"), except a plural 's' ("VMs") or a version "v2"
 * ("GPv2"), which stay with the acronym; a compound ends it ("CPUVNet").
 */
static size_t acronym_end(const char *s, size_t len, size_t i)
{
    size_t j = i, caps = 0;
    while (j < len) {
        if (is_up(s, len, j)) {
            if (j > i && compound_at(s, len, j))
                break;
            caps++;
            j++;
        } else if (is_dig(s, len, j)) {
            while (is_dig(s, len, j))
                j++;
            if (!is_up(s, len, j))
                break;
        } else {
            break;
        }
    }
    if (caps < 2)
        return i;
    if (!is_low(s, len, j))
        return j;
    if (s[j] == 's' && !is_low(s, len, j + 1) && !is_dig(s, len, j + 1))
        return j + 1;
    if (s[j] == 'v' && is_dig(s, len, j + 1)) {
        j++;
        while (is_dig(s, len, j))
            j++;
        return j;
    }
    return is_up(s, len, j - 1) ? j - 1 : j;
}

/*
 * The end of the word starting at S[I]: a compound, an acronym, or a
 * capital (or any letter or digit) followed by lower case and digits, up to
 * the next capital or separator ("Gen2", "Cisco1000v", "O365").
 */
static size_t word_end(const char *s, size_t len, size_t i)
{
    size_t j = compound_at(s, len, i);
    if (j)
        return i + j;
    j = acronym_end(s, len, i);
    if (j > i)
        return j;
    j = i + 1;
    while (is_low(s, len, j) || is_dig(s, len, j))
        j++;
    return j;
}

int cg_identifier(const char *name, size_t len, char *out, size_t n)
{
    size_t i = 0, w = 0;

    if (n < 8)
        return -1;
    if (escapes(name, len))
        return -1;
    while (i < len && w + 3 < n) {
        size_t e, k;
        if (!is_al((unsigned char)name[i])) {
            i++;
            continue;
        }
        e = word_end(name, len, i);
        if (w > 0)
            out[w++] = '_';
        for (k = i; k < e && w + 3 < n; k++)
            out[w++] = (char)tolower((unsigned char)name[k]);
        i = e;
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

int cg_names_reserve(cg_names *set, const char *id)
{
    if (taken(set, id))
        return 0;
    if (al_grow(&set->items, &set->cap, set->count + 1, sizeof(*set->items), 32) != 0)
        return -1;
    set->items[set->count] = strdup(id);
    if (!set->items[set->count])
        return -1;
    set->count++;
    return 0;
}
