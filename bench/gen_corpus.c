/* gen_corpus: synthetic Azure Advisor recommendation metadata for benchmarks.
 *
 *   gen_corpus --seed S --count N --out DIR [--defect-rate 0.03]
 *
 * Writes N metadata files in the real shape (docs/advisor-metadata.md, ../shared/corpus/real) as
 * DIR/articles/advisorrecommendation.<service>/<name>-<cloud>.md, and each file's JSON body alone as
 * DIR.bodies/<same path>.json (for peers that validate bare JSON). Deterministic from the seed:
 * the same seed and count give the same bytes (own PRNG, splitmix64; no rand(), no clock).
 *
 * Files come in per-cloud variants of one recommendation type (same recommendationTypeId, friendly
 * name, resource type, category; articleId "<GUID>_<Cloud>"), so articleId and (typeId, cloud) are
 * unique and the cross-file rules fire only where a defect is planted. A fraction --defect-rate of the
 * files (default 0.03) carries exactly one defect of the kinds the reference lists; DIR.defects.tsv
 * lists them (path, kind).
 *
 * C11 and libc only (plus POSIX mkdir): cc -O2 -o gen_corpus gen_corpus.c
 */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>

/* ---- PRNG: splitmix64 ---- */
static uint64_t rng_state;
static uint64_t rnd(void)
{
    uint64_t z = (rng_state += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}
static unsigned below(unsigned n)
{
    return n ? (unsigned)(rnd() % n) : 0;
}
static int chance(double p)
{
    return (double)(rnd() >> 11) / 9007199254740992.0 < p;
}
static unsigned between(unsigned lo, unsigned hi)
{
    return lo + below(hi - lo + 1);
}
#define PICK(arr) (arr[below((unsigned)(sizeof(arr) / sizeof(arr[0])))])

/* ---- growable buffer ---- */
typedef struct {
    char *p;
    size_t n, cap;
} buf;
static void die(const char *m)
{
    fprintf(stderr, "gen_corpus: %s: %s\n", m, strerror(errno));
    exit(2);
}
static void reserve(buf *b, size_t extra)
{
    if (b->n + extra + 1 <= b->cap)
        return;
    size_t c = b->cap ? b->cap : 8192;
    while (c < b->n + extra + 1)
        c *= 2;
    char *q = realloc(b->p, c);
    if (!q)
        die("out of memory");
    b->p = q;
    b->cap = c;
}
static void put(buf *b, const char *s)
{
    size_t l = strlen(s);
    reserve(b, l);
    memcpy(b->p + b->n, s, l);
    b->n += l;
    b->p[b->n] = 0;
}
static void putf(buf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    va_list ap2;
    va_copy(ap2, ap);
    int l = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    reserve(b, (size_t)l + 1);
    vsnprintf(b->p + b->n, (size_t)l + 1, fmt, ap2);
    va_end(ap2);
    b->n += (size_t)l;
}

/* ---- vocabulary ---- */
static const char *const WORDS[] = {
    "resource",
    "performance",
    "availability",
    "cluster",
    "database",
    "storage",
    "account",
    "memory",
    "pressure",
    "instance",
    "throughput",
    "latency",
    "configuration",
    "capacity",
    "workload",
    "query",
    "scale",
    "upgrade",
    "version",
    "network",
    "gateway",
    "traffic",
    "security",
    "policy",
    "backup",
    "replica",
    "region",
    "zone",
    "failover",
    "connection",
    "client",
    "server",
    "certificate",
    "expiry",
    "utilization",
    "CPU",
    "disk",
    "throttling",
    "requests",
    "cost",
    "savings",
    "reservation",
    "usage",
    "idle",
    "underutilized",
    "sku",
    "tier",
    "premium",
    "standard",
    "retention",
    "monitoring",
    "alerts",
    "diagnostic",
    "settings",
    "logs",
    "metrics",
    "cache",
    "index",
    "statistics",
    "table",
    "partition",
    "distribution",
    "skew",
    "compute",
    "nodes",
    "pool",
    "virtual",
    "machine",
    "subnet",
    "endpoint",
    "private",
    "public",
    "access",
    "encryption",
    "keys",
    "vault",
    "identity",
    "managed",
    "service",
    "application",
    "deployment",
    "slot",
    "runtime",
    "container",
    "image",
    "registry",
    "kubernetes",
    "autoscale",
    "rules",
    "threshold",
    "limits",
    "quota",
    "recommended",
    "best",
    "practices",
    "reduce",
    "improve",
    "ensure",
    "optimal",
    "reliability",
    "resilience",
    "impact",
    "downtime",
    "maintenance",
    "window",
    "operations",
    "management",
    "the",
    "your",
    "to",
    "and",
    "of",
    "for",
    "with",
    "in",
    "on",
    "when",
    "may",
    "can",
    "be",
    "is",
    "are",
    "by",
    "a",
    "this",
    "that",
    "from",
    "high",
    "low",
    "more",
};
static void words(buf *b, unsigned n, int capital)
{
    for (unsigned i = 0; i < n; i++) {
        const char *w = PICK(WORDS);
        if (i)
            put(b, " ");
        if (i == 0 && capital && w[0] >= 'a' && w[0] <= 'z') {
            char c[2] = { (char)(w[0] - 32), 0 };
            put(b, c);
            put(b, w + 1);
        } else
            put(b, w);
    }
}
static void sentences(buf *b, unsigned n)
{
    for (unsigned i = 0; i < n; i++) {
        if (i)
            put(b, " ");
        words(b, between(8, 22), 1);
        put(b, chance(0.1) ? ", which may cause incidents." : ".");
    }
}

typedef struct {
    const char *svc, *rt, *ext, *pfx;
} service_t;
static const service_t SERVICES[] = {
    { "cacheredis", "Microsoft.Cache/redis", "HubsExtension", "RedisCache" },
    { "azuredataexplorer", "Microsoft.Kusto/clusters", "Microsoft_Azure_Kusto", "Kusto" },
    { "sqlsqldatawarehouses", "Microsoft.Sql/sqlDataWarehouses", "SqlAzureExtension", "SqlDW" },
    { "networkapplicationgateways", "Microsoft.Network/applicationGateways",
      "Microsoft_Azure_HybridNetworking", "AppGateway" },
    { "dbforpostgresqlservers", "Microsoft.DBforPostgreSQL/servers", "Microsoft_Azure_OSSDatabases",
      "OrcasPostgreSql" },
    { "computevirtualmachines", "Microsoft.Compute/virtualMachines", "Microsoft_Azure_Compute",
      "Vm" },
    { "storagestorageaccounts", "Microsoft.Storage/storageAccounts", "Microsoft_Azure_Storage",
      "Storage" },
    { "websites", "Microsoft.Web/sites", "WebsitesExtension", "AppService" },
    { "containerservicemanagedclusters", "Microsoft.ContainerService/managedClusters",
      "Microsoft_Azure_ContainerService", "Aks" },
    { "documentdbdatabaseaccounts", "Microsoft.DocumentDB/databaseAccounts",
      "Microsoft_Azure_DocumentDB", "CosmosDb" },
    { "keyvaultvaults", "Microsoft.KeyVault/vaults", "Microsoft_Azure_KeyVault", "KeyVault" },
    { "apimanagement", "Microsoft.ApiManagement/service", "HubsExtension", "Apim" },
    { "networkvirtualnetworkgateways", "Microsoft.Network/virtualNetworkGateways",
      "Microsoft_Azure_Network", "VpnGateway" },
    { "sqlservers", "Microsoft.Sql/servers/databases", "SqlAzureExtension", "SqlDb" },
    { "eventhubnamespaces", "Microsoft.EventHub/namespaces", "Microsoft_Azure_EventHub",
      "EventHub" },
    { "batchbatchaccounts", "Microsoft.Batch/batchAccounts", "Microsoft_Azure_Batch", "Batch" },
};
static const char *const CATEGORIES[] = { "HighAvailability", "Security", "Performance", "Cost",
                                          "OperationalExcellence" };
static const char *const IMPACTS[] = { "High", "Medium", "Low" };
static const char *const REFRESH[] = { "12:00:00", "0.12:00:00", "0.08:00:00", "1.00:00:00",
                                       "01:00:00", "0.23:59:59", "06:00:00" };
static const char *const ALIASES[] = { "aadevteam",   "suryaren", "christoc", "mamccrea", "jolinlu",
                                       "sqldwninjas", "karansh",  "arjunm",   "advisorpm" };
static const char *const MENUIDS[] = { "scaleUp",       "overview",   "redisConfig", "httpsettings",
                                       "configuration", "networking", "diagnostics" };

typedef struct {
    const char *cloud, *lower, *envs;
} variant_t;
/* variant schemes: the Public file may cover usnat/ussec itself, or they have their own files */
static const variant_t SCHEME_A[] = { { "Public", "public", "Public, USNat, USSec" },
                                      { "Fairfax", "fairfax", "Fairfax" },
                                      { "Mooncake", "mooncake", "Mooncake" } };
static const variant_t SCHEME_B[] = { { "Public", "public", "Public" } };
static const variant_t SCHEME_C[] = { { "Public", "public", "Public" },
                                      { "Fairfax", "fairfax", "Fairfax" } };
static const variant_t SCHEME_D[] = { { "Public", "public", "Public" },
                                      { "USNat", "usnat", "USNat" },
                                      { "USSec", "ussec", "USSec" },
                                      { "Mooncake", "mooncake", "Mooncake" } };

enum {
    D_NONE,
    D_GUID,
    D_HTTP,
    D_REFRESH24,
    D_EMPTY,
    D_DUPKEY,
    D_TAB,
    D_UNKNOWN_ATTR,
    D_SAMPLE_TITLE,
    D_COUNT
};
static const char *const DEFECT_NAMES[] = { "none",
                                            "bad-guid-character",
                                            "http-link",
                                            "refresh-24h",
                                            "empty-required-string",
                                            "duplicate-key",
                                            "raw-tab-in-string",
                                            "unknown-header-attribute",
                                            "sample-title" };

static void guid(char out[37], int upper)
{
    static const char lo[] = "0123456789abcdef", up[] = "0123456789ABCDEF";
    const char *h = upper ? up : lo;
    uint64_t a = rnd(), c = rnd();
    int k = 0;
    for (int i = 0; i < 36; i++) {
        if (i == 8 || i == 13 || i == 18 || i == 23) {
            out[i] = '-';
            continue;
        }
        uint64_t src = k < 16 ? a : c;
        out[i] = h[(src >> ((k % 16) * 4)) & 15];
        k++;
    }
    out[36] = 0;
}

/* one recommendation type: everything its variants share */
typedef struct {
    char type_id[37], article_guid[37], offering_id[37], tree_id[37];
    char ids[3][37];
    unsigned n_ids;
    char friendly[96], lname[96];
    const service_t *s;
    const char *category, *impact, *refresh, *alias, *dsrc;
    unsigned svc_dir;
    double version;
    unsigned n_actions;
    char action_ids[4][37], rm_action_id[37];
    int action_types[4]; /* 0 Blade, 1 ContextBlade, 2 Document */
    unsigned query_len[4];
    unsigned n_cols;
    char cols[3][40];
    int has_offering, has_rm, has_ttl, has_test, has_tip, has_sdk, has_pes, crlf_all;
    uint64_t text_seed;
} rtype_t;

static void make_type(rtype_t *t, unsigned index)
{
    memset(t, 0, sizeof *t);
    t->s = &SERVICES[below((unsigned)(sizeof SERVICES / sizeof SERVICES[0]))];
    guid(t->type_id, chance(0.05));
    if (chance(0.2))
        guid(t->article_guid, 0);
    else
        memcpy(t->article_guid, t->type_id, 37);
    guid(t->offering_id, 0);
    guid(t->tree_id, 0);
    t->n_ids = below(4);
    for (unsigned i = 0; i < t->n_ids && i < 3; i++)
        guid(t->ids[i], 0);
    if (t->n_ids > 3)
        t->n_ids = 3;
    buf nm = { 0 };
    words(&nm, 2, 1);
    /* friendly names are identifier-like and unique per type (the index makes them so) */
    char base[64];
    size_t k = 0;
    for (size_t i = 0; i < nm.n && k < 40; i++) {
        char c = nm.p[i];
        if (c == ' ') {
            if (i + 1 < nm.n && nm.p[i + 1] >= 'a' && nm.p[i + 1] <= 'z') {
                nm.p[i + 1] = (char)(nm.p[i + 1] - 32);
            }
            continue;
        }
        base[k++] = c;
    }
    base[k] = 0;
    free(nm.p);
    snprintf(t->friendly, sizeof t->friendly, "%s%s%u", t->s->pfx, base, index);
    for (size_t i = 0; t->friendly[i]; i++) {
        char c = t->friendly[i];
        t->lname[i] = (c >= 'A' && c <= 'Z') ? (char)(c + 32) : c;
        t->lname[i + 1] = 0;
    }
    t->category = PICK(CATEGORIES);
    t->impact = PICK(IMPACTS);
    t->refresh = PICK(REFRESH);
    t->alias = PICK(ALIASES);
    unsigned d = below(10);
    t->dsrc = d < 6 ? "Kusto" : d < 9 ? "SAS" : "Cosmos";
    t->svc_dir = index / 96; /* about a dozen files per directory, as in the real tree */
    static const double VERSIONS[] = { 1.0, 2.0, 2.1, 3.0, 3.1 };
    t->version = PICK(VERSIONS);
    t->n_actions = between(1, 4);
    for (unsigned i = 0; i < t->n_actions; i++) {
        guid(t->action_ids[i], 0);
        unsigned r = below(10);
        t->action_types[i] = r < 5 ? 0 : r < 7 ? 1 : 2;
        t->query_len[i] = (t->action_types[i] != 2 && chance(0.10)) ? between(30, 110) : 0;
    }
    if (chance(0.12))
        memcpy(t->rm_action_id, t->action_ids[0], 37);
    else
        guid(t->rm_action_id, 0);
    t->n_cols = below(4);
    static const char *const COLS[] = {
        "impactedTableCount", "rulesInViolation", "currentSku", "targetSku",
        "usagePercent",       "expiryDate",       "region",     "nodeCount"
    };
    unsigned c0 = below(8);
    for (unsigned i = 0; i < t->n_cols; i++)
        snprintf(t->cols[i], sizeof t->cols[i], "%s", COLS[(c0 + i * 3) % 8]);
    t->has_offering = !chance(0.04);
    t->has_rm = !chance(0.05);
    t->has_ttl = chance(0.6);
    t->has_test = chance(0.18);
    t->has_tip = chance(0.3);
    t->has_sdk = chance(0.05);
    t->has_pes = chance(0.03);
    t->crlf_all = chance(0.15);
    t->text_seed = rnd();
}

/* ---- writing ---- */
static void mkdirs(const char *path)
{
    char tmp[4096];
    snprintf(tmp, sizeof tmp, "%s", path);
    for (char *p = tmp + 1; *p; p++) {
        if (*p == '/') {
            *p = 0;
            if (mkdir(tmp, 0777) && errno != EEXIST)
                die(tmp);
            *p = '/';
        }
    }
    if (mkdir(tmp, 0777) && errno != EEXIST)
        die(tmp);
}
static void write_file(const char *path, const char *data, size_t n)
{
    FILE *f = fopen(path, "wb");
    if (!f)
        die(path);
    if (fwrite(data, 1, n, f) != n || fclose(f))
        die(path);
}

/* builds one file in out; *body_at and *body_len delimit the JSON body */
static void emit(buf *o, const rtype_t *t, const variant_t *v, int defect, size_t *body_at,
                 size_t *body_len)
{
    /* the texts are per type (variants are copies), from the type's own stream */
    uint64_t saved = rng_state;
    rng_state = t->text_seed;
    buf title = { 0 }, longd = { 0 }, bene = { 0 }, tip = { 0 }, adesc[4] = { { 0 } };
    words(&title, between(5, 14), 1);
    sentences(&longd, between(2, 7));
    words(&bene, between(5, 16), 1);
    sentences(&tip, 1);
    for (unsigned i = 0; i < t->n_actions; i++)
        words(&adesc[i], between(3, 10), 1);
    buf table = { 0 };
    words(&table, 3, 1);
    rng_state = saved;
    for (size_t i = 0; i < table.n; i++)
        if (table.p[i] == ' ')
            table.p[i] = '_';

    const int moon = strcmp(v->cloud, "Mooncake") == 0;
    const char *docs = moon ? "docs.azure.cn" : "learn.microsoft.com";

    /* header */
    put(o, "<properties\n");
    putf(o, "    pageTitle=\"%s\"\n", title.p);
    putf(o, "    description=\"%s\"\n", title.p);
    putf(o, "    authors=\"%s\"\n", t->alias);
    putf(o, "    ms.author=\"%s\"\n", t->alias);
    putf(o, "    articleId=\"%s_%s\"\n", t->article_guid, v->cloud);
    put(o, "    selfHelpType=\"advisorRecommendationMetadata\"\n");
    putf(o, "    cloudEnvironments=\"%s\"\n", v->envs);
    putf(o, "%sownershipId=\"Azure_%s\"\n", (t->text_seed & 1) ? "\t" : "    ", t->s->pfx);
    if (t->has_pes)
        put(o, "    productPesIds=\"15512, 16042\"\n");
    if (defect == D_UNKNOWN_ATTR)
        put(o, "    ms.topic=\"article\"\n");
    put(o, "/>\n");
    if (defect == D_SAMPLE_TITLE)
        put(o, "# Sample title\n");
    else
        putf(o, "# %s\n", title.p);
    put(o, "---\n");
    *body_at = o->n;

    put(o, "{\n");
    if (t->has_offering) {
        putf(o, "  \"recommendationOfferingId\": \"%s\",\n", t->offering_id);
        putf(o, "  \"recommendationOfferingName\": \"Azure %s\",\n", t->s->pfx);
    }
    put(o, "  \"$schema\": \"AdvisorRecommendation\",\n");
    putf(o, "  \"recommendationTypeId\": \"%s\",\n", t->type_id);
    put(o, "  \"dataSourceMetadata\": {\n");
    if (strcmp(t->dsrc, "Kusto") == 0)
        putf(
            o,
            "    \"streamNamespace\": \"cluster('https://%s%s.kusto.windows.net').database('%sAdvisor').%sRecommendations\",\n",
            t->lname, moon ? ".chinaeast2" : "", t->s->pfx, table.p);
    else
        put(o, "    \"schemaVersion\": 1.0,\n");
    putf(o, "    \"dataSource\": \"%s\",\n", t->dsrc);
    putf(o, "    \"refreshInterval\": \"%s\"\n", defect == D_REFRESH24 ? "24:00:00" : t->refresh);
    put(o, "  },\n");
    putf(o, "  \"recommendationCategory\": \"%s\",\n", t->category);
    putf(o, "  \"recommendationImpact\": \"%s\",\n", t->impact);
    putf(o, "  \"recommendationResourceType\": \"%s\",\n", t->s->rt);
    putf(o, "  \"recommendationFriendlyName\": \"%s\",\n", t->friendly);
    put(o, "  \"recommendationMetadataState\": \"Active\",\n");
    put(o, "  \"portalFeatures\": [],\n");
    if (t->has_sdk)
        put(o, "  \"supportedSDKLanguages\": [\".Net\", \"Python\"],\n");
    put(o, "  \"owner\": {\n");
    putf(o, "    \"email\": \"%s@microsoft.com\",\n", t->alias);
    put(o, "    \"icm\": {\n");
    putf(o, "      \"routingId\": \"MDM://%s\",\n", t->s->pfx);
    putf(o, "      \"service\": \"Azure %s\",\n", t->s->pfx);
    putf(o, "      \"team\": \"%s Triage\"\n", t->s->pfx);
    put(o, "    },\n");
    if (defect == D_GUID) {
        char bad[37];
        memcpy(bad, t->tree_id, 37);
        bad[3] = 'z';
        putf(o, "    \"serviceTreeId\": \"%s\"\n", bad);
    } else
        putf(o, "    \"serviceTreeId\": \"%s\"\n", t->tree_id);
    put(o, "  },\n");
    put(o, "  \"ingestionClientIdentities\": [");
    for (unsigned i = 0; i < t->n_ids; i++)
        putf(o, "%s\n    \"%s\"", i ? "," : "", t->ids[i]);
    put(o, t->n_ids ? "\n  ],\n" : "],\n");
    if (t->has_ttl)
        put(o, "  \"recommendationTimeToLive\": 86400,\n");
    putf(o, "  \"version\": %.1f,\n", t->version);
    putf(o, "  \"learnMoreLink\": \"%s://aka.ms/%s/advisor/%s\",\n",
         defect == D_HTTP ? "http" : "https", t->s->svc, t->lname);
    if (defect == D_DUPKEY)
        putf(o, "  \"learnMoreLink\": \"https://aka.ms/%s/advisor/%s\",\n", t->s->svc, t->lname);
    putf(o, "  \"description\": \"%s\",\n", defect == D_EMPTY ? "" : title.p);
    if (defect == D_TAB) {
        /* a raw tab inside the string, after the first word */
        char *sp = strchr(longd.p, ' ');
        if (sp)
            *sp = '\t';
    }
    putf(o, "  \"longDescription\": \"%s\",\n", longd.p);
    putf(o, "  \"potentialBenefits\": \"%s\",\n", bene.p);
    if (t->has_test) {
        put(o,
            "  \"testData\": \"27b2ee0a-4093-4253-95b5-c595487ad66f,/subscriptions/27b2ee0a-4093-4253-95b5-c595487ad66f/resourceGroups/rgtest/providers/");
        putf(o, "%s/%stest", t->s->rt, t->lname);
        if (t->n_cols) {
            put(o, ", \\\"{");
            for (unsigned i = 0; i < t->n_cols; i++)
                putf(o, "%s\\\"\\\"%s\\\"\\\" : \\\"\\\"%u\\\"\\\"", i ? ", " : "", t->cols[i],
                     i + 8);
            put(o, "}\\\"");
        }
        put(o, "\",\n");
    }
    put(o, "  \"actions\": [\n");
    for (unsigned i = 0; i < t->n_actions; i++) {
        const int ty = t->action_types[i];
        put(o, "    {\n");
        putf(o, "      \"actionId\": \"%s\",\n", t->action_ids[i]);
        putf(o, "      \"description\": \"%s\",\n", adesc[i].p);
        putf(o, "      \"actionType\": \"%s\",\n",
             ty == 0   ? "Blade"
             : ty == 1 ? "ContextBlade"
                       : "Document");
        if (ty == 2) {
            putf(o, "      \"documentLink\": \"https://%s/azure/%s/%s-best-practices\"\n", docs,
                 t->s->svc, t->lname);
        } else {
            putf(o, "      \"extensionName\": \"%s\",\n", t->s->ext);
            putf(o, "      \"bladeName\": \"%sBlade\",\n",
                 ty == 0 ? "ResourceMenu" : "AdvisorStudioRedirect");
            put(o, "      \"metadata\": {\n");
            putf(o, "        \"id\": \"{resourceId}\",\n");
            if (t->query_len[i]) {
                /* a long query text with \n escapes, as the SQL DW and Kusto files carry */
                put(o, "        \"queryText\": \"");
                uint64_t s2 = rng_state;
                rng_state = t->text_seed ^ (0x51ULL * (i + 1));
                for (unsigned l = 0; l < t->query_len[i]; l++) {
                    put(o, l % 4 == 0   ? "select "
                           : l % 4 == 1 ? "       from sys."
                           : l % 4 == 2 ? "       where "
                                        : "       group by ");
                    words(o, between(3, 9), 0);
                    put(o, "\\n");
                }
                rng_state = s2;
                put(o, "\",\n");
            }
            putf(o, "        \"menuid\": \"%s\"\n", MENUIDS[(t->text_seed >> (8 + i)) % 7]);
            put(o, "      }");
            if (ty == 1)
                putf(o, ",\n      \"condition\": \"skuTier == \\\"%s\\\"\"\n", IMPACTS[i % 3]);
            else
                put(o, "\n");
        }
        put(o, i + 1 < t->n_actions ? "    },\n" : "    }\n");
    }
    put(o, "  ],\n");
    if (t->has_rm) {
        put(o, "  \"resourceMetadata\": {\n    \"action\": {\n");
        putf(o, "      \"actionId\": \"%s\",\n", t->rm_action_id);
        put(o, "      \"actionType\": \"Blade\",\n");
        putf(o, "      \"extensionName\": \"%s\",\n", t->s->ext);
        put(o, "      \"bladeName\": \"ResourceMenuBlade\",\n");
        put(o, "      \"metadata\": {\n        \"id\": \"{resourceId}\"\n      }\n    }\n  },\n");
    }
    putf(o, "  \"displayLabel\": \"%s\",\n", title.p);
    put(o, "  \"additionalColumns\": [");
    for (unsigned i = 0; i < t->n_cols; i++)
        putf(o, "%s\n    {\n      \"name\": \"%s\",\n      \"title\": \"%s %u\"\n    }",
             i ? "," : "", t->cols[i], t->cols[i], i + 1);
    put(o, t->n_cols ? "\n  ]" : "]");
    if (t->has_tip)
        putf(o, ",\n  \"tip\": \"%s\"", tip.p);
    put(o, "\n}\n");
    *body_len = o->n - *body_at;
    put(o, "---\n");

    free(title.p);
    free(longd.p);
    free(bene.p);
    free(tip.p);
    free(table.p);
    for (unsigned i = 0; i < 4; i++)
        free(adesc[i].p);
}

static void to_crlf(buf *in, buf *out, size_t *body_at, size_t *body_len)
{
    out->n = 0;
    size_t ba = *body_at, be = *body_at + *body_len, nba = 0, nbe = 0;
    for (size_t i = 0; i <= in->n; i++) {
        if (i == ba)
            nba = out->n;
        if (i == be)
            nbe = out->n;
        if (i == in->n)
            break;
        if (in->p[i] == '\n')
            put(out, "\r\n");
        else {
            reserve(out, 1);
            out->p[out->n++] = in->p[i];
            out->p[out->n] = 0;
        }
    }
    *body_at = nba;
    *body_len = nbe - nba;
}

static void usage(void)
{
    fprintf(stderr, "usage: gen_corpus --seed S --count N --out DIR [--defect-rate 0.03]\n");
    exit(2);
}

int main(int argc, char **argv)
{
    unsigned long long seed = 1;
    long count = -1;
    const char *out = NULL;
    double rate = 0.03;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--seed") && i + 1 < argc)
            seed = strtoull(argv[++i], NULL, 10);
        else if (!strcmp(argv[i], "--count") && i + 1 < argc)
            count = strtol(argv[++i], NULL, 10);
        else if (!strcmp(argv[i], "--out") && i + 1 < argc)
            out = argv[++i];
        else if (!strcmp(argv[i], "--defect-rate") && i + 1 < argc)
            rate = strtod(argv[++i], NULL);
        else
            usage();
    }
    if (!out || count < 0 || rate < 0 || rate > 1)
        usage();
    size_t ol = strlen(out);
    while (ol > 1 && out[ol - 1] == '/')
        ol--;
    char root[2048], broot[2048], path[8192], bpath[8192];
    snprintf(root, sizeof root, "%.*s", (int)ol, out);
    snprintf(broot, sizeof broot, "%.*s.bodies", (int)ol, out);
    snprintf(path, sizeof path, "%.*s.defects.tsv", (int)ol, out);
    mkdirs(root);
    mkdirs(broot);
    FILE *manifest = fopen(path, "w");
    if (!manifest)
        die(path);

    rng_state = seed * 0x2545F4914F6CDD1DULL + 0x1234567;
    buf file = { 0 }, crlf = { 0 };
    long made = 0, defects = 0;
    unsigned type_index = 0;
    size_t bytes = 0;
    unsigned last_dir = (unsigned)-1;
    while (made < count) {
        rtype_t t;
        make_type(&t, type_index++);
        const variant_t *vs;
        unsigned nv;
        unsigned r = below(10);
        if (r < 5) {
            vs = SCHEME_A;
            nv = 3;
        } else if (r < 7) {
            vs = SCHEME_B;
            nv = 1;
        } else if (r < 9) {
            vs = SCHEME_C;
            nv = 2;
        } else {
            vs = SCHEME_D;
            nv = 4;
        }
        char dir[512];
        unsigned nsvc = (unsigned)(sizeof SERVICES / sizeof SERVICES[0]);
        (void)nsvc;
        if (t.svc_dir == 0)
            snprintf(dir, sizeof dir, "articles/advisorrecommendation.%s", t.s->svc);
        else
            snprintf(dir, sizeof dir, "articles/advisorrecommendation.%s%u", t.s->svc, t.svc_dir);
        if (t.svc_dir != last_dir || 1) {
            snprintf(path, sizeof path, "%s/%s", root, dir);
            mkdirs(path);
            snprintf(path, sizeof path, "%s/%s", broot, dir);
            mkdirs(path);
            last_dir = t.svc_dir;
        }
        for (unsigned k = 0; k < nv && made < count; k++) {
            int defect = D_NONE;
            if (chance(rate))
                defect = 1 + (int)below(D_COUNT - 1);
            int crlf_this = t.crlf_all;
            file.n = 0;
            size_t ba, bl;
            emit(&file, &t, &vs[k], defect, &ba, &bl);
            buf *w = &file;
            if (crlf_this) {
                to_crlf(&file, &crlf, &ba, &bl);
                w = &crlf;
            }
            snprintf(path, sizeof path, "%s/%s/%s-%s.md", root, dir, t.lname, vs[k].lower);
            write_file(path, w->p, w->n);
            snprintf(bpath, sizeof bpath, "%s/%s/%s-%s.json", broot, dir, t.lname, vs[k].lower);
            if (defect == D_TAB) {
                /* ajv-cli stops at the first file it cannot parse: the peers get the tab escaped
                 * (the body then differs from the .md file's only in that character) */
                buf esc = { 0 };
                for (size_t i = ba; i < ba + bl; i++) {
                    if (w->p[i] == '\t')
                        put(&esc, "\\t");
                    else {
                        char c[2] = { w->p[i], 0 };
                        put(&esc, c);
                    }
                }
                write_file(bpath, esc.p, esc.n);
                free(esc.p);
            } else
                write_file(bpath, w->p + ba, bl);
            if (defect) {
                fprintf(manifest, "%s/%s-%s.md\t%s\n", dir, t.lname, vs[k].lower,
                        DEFECT_NAMES[defect]);
                defects++;
            }
            bytes += w->n;
            made++;
        }
    }
    if (fclose(manifest))
        die("manifest");
    fprintf(stderr,
            "gen_corpus: %ld files, %zu bytes (%.1f KB average), %ld with a defect, in %s\n", made,
            bytes, made ? bytes / 1024.0 / made : 0.0, defects, root);
    free(file.p);
    free(crlf.p);
    return 0;
}
