/*
 * link_host.c - rule 'link-host': links to a host outside the allowed list.
 *
 * The allowed hosts are Microsoft's documentation and redirect hosts, each
 * cloud's own hosts in a file for that cloud (support.azure.cn in a Mooncake
 * file: advisor/hosts.c knows which cloud a host is in), plus what a
 * repository adds with `link-hosts` in .advisor-lint.yaml (an entry starting
 * with '.' allows every subdomain). Severity info: vendor pages are
 * legitimate; the rule makes them visible so a reviewer can confirm them.
 */
#include <string.h>

#include "../advisor/advisor.h"
#include "check.h"

static const char *const builtin[] = {
    "aka.ms",           "azure.microsoft.com", "docs.azure.cn",    "docs.microsoft.com",
    "go.microsoft.com", "learn.microsoft.com", "portal.azure.com", "www.azure.cn",
};

static int host_matches(const char *host, const char *allowed)
{
    size_t h = strlen(host), a = strlen(allowed);
    if (allowed[0] == '.')
        return h > a && !strcmp(host + h - a, allowed);
    return !strcmp(host, allowed);
}

static int allowed_host(const al_check *c, const char *host, unsigned clouds)
{
    size_t i;
    for (i = 0; i < sizeof(builtin) / sizeof(builtin[0]); i++)
        if (!strcmp(host, builtin[i]))
            return 1;
    if (adv_host_cloud(host, strlen(host)) & clouds)
        return 1;
    for (i = 0; i < c->nlink_hosts; i++)
        if (host_matches(host, c->link_hosts[i]))
            return 1;
    return 0;
}

static void check(al_check *c)
{
    const al_attr *ce = al_doc_attr(c->doc, "cloudEnvironments");
    unsigned clouds = ce ? adv_clouds_parse(ce->value) : 0;
    const adv_link *links;
    char host[256], why[160];
    size_t n, i;

    links = al_check_links(c, &n);
    for (i = 0; i < n; i++) {
        const char *v = links[i].value;
        adv_link_kind k;
        if (!v)
            continue;
        k = adv_link_check(v, host, sizeof(host), why, sizeof(why));
        if ((k == ADV_LINK_HTTPS || k == ADV_LINK_HTTP) && !allowed_host(c, host, clouds))
            al_check_at_pointer(c, "link-host", links[i].pointer, AL_AT_VALUE,
                                "link to \"%s\", which is not an allowed host", host);
    }
}

const al_rule al_rule_link_host = {
    "link-host",
    AL_SEV_INFO,
    "a link goes to a host outside the allowed documentation hosts",
    "## What it flags\n"
    "A learnMoreLink or documentLink whose host is not one of aka.ms, azure.microsoft.com,\n"
    "docs.azure.cn, docs.microsoft.com, go.microsoft.com, learn.microsoft.com,\n"
    "portal.azure.com, www.azure.cn, nor a host of one of the file's clouds (Mooncake:\n"
    "`*.azure.cn`, `*.chinacloudapi.cn`; Fairfax: `*.azure.us`, `*.usgovcloudapi.net`; USNat:\n"
    "`*.eaglex.ic.gov`; USSec: `*.microsoft.scloud`; Public: `*.azure.com`, `*.windows.net`),\n"
    "nor listed under `link-hosts` in .advisor-lint.yaml.\n\n"
    "## Why it matters\n"
    "Recommendations are shown in the Azure portal; a link elsewhere (a vendor's page, a\n"
    "personal blog) should be a deliberate choice someone reviewed.\n\n"
    "## Example\n"
    "```json\n\"learnMoreLink\": \"https://www.contoso.com/advisor\"\n```\n\n"
    "## Fix\n"
    "Link to the documentation page, or allow the host in .advisor-lint.yaml:\n"
    "`link-hosts: [www.contoso.com]`.",
    check,
    NULL,
    NULL,
};
