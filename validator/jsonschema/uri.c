/*
 * uri.c - URI references (RFC 3986) and JSON pointer text (RFC 6901).
 *
 * Resolution splits both URIs into their five components and follows the
 * algorithm of RFC 3986 section 5.2 literally, including dot-segment removal,
 * so "$id"/"$ref" combine exactly as the specification says. The validity
 * checks behind the "uri" and "uri-reference" formats walk the grammar of
 * RFC 3986 section 3 directly; "iri"/"iri-reference" (RFC 3987) additionally
 * accept non-ASCII characters outside IP literals.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "jsonschema_private.h"

typedef struct uri_parts {
    const char *scheme;
    size_t scheme_len;
    bool has_scheme;
    const char *auth;
    size_t auth_len;
    bool has_auth;
    const char *path;
    size_t path_len;
    const char *query;
    size_t query_len;
    bool has_query;
    const char *frag;
    size_t frag_len;
    bool has_frag;
} uri_parts;

static bool is_scheme_char(char c)
{
    return isalnum((unsigned char)c) || c == '+' || c == '-' || c == '.';
}

static size_t scheme_len(const char *s, size_t len)
{
    if (len == 0 || !isalpha((unsigned char)s[0]))
        return 0;
    size_t i = 1;
    while (i < len && is_scheme_char(s[i]))
        i++;
    return (i < len && s[i] == ':') ? i : 0;
}

bool jsch__uri_has_scheme(const char *s)
{
    return scheme_len(s, strlen(s)) > 0;
}

static void uri_split(const char *s, size_t len, uri_parts *p)
{
    memset(p, 0, sizeof *p);
    size_t i = 0;
    size_t sl = scheme_len(s, len);
    if (sl) {
        p->has_scheme = true;
        p->scheme = s;
        p->scheme_len = sl;
        i = sl + 1;
    }
    if (i + 1 < len && s[i] == '/' && s[i + 1] == '/') {
        size_t a = i + 2, e = a;
        while (e < len && s[e] != '/' && s[e] != '?' && s[e] != '#')
            e++;
        p->has_auth = true;
        p->auth = s + a;
        p->auth_len = e - a;
        i = e;
    }
    size_t e = i;
    while (e < len && s[e] != '?' && s[e] != '#')
        e++;
    p->path = s + i;
    p->path_len = e - i;
    i = e;
    if (i < len && s[i] == '?') {
        e = i + 1;
        while (e < len && s[e] != '#')
            e++;
        p->has_query = true;
        p->query = s + i + 1;
        p->query_len = e - i - 1;
        i = e;
    }
    if (i < len && s[i] == '#') {
        p->has_frag = true;
        p->frag = s + i + 1;
        p->frag_len = len - i - 1;
    }
}

/* RFC 3986 5.2.4, writing into out (which has room for len bytes). */
static size_t remove_dot_segments(const char *in, size_t len, char *out)
{
    size_t o = 0, i = 0;
    while (i < len) {
        const char *r = in + i;
        size_t rl = len - i;
        if (rl >= 3 && memcmp(r, "../", 3) == 0) {
            i += 3;
            continue;
        }
        if (rl >= 2 && memcmp(r, "./", 2) == 0) {
            i += 2;
            continue;
        }
        if (rl >= 3 && memcmp(r, "/./", 3) == 0) {
            i += 2;
            continue;
        }
        if (rl == 2 && memcmp(r, "/.", 2) == 0) {
            out[o++] = '/';
            break;
        }
        if ((rl >= 4 && memcmp(r, "/../", 4) == 0) || (rl == 3 && memcmp(r, "/..", 3) == 0)) {
            while (o > 0 && out[o - 1] != '/')
                o--;
            if (o > 0)
                o--;
            if (rl == 3) {
                out[o++] = '/';
                break;
            }
            i += 3;
            continue;
        }
        if ((rl == 1 && r[0] == '.') || (rl == 2 && memcmp(r, "..", 2) == 0))
            break;
        size_t j = (r[0] == '/') ? 1 : 0;
        while (j < rl && r[j] != '/')
            j++;
        memcpy(out + o, r, j);
        o += j;
        i += j;
    }
    return o;
}

