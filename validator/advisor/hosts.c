/*
 * hosts.c - which cloud a host name belongs to, and whether it is one.
 *
 * Each cloud has domains of its own: a Kusto cluster in Azure Government is
 * NAME.REGION.kusto.usgovcloudapi.net, the China portal and documentation
 * live under azure.cn. A host is matched against those domains at a label
 * boundary ("x.azure.cn" is Mooncake, "xazure.cn" is not). Hosts that serve
 * every cloud (learn.microsoft.com, aka.ms) belong to none.
 */
#include "advisor.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

static const struct {
    const char *domain;
    unsigned cloud;
} domains[] = {
    { "windows.net", ADV_CLOUD_PUBLIC },        /* x.kusto.windows.net, x.blob.core.windows.net */
    { "azure.com", ADV_CLOUD_PUBLIC },          /* portal.azure.com */
    { "usgovcloudapi.net", ADV_CLOUD_FAIRFAX }, /* x.kusto.usgovcloudapi.net */
    { "azure.us", ADV_CLOUD_FAIRFAX },          /* portal.azure.us */
    { "chinacloudapi.cn", ADV_CLOUD_MOONCAKE }, /* x.chinanorth2.kusto.chinacloudapi.cn */
    { "azure.cn", ADV_CLOUD_MOONCAKE },         /* docs.azure.cn, support.azure.cn */
    { "eaglex.ic.gov", ADV_CLOUD_USNAT },       /* x.kusto.core.eaglex.ic.gov */
    { "microsoft.scloud", ADV_CLOUD_USSEC },    /* x.kusto.core.microsoft.scloud */
};

/* Whether HOST (LEN bytes) is DOMAIN or a name below it. */
static int under(const char *host, size_t len, const char *domain)
{
    size_t d = strlen(domain);
    if (len < d || strncasecmp(host + len - d, domain, d) != 0)
        return 0;
    return len == d || host[len - d - 1] == '.';
}

unsigned adv_host_cloud(const char *host, size_t len)
{
    size_t i;
    while (len && host[len - 1] == '.') /* a fully qualified "x.azure.cn." */
        len--;
    for (i = 0; i < sizeof(domains) / sizeof(domains[0]); i++)
        if (under(host, len, domains[i].domain))
            return domains[i].cloud;
    return 0;
}

int adv_host_check(const char *host, size_t len, char *why, size_t n)
{
    size_t i, label = 0, labels = 1;
    if (len == 0) {
        snprintf(why, n, "is empty");
        return -1;
    }
    for (i = 0; i < len; i++) {
        unsigned char ch = (unsigned char)host[i];
        if (ch == '.') {
            if (label == 0) {
                snprintf(why, n, "has an empty label at character %zu", i + 1);
                return -1;
            }
            label = 0;
            labels++;
            continue;
        }
        if (!isalnum(ch) && ch != '-') {
            if (ch > 0x20 && ch < 0x7f)
                snprintf(why, n, "has '%c' at character %zu, which is not allowed in a host name",
                         ch, i + 1);
            else
                snprintf(why, n,
                         "has byte 0x%02x at character %zu, which is not allowed in a "
                         "host name",
                         ch, i + 1);
            return -1;
        }
        label++;
    }
    if (label == 0) {
        snprintf(why, n, "ends with '.'");
        return -1;
    }
    if (labels < 2) {
        snprintf(why, n, "has no domain (one label)");
        return -1;
    }
    return 0;
}
