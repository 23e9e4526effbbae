/*
 * data_source_cloud.c - rule 'data-source-cloud': a Kusto cluster of another cloud.
 *
 * Each cloud has its own Kusto clusters (advisor/hosts.c): a Mooncake file
 * that queries a Fairfax cluster gets nothing, or another cloud's data. The
 * file's clouds are its cloudEnvironments (else its articleId suffix); a
 * cluster of one of them is fine, so "Public, USNat, USSec" files querying
 * a Public cluster (78 real files) are. A host of no known cloud is left
 * alone; a host that is not a host name at all (a comma in it, a nested
 * "cluster(") is reported as malformed. Each finding spans the host in
 * the streamNamespace.
 */
#include <stdio.h>
#include <string.h>

#include "../advisor/advisor.h"
#include "check.h"

#define POINTER "/dataSourceMetadata/streamNamespace"
#define MAX_CLUSTERS 16

/* The file's clouds: cloudEnvironments, else the articleId suffix. */
static unsigned file_clouds(const al_check *c)
{
    const al_attr *ce = al_doc_attr(c->doc, "cloudEnvironments");
    const al_attr *aid = al_doc_attr(c->doc, "articleId");
    const char *us;
    unsigned bits = ce ? adv_clouds_parse(ce->value) : 0;
    if (!bits && aid && (us = strchr(aid->value, '_')) != NULL)
        bits = adv_cloud_lookup(us + 1, strlen(us + 1), NULL);
    return bits;
}

/* "Fairfax", or "Public, USNat, USSec" for several, into OUT. */
static const char *cloud_names(unsigned bits, char *out, size_t n)
{
    unsigned b;
    size_t w = 0;
    out[0] = '\0';
    for (b = 1; b <= ADV_CLOUD_USSEC && w < n; b <<= 1)
        if ((bits & b) && adv_cloud_name(b))
            w += (size_t)snprintf(out + w, n - w, "%s%s", w ? ", " : "", adv_cloud_name(b));
    return out;
}

static void check(al_check *c)
{
    const char *s = al_check_string(c, POINTER);
    adv_cluster cl[MAX_CLUSTERS];
    unsigned clouds;
    size_t n, i;

    if (!s)
        return;
    clouds = file_clouds(c);
    n = adv_stream_clusters(s, cl, MAX_CLUSTERS);
    for (i = 0; i < n; i++) {
        const char *host = s + cl[i].host_off;
        size_t hl = cl[i].host_len;
        unsigned hc;
        char why[160], names[80];
        if (!cl[i].closed) {
            al_check_at_string(c, "data-source-cloud", POINTER, cl[i].arg_off,
                               cl[i].arg_off + cl[i].arg_len,
                               "cluster(%c%.*s is not closed with its quote", s[cl[i].arg_off - 1],
                               (int)cl[i].arg_len, s + cl[i].arg_off);
            continue;
        }
        if (adv_host_check(host, hl, why, sizeof(why)) != 0) {
            al_check_at_string(c, "data-source-cloud", POINTER, cl[i].host_off, cl[i].host_off + hl,
                               "cluster host \"%.*s\" is not a host name: it %s", (int)hl, host,
                               why);
            continue;
        }
        hc = adv_host_cloud(host, hl);
        if (!hc || !clouds || (hc & clouds))
            continue;
        al_check_at_string(c, "data-source-cloud", POINTER, cl[i].host_off, cl[i].host_off + hl,
                           "cluster \"%.*s\" is in %s, but the file is for %s", (int)hl, host,
                           adv_cloud_name(hc), cloud_names(clouds, names, sizeof(names)));
    }
}

const al_rule al_rule_data_source_cloud = {
    "data-source-cloud",
    AL_SEV_ERROR,
    "the data source's cluster is in another cloud than the file, or not a host name",
    "## What it flags\n"
    "A `cluster('...')` in `dataSourceMetadata.streamNamespace` whose host belongs to a cloud\n"
    "that is not one of the file's clouds (`cloudEnvironments`): `*.kusto.windows.net` is\n"
    "Public, `*.kusto.usgovcloudapi.net` Fairfax, `*.kusto.chinacloudapi.cn` Mooncake,\n"
    "`*.eaglex.ic.gov` USNat, `*.microsoft.scloud` USSec. Also a cluster that is not a host name\n"
    "(a comma or a quote in it, a `cluster(` nested in another) or whose quote is not closed.\n\n"
    "## Why it matters\n"
    "The pipeline of each cloud can only reach its own clusters: a Mooncake recommendation\n"
    "reading a Fairfax cluster produces nothing in Mooncake, or, where it can reach it, another\n"
    "cloud's data. A malformed host fails the query on every refresh.\n\n"
    "## Example\n"
    "```\ncloudEnvironments=\"Mooncake\"\n```\n"
    "```json\n\"streamNamespace\": \"cluster('https://sqlazureusg.kusto.usgovcloudapi.net').database('sqlazure1').Table\"\n```\n\n"
    "## Fix\n"
    "Query the cluster of the file's own cloud (here `*.kusto.chinacloudapi.cn`), and write the\n"
    "host as one name: `cluster('https://NAME.REGION.kusto.chinacloudapi.cn')`.",
    check,
    NULL,
    NULL,
};