static void add_path(jsch_buf *b, const char *path, size_t len)
{
    char *tmp = malloc(len + 1);
    if (!tmp) {
        b->oom = true;
        return;
    }
    size_t n = remove_dot_segments(path, len, tmp);
    jsch__buf_add(b, tmp, n);
    free(tmp);
}

char *jsch__uri_resolve(const char *base, const char *ref)
{
    uri_parts B, R;
    uri_split(base, strlen(base), &B);
    uri_split(ref, strlen(ref), &R);
    jsch_buf out = { 0 };
    const uri_parts *q; /* where the query comes from */
    if (R.has_scheme) {
        jsch__buf_add(&out, R.scheme, R.scheme_len);
        jsch__buf_addc(&out, ':');
        if (R.has_auth) {
            jsch__buf_adds(&out, "//");
            jsch__buf_add(&out, R.auth, R.auth_len);
        }
        add_path(&out, R.path, R.path_len);
        q = &R;
    } else {
        if (B.has_scheme) {
            jsch__buf_add(&out, B.scheme, B.scheme_len);
            jsch__buf_addc(&out, ':');
        }
        if (R.has_auth) {
            jsch__buf_adds(&out, "//");
            jsch__buf_add(&out, R.auth, R.auth_len);
            add_path(&out, R.path, R.path_len);
            q = &R;
        } else {
            if (B.has_auth) {
                jsch__buf_adds(&out, "//");
                jsch__buf_add(&out, B.auth, B.auth_len);
            }
            if (R.path_len == 0) {
                jsch__buf_add(&out, B.path, B.path_len);
                q = R.has_query ? &R : &B;
            } else if (R.path[0] == '/') {
                add_path(&out, R.path, R.path_len);
                q = &R;
            } else {
                /* merge (5.2.3) */
                jsch_buf m = { 0 };
                if (B.has_auth && B.path_len == 0) {
                    jsch__buf_addc(&m, '/');
                } else {
                    size_t k = B.path_len;
                    while (k > 0 && B.path[k - 1] != '/')
                        k--;
                    jsch__buf_add(&m, B.path, k);
                }
                jsch__buf_add(&m, R.path, R.path_len);
                add_path(&out, jsch__buf_cstr(&m), m.len);
                if (m.oom)
                    out.oom = true;
                jsch__buf_free(&m);
                q = &R;
            }
        }
    }
    if (q->has_query) {
        jsch__buf_addc(&out, '?');
        jsch__buf_add(&out, q->query, q->query_len);
    }
    if (R.has_frag) {
        jsch__buf_addc(&out, '#');
        jsch__buf_add(&out, R.frag, R.frag_len);
    }
    return jsch__buf_steal(&out);
}

size_t jsch__uri_base_len(const char *uri)
{
    const char *h = strchr(uri, '#');
    return h ? (size_t)(h - uri) : strlen(uri);
}

/* ---- validity (formats "uri" and "uri-reference") ---- */

static bool is_unreserved(char c)
{
    return isalnum((unsigned char)c) || c == '-' || c == '.' || c == '_' || c == '~';
}

static bool is_subdelim(char c)
{
    return c && strchr("!$&'()*+,;=", c) != NULL;
}

/* Checks s[0..len) consists of unreserved/sub-delims/pct-encoded and the
   characters in extra. */
static bool chars_ok(const char *s, size_t len, const char *extra, bool iri)
{
    for (size_t i = 0; i < len; i++) {
        char c = s[i];
        if (c == '%') {
            if (i + 2 >= len || !isxdigit((unsigned char)s[i + 1]) ||
                !isxdigit((unsigned char)s[i + 2]))
                return false;
            i += 2;
            continue;
        }
        if (is_unreserved(c) || is_subdelim(c))
            continue;
        if (iri && (unsigned char)c >= 0x80)
            continue; /* ucschar/iprivate, approximately */
        if (c && strchr(extra, c))
            continue;
        return false;
    }
    return true;
}

