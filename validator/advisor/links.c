/*
 * links.c - learnMoreLink and documentLink values.
 *
 * A link is an absolute http(s) URL, or starts with a {placeholder} that the
 * portal fills from the recommendation's row at run time. URLs are checked
 * for what breaks them in practice (white space, no host, another scheme)
 * rather than against the full RFC 3986 grammar. Documentation hosts that
 * pick the reader's language themselves also serve each page under a locale
 * segment ("/en-us/"); adv_link_locale finds one so it can be removed.
 */
#include "advisor.h"

#include <ctype.h>
#include <jansson.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "../util/jsonptr.h"

static int is_name_char(char c)
{
    return isalnum((unsigned char)c) || c == '_' || c == '.' || c == '-';
}

int adv_placeholders_check(const char *s, size_t *at, char *why, size_t n)
{
    size_t i = 0;
    while (s[i]) {
        if (s[i] == '}') {
            *at = i;
            snprintf(why, n, "'}' without a matching '{'");
            return -1;
        }
        if (s[i] != '{') {
            i++;
            continue;
        }
        {
            size_t j = i + 1;
            while (s[j] && is_name_char(s[j]))
                j++;
            if (s[j] != '}') {
                *at = i;
                if (!s[j] || s[j] == '{')
                    snprintf(why, n, "placeholder at character %zu is not closed with '}'", i + 1);
                else
                    snprintf(why, n, "placeholder at character %zu has '%c' in its name", i + 1,
                             s[j]);
                return -1;
            }
            if (j == i + 1) {
                *at = i;
                snprintf(why, n, "empty placeholder '{}'");
                return -1;
            }
            i = j + 1;
        }
    }
    return 0;
}

static int all_alpha(const char *s, size_t n)
{
    size_t i;
    for (i = 0; i < n; i++)
        if (!isalpha((unsigned char)s[i]))
            return 0;
    return 1;
}

static int all_digit(const char *s, size_t n)
{
    size_t i;
    for (i = 0; i < n; i++)
        if (!isdigit((unsigned char)s[i]))
            return 0;
    return 1;
}

/* A script subtag documentation sites use (zh-hans, sr-latn-rs). */
static int is_script(const char *s, size_t n)
{
    static const char *const scripts[] = { "hans", "hant", "latn", "cyrl" };
    size_t i;
    if (n != 4)
        return 0;
    for (i = 0; i < sizeof(scripts) / sizeof(scripts[0]); i++)
        if (!strncasecmp(s, scripts[i], 4))
            return 1;
    return 0;
}

static int is_region(const char *s, size_t n)
{
    return (n == 2 && all_alpha(s, 2)) || (n == 3 && all_digit(s, 3));
}

int adv_locale_tag(const char *s, size_t len)
{
    const char *end = s + len, *dash = memchr(s, '-', len), *p;
    size_t n;
    if (!dash || dash - s < 2 || dash - s > 3 || !all_alpha(s, (size_t)(dash - s)))
        return 0;
    p = dash + 1;
    dash = memchr(p, '-', (size_t)(end - p));
    n = (size_t)((dash ? dash : end) - p);
    if (is_script(p, n)) {
        if (!dash)
            return 1;
        p = dash + 1;
        return !memchr(p, '-', (size_t)(end - p)) && is_region(p, (size_t)(end - p));
    }
    return !dash && is_region(p, n);
}

int adv_link_locale(const char *url, size_t *off, size_t *len)
{
    static const char *const hosts[] = {
        "learn.microsoft.com",
        "docs.microsoft.com",
        "azure.microsoft.com",
        "docs.azure.cn",
    };
    char host[256], why[160];
    const char *h, *seg, *e;
    adv_link_kind k = adv_link_check(url, host, sizeof(host), why, sizeof(why));
    size_t i;
    int known = 0;

    if (k != ADV_LINK_HTTPS && k != ADV_LINK_HTTP)
        return 0;
    for (i = 0; i < sizeof(hosts) / sizeof(hosts[0]) && !known; i++)
        known = !strcmp(host, hosts[i]);
    if (!known)
        return 0;
    h = strstr(url, "://") + 3;
    seg = h + strlen(host);
    if (*seg != '/')
        return 0;
    for (e = seg + 1; *e && *e != '/' && *e != '?' && *e != '#'; e++)
        ;
    if (!adv_locale_tag(seg + 1, (size_t)(e - seg - 1)))
        return 0;
    *off = (size_t)(seg - url);
    *len = (size_t)(e - seg);
    return 1;
}

