/*
 * pattern.c - ECMA-262 regular expressions ("pattern", "patternProperties",
 * format "regex") on pcre2.
 *
 * pcre2 in UTF mode without PCRE2_UCP already gives ECMA's ASCII-only \d, \w
 * and \b; PCRE2_ALT_BSUX/PCRE2_EXTRA_ALT_BSUX give ECMA's \uXXXX and \u{...};
 * PCRE2_DOLLAR_ENDONLY gives ECMA's '$' (no match before a final newline).
 * What remains is rewritten before compiling: \s/\S (ECMA's include Unicode
 * spaces), UTF-16 surrogate pairs written as two \u escapes, and the ECMA
 * classes [] and [^]. Patterns are compiled once, for the interpreter: the
 * JIT would ignore the depth limit and its code trips valgrind. The
 * match context with match and depth limits is shared read-only, and match
 * data is per validation call, so matching is thread-safe and a
 * catastrophically backtracking pattern fails cleanly instead of hanging.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "jsonschema_private.h"

#define ECMA_SPACES                                                                                \
    "\\t\\n\\v\\f\\r "                                                                             \
    "\\u{a0}\\u{1680}\\u{2000}-\\u{200a}\\u{2028}\\u{2029}\\u{202f}\\u{205f}\\u{3000}\\u{feff}"

static int hex4(const char *s, size_t len, size_t i)
{
    if (i + 6 > len || s[i] != '\\' || s[i + 1] != 'u')
        return -1;
    int v = 0;
    for (size_t k = i + 2; k < i + 6; k++) {
        char c = s[k];
        int d = (c >= '0' && c <= '9')   ? c - '0'
                : (c >= 'a' && c <= 'f') ? c - 'a' + 10
                : (c >= 'A' && c <= 'F') ? c - 'A' + 10
                                         : -1;
        if (d < 0)
            return -1;
        v = v * 16 + d;
    }
    return v;
}

/* ECMA's long general category names, which pcre2 10.42 lacks. */
static const char *const gc_names[][2] = {
    { "Letter", "L" },
    { "Cased_Letter", "L&" },
    { "Uppercase_Letter", "Lu" },
    { "Lowercase_Letter", "Ll" },
    { "Titlecase_Letter", "Lt" },
    { "Modifier_Letter", "Lm" },
    { "Other_Letter", "Lo" },
    { "Mark", "M" },
    { "Combining_Mark", "M" },
    { "Nonspacing_Mark", "Mn" },
    { "Spacing_Mark", "Mc" },
    { "Enclosing_Mark", "Me" },
    { "Number", "N" },
    { "Decimal_Number", "Nd" },
    { "digit", "Nd" },
    { "Letter_Number", "Nl" },
    { "Other_Number", "No" },
    { "Punctuation", "P" },
    { "punct", "P" },
    { "Connector_Punctuation", "Pc" },
    { "Dash_Punctuation", "Pd" },
    { "Open_Punctuation", "Ps" },
    { "Close_Punctuation", "Pe" },
    { "Initial_Punctuation", "Pi" },
    { "Final_Punctuation", "Pf" },
    { "Other_Punctuation", "Po" },
    { "Symbol", "S" },
    { "Math_Symbol", "Sm" },
    { "Currency_Symbol", "Sc" },
    { "Modifier_Symbol", "Sk" },
    { "Other_Symbol", "So" },
    { "Separator", "Z" },
    { "Space_Separator", "Zs" },
    { "Line_Separator", "Zl" },
    { "Paragraph_Separator", "Zp" },
    { "Other", "C" },
    { "Control", "Cc" },
    { "cntrl", "Cc" },
    { "Format", "Cf" },
    { "Surrogate", "Cs" },
    { "Private_Use", "Co" },
    { "Unassigned", "Cn" },
};

static bool starts(const char *s, size_t len, const char *prefix)
{
    size_t n = strlen(prefix);
    return len >= n && memcmp(s, prefix, n) == 0;
}

/* Rewrites the name of \p{name} (ECMA: gc=, sc=, long names) for pcre2. */
static void add_property(jsch_buf *out, const char *name, size_t len)
{
    static const char *const drop[] = { "General_Category=", "gc=", "Script_Extensions=", "scx=",
                                        "Script=",           "sc=" };
    for (size_t i = 0; i < sizeof drop / sizeof drop[0]; i++) {
        if (starts(name, len, drop[i])) {
            name += strlen(drop[i]);
            len -= strlen(drop[i]);
            break;
        }
    }
    for (size_t i = 0; i < sizeof gc_names / sizeof gc_names[0]; i++) {
        if (strlen(gc_names[i][0]) == len && memcmp(gc_names[i][0], name, len) == 0) {
            jsch__buf_adds(out, gc_names[i][1]);
            return;
        }
    }
    jsch__buf_add(out, name, len);
}