static bool authority_ok(const char *a, size_t len, bool iri)
{
    const char *at = memchr(a, '@', len);
    if (at) {
        if (!chars_ok(a, (size_t)(at - a), ":", iri))
            return false;
        len -= (size_t)(at - a) + 1;
        a = at + 1;
    }
    size_t hostlen;
    if (len > 0 && a[0] == '[') {
        const char *close = memchr(a, ']', len);
        if (!close)
            return false;
        const char *ip = a + 1;
        size_t iplen = (size_t)(close - ip);
        if (iplen > 0 && (ip[0] == 'v' || ip[0] == 'V')) {
            if (!chars_ok(ip, iplen, ":", false))
                return false;
        } else if (!jsch__format_ipv6_valid(ip, iplen)) {
            return false;
        }
        hostlen = (size_t)(close - a) + 1;
    } else {
        hostlen = 0;
        while (hostlen < len && a[hostlen] != ':')
            hostlen++;
        if (!chars_ok(a, hostlen, "", iri))
            return false;
    }
    if (hostlen == len)
        return true;
    if (a[hostlen] != ':')
        return false;
    for (size_t i = hostlen + 1; i < len; i++)
        if (!isdigit((unsigned char)a[i]))
            return false;
    return true;
}

bool jsch__uri_valid(const char *s, size_t len, bool reference, bool iri)
{
    if (memchr(s, '\0', len))
        return false;
    uri_parts p;
    uri_split(s, len, &p);
    if (!p.has_scheme) {
        if (!reference)
            return false;
        /* path-noscheme: no ':' in the first segment */
        if (!p.has_auth) {
            size_t k = 0;
            while (k < p.path_len && p.path[k] != '/')
                k++;
            if (memchr(p.path, ':', k))
                return false;
        }
    }
    if (p.has_auth && !authority_ok(p.auth, p.auth_len, iri))
        return false;
    if (!chars_ok(p.path, p.path_len, ":@/", iri))
        return false;
    if (p.has_query && !chars_ok(p.query, p.query_len, ":@/?", iri))
        return false;
    if (p.has_frag && !chars_ok(p.frag, p.frag_len, ":@/?", iri))
        return false;
    return true;
}

/* ---- JSON pointer and fragment text ---- */

void jsch__ptr_escape(jsch_buf *b, const char *key, size_t len)
{
    size_t start = 0;
    for (size_t i = 0; i < len; i++) {
        if (key[i] != '~' && key[i] != '/')
            continue;
        jsch__buf_add(b, key + start, i - start);
        jsch__buf_adds(b, key[i] == '~' ? "~0" : "~1");
        start = i + 1;
    }
    jsch__buf_add(b, key + start, len - start);
}

void jsch__frag_escape(jsch_buf *b, const char *s, size_t len)
{
    static const char hex[] = "0123456789ABCDEF";
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        if (is_unreserved((char)c) || is_subdelim((char)c) || c == ':' || c == '@' || c == '/' ||
            c == '?') {
            jsch__buf_addc(b, (char)c);
        } else {
            char e[3] = { '%', hex[c >> 4], hex[c & 15] };
            jsch__buf_add(b, e, 3);
        }
    }
}

static int hexval(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

char *jsch__pct_decode(const char *s, size_t len, size_t *outlen)
{
    char *d = malloc(len + 1);
    if (!d)
        return NULL;
    size_t o = 0;
    for (size_t i = 0; i < len; i++) {
        if (s[i] != '%') {
            d[o++] = s[i];
            continue;
        }
        if (i + 2 >= len) {
            free(d);
            return NULL;
        }
        int h = hexval(s[i + 1]), l = hexval(s[i + 2]);
        if (h < 0 || l < 0) {
            free(d);
            return NULL;
        }
        d[o++] = (char)(h * 16 + l);
        i += 2;
    }
    d[o] = '\0';
    *outlen = o;
    return d;
}