adv_link_kind adv_link_check(const char *s, char *host, size_t hostlen, char *why, size_t n)
{
    const char *p, *h;
    size_t hl, i;
    adv_link_kind kind;

    if (host && hostlen)
        host[0] = '\0';
    if (!*s)
        return ADV_LINK_EMPTY;
    for (i = 0; s[i]; i++) {
        if (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r') {
            snprintf(why, n, "white space at character %zu", i + 1);
            return ADV_LINK_MALFORMED;
        }
    }
    if (s[0] == '{')
        return ADV_LINK_PLACEHOLDER;
    if (strncasecmp(s, "https://", 8) == 0) {
        kind = ADV_LINK_HTTPS;
        p = s + 8;
    } else if (strncasecmp(s, "http://", 7) == 0) {
        kind = ADV_LINK_HTTP;
        p = s + 7;
    } else {
        snprintf(why, n, "not an absolute https URL or a {placeholder}");
        return ADV_LINK_MALFORMED;
    }
    h = p;
    while (*p && *p != '/' && *p != '?' && *p != '#' && *p != ':')
        p++;
    hl = (size_t)(p - h);
    if (hl == 0) {
        snprintf(why, n, "no host after the scheme");
        return ADV_LINK_MALFORMED;
    }
    for (i = 0; i < hl; i++) {
        if (!isalnum((unsigned char)h[i]) && h[i] != '-' && h[i] != '.' && h[i] != '{' &&
            h[i] != '}' && h[i] != '_') {
            snprintf(why, n, "'%c' is not allowed in the host", h[i]);
            return ADV_LINK_MALFORMED;
        }
    }
    if (host && hostlen) {
        size_t k = hl < hostlen - 1 ? hl : hostlen - 1;
        for (i = 0; i < k; i++)
            host[i] = (char)tolower((unsigned char)h[i]);
        host[k] = '\0';
    }
    return kind;
}

/* "/actions/" + I + "/documentLink", without printf: this runs for every file. */
static void action_link_pointer(char *out, size_t i)
{
    char digits[24];
    size_t n = 0, w = 0;
    static const char head[] = "/actions/", tail[] = "/documentLink";
    do {
        digits[n++] = (char)('0' + i % 10);
        i /= 10;
    } while (i && n < sizeof(digits));
    memcpy(out, head, sizeof(head) - 1);
    w = sizeof(head) - 1;
    while (n)
        out[w++] = digits[--n];
    memcpy(out + w, tail, sizeof(tail));
}

size_t adv_links(void *body_v, adv_link *links, size_t max)
{
    json_t *body = body_v, *actions, *ra, *v;
    size_t n = 0, i;

    if (!json_is_object(body))
        return 0;
    v = json_object_get(body, "learnMoreLink");
    if (n < max && json_is_string(v)) {
        links[n].value = json_string_value(v);
        memcpy(links[n++].pointer, "/learnMoreLink", sizeof("/learnMoreLink"));
    }
    actions = json_object_get(body, "actions");
    for (i = 0; json_is_array(actions) && i < json_array_size(actions) && n < max; i++) {
        v = json_object_get(json_array_get(actions, i), "documentLink");
        if (json_is_string(v)) {
            links[n].value = json_string_value(v);
            action_link_pointer(links[n++].pointer, i);
        }
    }
    ra = json_object_get(json_object_get(body, "resourceMetadata"), "action");
    v = json_object_get(ra, "documentLink");
    if (n < max && json_is_string(v)) {
        static const char p[] = "/resourceMetadata/action/documentLink";
        links[n].value = json_string_value(v);
        memcpy(links[n++].pointer, p, sizeof(p));
    }
    return n;
}

char *adv_pointer_to_path(const char *pointer, char *out, size_t n)
{
    size_t w = 0;
    const char *p = pointer;

    if (!n)
        return out;
    while (*p && w + 1 < n) {
        const char *seg = ++p, *e = seg;
        int numeric = 1;
        while (*e && *e != '/') {
            if (*e < '0' || *e > '9')
                numeric = 0;
            e++;
        }
        if (e == seg)
            numeric = 0;
        if (numeric) {
            w += (size_t)snprintf(out + w, n - w, "[%.*s]", (int)(e - seg), seg);
        } else {
            if (w > 0 && w + 1 < n)
                out[w++] = '.';
            if (w + 1 < n) {
                size_t room = n - 1 - w;
                size_t k = al_jsonptr_unescape(seg, (size_t)(e - seg), out + w, room);
                w += k < room ? k : room;
            }
        }
        if (w >= n)
            w = n - 1;
        p = e;
    }
    out[w] = '\0';
    return out;
}