/* Rewrites the ECMA-only constructs of src into pcre2 syntax. */
/* ECMA-262 letter escapes (u mode); pcre2 would accept more (\A, \Z, \h, ...)
   with meanings ECMA engines do not share, so those are refused. */
static bool ecma_letter_escape(char n)
{
    if (!((n >= 'a' && n <= 'z') || (n >= 'A' && n <= 'Z')))
        return true;
    return strchr("dDwWsSbBfnrtvcxupPk", n) != NULL;
}

/* Group openers ECMA knows: (?: (?= (?! (?<= (?<! (?<name> */
static bool ecma_group(const char *src, size_t len, size_t i)
{
    if (i + 2 >= len)
        return false;
    char a = src[i + 2];
    if (a == ':' || a == '=' || a == '!')
        return true;
    if (a != '<' || i + 3 >= len)
        return false;
    char b = src[i + 3];
    return b == '=' || b == '!' || b == '_' || b == '$' || (b >= 'a' && b <= 'z') ||
           (b >= 'A' && b <= 'Z') || (unsigned char)b >= 0x80;
}

static bool translate(const char *src, size_t len, jsch_buf *out, char *errbuf, size_t errlen)
{
    bool in_class = false;
    for (size_t i = 0; i < len; i++) {
        char ch = src[i];
        if (!in_class && ch == '(' && i + 1 < len && src[i + 1] == '?' &&
            !ecma_group(src, len, i)) {
            if (errbuf)
                snprintf(errbuf, errlen, "group syntax \"(?%.1s\" is not ECMA-262",
                         i + 2 < len ? src + i + 2 : "");
            return false;
        }
        if (ch == '\\' && i + 1 < len) {
            char n = src[i + 1];
            if (!ecma_letter_escape(n)) {
                if (errbuf)
                    snprintf(errbuf, errlen, "\"\\%c\" is not an ECMA-262 escape", n);
                return false;
            }
            int hi = hex4(src, len, i);
            if (hi >= 0xD800 && hi <= 0xDBFF) {
                int lo = hex4(src, len, i + 6);
                if (lo >= 0xDC00 && lo <= 0xDFFF) {
                    long cp = 0x10000 + (((long)hi - 0xD800) << 10) + (lo - 0xDC00);
                    jsch__buf_addf(out, "\\u{%lx}", cp);
                    i += 11;
                    continue;
                }
            }
            if ((n == 'p' || n == 'P') && i + 2 < len && src[i + 2] == '{') {
                const char *close = memchr(src + i + 3, '}', len - i - 3);
                if (close) {
                    jsch__buf_addc(out, '\\');
                    jsch__buf_addc(out, n);
                    jsch__buf_addc(out, '{');
                    add_property(out, src + i + 3, (size_t)(close - (src + i + 3)));
                    jsch__buf_addc(out, '}');
                    i = (size_t)(close - src);
                    continue;
                }
            }
            if (n == 's') {
                jsch__buf_adds(out, in_class ? ECMA_SPACES : "[" ECMA_SPACES "]");
            } else if (n == 'S' && !in_class) {
                jsch__buf_adds(out, "[^" ECMA_SPACES "]");
            } else {
                jsch__buf_addc(out, ch);
                jsch__buf_addc(out, n);
            }
            i++;
            continue;
        }
        if (!in_class && ch == '[') {
            if (i + 1 < len && src[i + 1] == ']') {
                jsch__buf_adds(out, "(?!)");
                i += 1;
                continue;
            }
            if (i + 2 < len && src[i + 1] == '^' && src[i + 2] == ']') {
                jsch__buf_adds(out, "[\\s\\S]");
                i += 2;
                continue;
            }
            in_class = true;
            jsch__buf_addc(out, ch);
            /* a leading ']' or '^]' is literal in pcre2 but closes in ECMA; handled above */
            continue;
        }
        if (in_class && ch == ']')
            in_class = false;
        if (in_class && ch == '[') {
            jsch__buf_adds(out, "\\["); /* ECMA: literal; pcre2 might read [:class:] */
            continue;
        }
        jsch__buf_addc(out, ch);
    }
    return true;
}

