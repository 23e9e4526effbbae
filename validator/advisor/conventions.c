/*
 * conventions.c - how a new recommendation is named, placed and identified.
 *
 * What the real content tree does, written down so `advisor-codegen new`
 * follows it: a random v4 GUID for each new identity (from getrandom, else
 * /dev/urandom; never a clock or rand()), the category and impact names,
 * the ARM resource type's form, the folder a resource type's files live in
 * (articles/advisorrecommendation.<provider><type>, lower case), the file
 * stem (the friendly name in lower case, letters and digits only), the
 * PascalCase friendly name of a title, how clouds are grouped into files
 * (Public carries USNat and USSec; Fairfax and Mooncake stand alone) and
 * each cloud's documentation and portal hosts, used to rewrite links when
 * a variant is made for another cloud. tests/unit/test_advisor_conventions.c
 * checks each; tests/codegen/conventions.sh measures the folder and stem
 * rules against the real corpus.
 */
#include "advisor.h"

#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <sys/random.h>
#include <unistd.h>

/* Fills BUF with N bytes of the kernel's entropy. Returns 0 or -1 (errno). */
static int entropy(unsigned char *buf, size_t n)
{
    size_t got = 0;
    int fd;
    while (got < n) {
        ssize_t r = getrandom(buf + got, n - got, 0);
        if (r < 0 && errno == EINTR)
            continue;
        if (r < 0)
            break;
        got += (size_t)r;
    }
    if (got == n)
        return 0;
    /* getrandom is missing (ENOSYS on an old kernel): the device it reads */
    fd = open("/dev/urandom", O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return -1;
    got = 0;
    while (got < n) {
        ssize_t r = read(fd, buf + got, n - got);
        if (r < 0 && errno == EINTR)
            continue;
        if (r <= 0) {
            close(fd);
            errno = r == 0 ? EIO : errno;
            return -1;
        }
        got += (size_t)r;
    }
    close(fd);
    return 0;
}

int adv_guid_v4(char out[ADV_GUID_SIZE])
{
    unsigned char b[16];
    if (entropy(b, sizeof(b)) != 0)
        return -1;
    b[6] = (unsigned char)((b[6] & 0x0f) | 0x40); /* version 4 */
    b[8] = (unsigned char)((b[8] & 0x3f) | 0x80); /* RFC 4122 variant */
    snprintf(out, ADV_GUID_SIZE,
             "%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-%02x%02x%02x%02x%02x%02x", b[0], b[1],
             b[2], b[3], b[4], b[5], b[6], b[7], b[8], b[9], b[10], b[11], b[12], b[13], b[14],
             b[15]);
    return 0;
}

int adv_guid_is_nil(const char *s, size_t len)
{
    return len == 36 && !strncmp(s, ADV_GUID_NIL, 36);
}

int adv_title_is_placeholder(const char *title)
{
    return !strcasecmp(title, "Sample title");
}

/* The entry of NAMES equal to S in any case, or NULL. */
static const char *lookup(const char *const *names, const char *s)
{
    for (; *names; names++)
        if (!strcasecmp(*names, s))
            return *names;
    return NULL;
}

const char *adv_category_lookup(const char *s)
{
    static const char *const names[] = {
        "HighAvailability", "Security", "Performance", "Cost", "OperationalExcellence", NULL,
    };
    return lookup(names, s);
}

const char *adv_impact_lookup(const char *s)
{
    static const char *const names[] = { "High", "Medium", "Low", NULL };
    return lookup(names, s);
}

const char *adv_data_source_lookup(const char *s)
{
    static const char *const names[] = { "Kusto", "SAS", "Cosmos", NULL };
    return lookup(names, s);
}

int adv_resource_type_check(const char *s, char *why, size_t n)
{
    const char *slash = strchr(s, '/'), *p;
    size_t label = 0, dots = 0;
    if (!*s) {
        snprintf(why, n, "is empty");
        return -1;
    }
    if (!slash) {
        snprintf(why, n,
                 "has no '/' between the namespace and the type "
                 "(Namespace.Provider/type, e.g. Microsoft.Network/virtualNetworkGateways)");
        return -1;
    }
    for (p = s; *p; p++) {
        unsigned char c = (unsigned char)*p;
        if (isalnum(c)) {
            label++;
            continue;
        }
        if ((c != '.' || p > slash) && c != '/') {
            snprintf(why, n, "has '%c' at character %zu, expected letters, digits, '.' or '/'",
                     isprint(c) ? c : '?', (size_t)(p - s) + 1);
            return -1;
        }
        if (label == 0) {
            snprintf(why, n, "has an empty part before character %zu", (size_t)(p - s) + 1);
            return -1;
        }
        dots += c == '.';
        label = 0;
    }
    if (label == 0) {
        snprintf(why, n, "ends with '%c'", p[-1]);
        return -1;
    }
    if (dots == 0) {
        snprintf(why, n,
                 "has a namespace without '.' (expected Namespace.Provider, e.g. "
                 "Microsoft.Network)");
        return -1;
    }
    return 0;
}

int adv_folder_for_type(const char *type, char *out, size_t n)
{
    const char *dot = strchr(type, '.'), *p;
    size_t len = 0;
    char why[160];
    if (adv_resource_type_check(type, why, sizeof(why)) != 0 || !dot)
        return -1;
    len = (size_t)snprintf(out, n, "advisorrecommendation.");
    /* the provider without its company ("Network" of Microsoft.Network),
       then every type segment: all letters and digits, lower case */
    for (p = dot + 1; *p; p++) {
        if (!isalnum((unsigned char)*p))
            continue;
        if (len + 1 >= n)
            return -1;
        out[len++] = (char)tolower((unsigned char)*p);
    }
    out[len] = '\0';
    return 0;
}

int adv_file_stem(const char *friendly, char *out, size_t n)
{
    size_t len = 0;
    for (; *friendly; friendly++) {
        if (!isalnum((unsigned char)*friendly))
            continue;
        if (len + 1 >= n)
            return -1;
        out[len++] = (char)tolower((unsigned char)*friendly);
    }
    out[len] = '\0';
    return len ? 0 : -1;
}

int adv_pascal_case(const char *name, char *out, size_t n)
{
    size_t len = 0;
    int start = 1;
    for (; *name; name++) {
        unsigned char c = (unsigned char)*name;
        if (!isalnum(c)) {
            start = 1;
            continue;
        }
        if (len + 1 >= n)
            return -1;
        out[len++] = (char)(start ? toupper(c) : c);
        start = 0;
    }
    out[len] = '\0';
    return len ? 0 : -1;
}

/* ---- clouds in files ---- */

static const unsigned order[] = {
    ADV_CLOUD_PUBLIC, ADV_CLOUD_FAIRFAX, ADV_CLOUD_MOONCAKE, ADV_CLOUD_USNAT, ADV_CLOUD_USSEC,
};
#define NCLOUDS (sizeof(order) / sizeof(order[0]))

size_t adv_cloud_groups(unsigned clouds, unsigned *groups, size_t max)
{
    size_t i, count = 0;
    unsigned rides = ADV_CLOUD_USNAT | ADV_CLOUD_USSEC;
    for (i = 0; i < NCLOUDS && count < max; i++) {
        unsigned bit = order[i];
        if (!(clouds & bit))
            continue;
        if ((bit & rides) && (clouds & ADV_CLOUD_PUBLIC))
            continue; /* in the Public file */
        groups[count++] = bit == ADV_CLOUD_PUBLIC ? bit | (clouds & rides) : bit;
    }
    return count;
}

unsigned adv_cloud_first(unsigned group)
{
    size_t i;
    for (i = 0; i < NCLOUDS; i++)
        if (group & order[i])
            return order[i];
    return 0;
}

int adv_clouds_format(unsigned group, char *out, size_t n)
{
    size_t i, len = 0;
    if (n == 0)
        return -1;
    out[0] = '\0';
    for (i = 0; i < NCLOUDS; i++) {
        int w;
        if (!(group & order[i]))
            continue;
        w = snprintf(out + len, n - len, "%s%s", len ? ", " : "", adv_cloud_name(order[i]));
        if (w < 0 || (size_t)w >= n - len)
            return -1;
        len += (size_t)w;
    }
    return len ? 0 : -1;
}

const char *adv_cloud_suffix(unsigned bit)
{
    switch (bit) {
    case ADV_CLOUD_PUBLIC: return "public";
    case ADV_CLOUD_FAIRFAX: return "fairfax";
    case ADV_CLOUD_MOONCAKE: return "mooncake";
    case ADV_CLOUD_USNAT: return "usnat";
    case ADV_CLOUD_USSEC: return "ussec";
    default: return NULL;
    }
}

const char *adv_cloud_docs_host(unsigned bit)
{
    return bit == ADV_CLOUD_MOONCAKE ? "docs.azure.cn" : "learn.microsoft.com";
}

const char *adv_cloud_docs_root(unsigned bit)
{
    return bit == ADV_CLOUD_MOONCAKE ? "https://docs.azure.cn/"
                                     : "https://learn.microsoft.com/azure/";
}

/* The portal of a cloud that has a public one. */
static const char *portal_host(unsigned bit)
{
    switch (bit) {
    case ADV_CLOUD_PUBLIC: return "portal.azure.com";
    case ADV_CLOUD_FAIRFAX: return "portal.azure.us";
    case ADV_CLOUD_MOONCAKE: return "portal.azure.cn";
    default: return NULL;
    }
}

static int is_global_docs(const char *host, size_t len)
{
    return (len == 19 && !strncasecmp(host, "learn.microsoft.com", len)) ||
           (len == 18 && !strncasecmp(host, "docs.microsoft.com", len));
}

static int is_portal(const char *host, size_t len)
{
    return (len == 16 && !strncasecmp(host, "portal.azure.com", len)) ||
           (len == 15 && (!strncasecmp(host, "portal.azure.us", len) ||
                          !strncasecmp(host, "portal.azure.cn", len)));
}

/* Skips a locale segment ("en-us/") at the start of PATH. */
static const char *skip_locale(const char *path)
{
    size_t seg = strcspn(path, "/?#");
    if (path[seg] == '/' && adv_locale_tag(path, seg))
        return path + seg + 1;
    return path;
}

int adv_link_for_cloud(const char *url, unsigned cloud, char *out, size_t n)
{
    const char *host, *path;
    size_t hlen;
    int w;
    if (strncasecmp(url, "https://", 8) != 0)
        return 0;
    host = url + 8;
    hlen = strcspn(host, "/?#");
    path = host[hlen] == '/' ? host + hlen + 1 : host + hlen;
    if (is_portal(host, hlen) && portal_host(cloud)) {
        w = snprintf(out, n, "https://%s%s%s", portal_host(cloud), *path ? "/" : "", path);
    } else if (cloud == ADV_CLOUD_MOONCAKE && is_global_docs(host, hlen)) {
        /* learn.microsoft.com/en-us/azure/aks/x is docs.azure.cn/aks/x */
        path = skip_locale(path);
        if (!strncmp(path, "azure/", 6))
            path += 6;
        w = snprintf(out, n, "https://docs.azure.cn/%s", path);
    } else if (cloud != ADV_CLOUD_MOONCAKE && hlen == 13 &&
               !strncasecmp(host, "docs.azure.cn", 13)) {
        path = skip_locale(path);
        w = snprintf(out, n, "https://learn.microsoft.com/%s%s",
                     strncmp(path, "azure/", 6) ? "azure/" : "", path);
    } else {
        return 0;
    }
    if (w < 0 || (size_t)w >= n)
        return -1;
    return strcmp(out, url) != 0;
}
