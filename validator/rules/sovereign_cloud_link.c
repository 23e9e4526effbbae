/*
 * sovereign_cloud_link.c - rule 'sovereign-cloud-link': Mooncake links to global docs.
 *
 * Azure China (Mooncake) has its own documentation site, docs.azure.cn;
 * users there often cannot reach the global sites.
 */
#include <string.h>

#include "../advisor/advisor.h"
#include "check.h"

static int global_docs_host(const char *host)
{
    return !strcmp(host, "docs.microsoft.com") || !strcmp(host, "learn.microsoft.com");
}

static void check(al_check *c)
{
    const al_attr *clouds = al_doc_attr(c->doc, "cloudEnvironments");
    const adv_link *links;
    char host[256], why[160];
    size_t n, i;
    if (!clouds || adv_clouds_parse(clouds->value) != ADV_CLOUD_MOONCAKE)
        return;
    links = al_check_links(c, &n);
    for (i = 0; i < n; i++) {
        const char *v = links[i].value;
        adv_link_kind k;
        if (!v)
            continue;
        k = adv_link_check(v, host, sizeof(host), why, sizeof(why));
        if ((k == ADV_LINK_HTTPS || k == ADV_LINK_HTTP) && global_docs_host(host))
            al_check_at_pointer(c, "sovereign-cloud-link", links[i].pointer, AL_AT_VALUE,
                                "link to \"%s\" in a Mooncake-only file, use docs.azure.cn", host);
    }
}

const al_rule al_rule_sovereign_cloud_link = {
    "sovereign-cloud-link",
    AL_SEV_WARNING,
    "a Mooncake-only file links to the global documentation site",
    "## What it flags\n"
    "In a file whose cloudEnvironments is only `Mooncake`, a link to `docs.microsoft.com` or\n"
    "`learn.microsoft.com`.\n\n"
    "## Why it matters\n"
    "Azure China users are served by docs.azure.cn; the global site may be slow or unreachable\n"
    "for them, and describes features of the global cloud.\n\n"
    "## Example\n"
    "```json\n\"learnMoreLink\": \"https://docs.microsoft.com/azure/expressroute/designing-for-high-availability-with-expressroute\"\n```\n\n"
    "## Fix\n"
    "`\"learnMoreLink\": \"https://docs.azure.cn/expressroute/designing-for-high-availability-with-expressroute\"`.",
    check,
    NULL,
    NULL,
};