static pcre2_code *compile_ecma(const char *src, size_t len, char *errbuf, size_t errlen)
{
    jsch_buf t = { 0 };
    if (!translate(src, len, &t, errbuf, errlen)) {
        jsch__buf_free(&t);
        return NULL;
    }
    if (t.oom) {
        jsch__buf_free(&t);
        if (errbuf)
            snprintf(errbuf, errlen, "out of memory");
        return NULL;
    }
    pcre2_compile_context *cc = pcre2_compile_context_create(NULL);
    if (!cc) {
        jsch__buf_free(&t);
        if (errbuf)
            snprintf(errbuf, errlen, "out of memory");
        return NULL;
    }
    pcre2_set_compile_extra_options(cc, PCRE2_EXTRA_ALT_BSUX);
    int code;
    PCRE2_SIZE off;
    pcre2_code *re =
        pcre2_compile((PCRE2_SPTR)jsch__buf_cstr(&t), t.len,
                      PCRE2_UTF | PCRE2_ALT_BSUX | PCRE2_DOLLAR_ENDONLY, &code, &off, cc);
    pcre2_compile_context_free(cc);
    jsch__buf_free(&t);
    if (!re && errbuf) {
        PCRE2_UCHAR msg[120];
        pcre2_get_error_message(code, msg, sizeof msg);
        snprintf(errbuf, errlen, "%s", (const char *)msg);
    }
    return re;
}

jsch_regex *jsch__regex_compile(const char *src, size_t len, char *errbuf, size_t errlen)
{
    pcre2_code *code = compile_ecma(src, len, errbuf, errlen);
    if (!code)
        return NULL;
    jsch_regex *re = malloc(sizeof *re);
    char *copy = jsch__strndup(src, len);
    if (!re || !copy) {
        free(re);
        free(copy);
        pcre2_code_free(code);
        snprintf(errbuf, errlen, "out of memory");
        return NULL;
    }
    re->code = code;
    re->source = copy;
    return re;
}

size_t jsch_schema_jit(jsch_schema *schema)
{
    size_t i, n = 0;
    if (!schema)
        return 0;
    for (i = 0; i < schema->regexes.n; i++) {
        jsch_regex *re = schema->regexes.v[i];
        if (pcre2_jit_compile(re->code, PCRE2_JIT_COMPLETE) == 0)
            n++;
    }
    return n;
}

void jsch__regex_free(jsch_regex *re)
{
    if (!re)
        return;
    pcre2_code_free(re->code);
    free(re->source);
    free(re);
}

/* Returns 1 match, 0 no match, -1 limit exceeded / error. md is per call. */
static int regex_match(const jsch_regex *re, const char *s, size_t len, pcre2_match_data *md,
                       const pcre2_match_context *mctx)
{
    int rc = pcre2_match(re->code, (PCRE2_SPTR)s, len, 0, 0, md, (pcre2_match_context *)mctx);
    if (rc >= 0)
        return 1;
    /* jansson strings are valid UTF-8; one made with a _nocheck function
       that is not simply does not match (pcre2 reports UTF errors as -3..-23;
       PCRE2_MATCH_INVALID_UTF would avoid them but misbehaves with JIT in 10.42) */
    if (rc == PCRE2_ERROR_NOMATCH || (rc <= PCRE2_ERROR_UTF8_ERR1 && rc >= PCRE2_ERROR_UTF8_ERR21))
        return 0;
    return -1;
}

int jsch__vctx_match(const jsch_vctx *c, const char *kwname, const jsch_regex *re, const char *s,
                     size_t len)
{
    if (!c->st->md) {
        c->st->md = pcre2_match_data_create(1, NULL);
        if (!c->st->md) {
            jsch__report_fatal(c, kwname, "out of memory");
            return -1;
        }
    }
    int m = regex_match(re, s, len, c->st->md, c->st->schema->mctx);
    if (m < 0) {
        jsch_buf b = { 0 };
        jsch__buf_adds(&b, "pattern match limit exceeded for ");
        jsch__msg_quoted(&b, re->source, strlen(re->source));
        jsch__report_fatal(c, kwname, jsch__buf_cstr(&b));
        jsch__buf_free(&b);
    }
    return m;
}

bool jsch__regex_is_valid_ecma(const char *src, size_t len)
{
    pcre2_code *code = compile_ecma(src, len, NULL, 0);
    if (!code)
        return false;
    pcre2_code_free(code);
    return true;
}
