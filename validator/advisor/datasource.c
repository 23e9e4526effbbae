/*
 * datasource.c - the clusters a Kusto streamNamespace queries.
 *
 * A Kusto data source names its table as a query expression,
 * "cluster('https://NAME.kusto.windows.net').database('DB').Table", the
 * cluster written as a URL or a bare host, in single or double quotes. Each
 * cluster( call is found (not one inside a longer name such as
 * "mycluster("); its argument runs to the matching quote, and the host is
 * the argument without "https://" and without a port or path. Whether the
 * host is well formed is for adv_host_check to say.
 */
#include "advisor.h"

#include <ctype.h>
#include <string.h>
#include <strings.h>

static int ident_char(char c)
{
    return isalnum((unsigned char)c) || c == '_';
}

/* Fills CL's host range from its argument [ARG, ARG + LEN) at offset OFF of the string. */
static void find_host(adv_cluster *cl, const char *arg, size_t len, size_t off)
{
    size_t h = 0, e;
    if (len >= 8 && !strncasecmp(arg, "https://", 8))
        h = 8;
    else if (len >= 7 && !strncasecmp(arg, "http://", 7))
        h = 7;
    for (e = h; e < len && arg[e] != '/' && arg[e] != ':'; e++)
        ;
    cl->host_off = off + h;
    cl->host_len = e - h;
}

size_t adv_stream_clusters(const char *s, adv_cluster *out, size_t max)
{
    static const char word[] = "cluster(";
    const char *p = s;
    size_t n = 0;

    while (n < max && (p = strstr(p, word)) != NULL) {
        const char *arg, *q;
        char quote;
        if (p > s && ident_char(p[-1])) {
            p += sizeof(word) - 1;
            continue;
        }
        p += sizeof(word) - 1;
        while (*p == ' ' || *p == '\t')
            p++;
        if (*p != '\'' && *p != '"')
            continue;
        quote = *p;
        arg = p + 1;
        q = strchr(arg, quote);
        out[n].arg_off = (size_t)(arg - s);
        out[n].arg_len = q ? (size_t)(q - arg) : strlen(arg);
        out[n].closed = q != NULL;
        find_host(&out[n], arg, out[n].arg_len, out[n].arg_off);
        n++;
        p = q ? q + 1 : arg + strlen(arg);
    }
    return n;
}
