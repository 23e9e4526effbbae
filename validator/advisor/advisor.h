/*
 * advisor.h - what the metadata format means: GUIDs, clouds, time spans, links,
 * data-source hosts, owners, portal extensions and placeholder text.
 *
 * The domain knowledge the rules and advisor-codegen share, with no I/O and
 * no findings: each function says whether a value is well-formed and, when
 * it is not, why, in a lowercase phrase a message can quote.
 */
#ifndef ADV_ADVISOR_H
#define ADV_ADVISOR_H

#include <stddef.h>

/* ---- GUIDs: 8-4-4-4-12 hex digits, either case, no braces, no spaces ---- */

/*
 * Returns 0 when S (LEN bytes) is a GUID, else -1 with the exact reason in
 * WHY, a phrase that follows "it": "is surrounded by white space", "is
 * wrapped in braces", "has 'z' at character 10, which is not a hex digit",
 * "has 3 digits in group 2, expected 4", "has 4 groups, expected 5
 * (8-4-4-4-12 hex digits)", "is empty".
 */
int adv_guid_check(const char *s, size_t len, char *why, size_t n);

/* ---- clouds ---- */

typedef enum adv_cloud {
    ADV_CLOUD_PUBLIC = 1 << 0,
    ADV_CLOUD_FAIRFAX = 1 << 1,
    ADV_CLOUD_MOONCAKE = 1 << 2,
    ADV_CLOUD_USNAT = 1 << 3,
    ADV_CLOUD_USSEC = 1 << 4,
} adv_cloud;

/* Every cloud's canonical name, in bit order, NULL-terminated; *COUNT (may be NULL) gets their number. */
const char *const *adv_cloud_names(size_t *count);

/* The cloud named S (LEN bytes, any case), or 0. *CANONICAL gets its spelling. */
unsigned adv_cloud_lookup(const char *s, size_t len, const char **canonical);

/* One item of a comma-separated cloud list. */
typedef struct adv_list_item {
    size_t off, len; /* byte range in the list, white space trimmed */
} adv_list_item;

/* The *POS of a list whose last item has been returned. */
#define ADV_LIST_END ((size_t)-1)

/*
 * Walks the comma-separated LIST, any number of items: *POS is 0 before
 * the first call and moves past each item. Fills *ITEM with the next item
 * (white space trimmed; an empty one has len 0, so "" is one empty item
 * and "a," two) and returns 1, or returns 0 when there is none left:
 *
 *     size_t pos = 0;
 *     adv_list_item it;
 *     while (adv_list_next(list, &pos, &it))
 *         use(list + it.off, it.len);
 */
int adv_list_next(const char *list, size_t *pos, adv_list_item *item);

/* Bit set of the clouds LIST names (unknown names ignored). */
unsigned adv_clouds_parse(const char *list);

/* The canonical name of the one cloud BIT ("Fairfax"), or NULL when BIT is not one cloud. */
const char *adv_cloud_name(unsigned bit);

/*
 * The cloud a file name says, from its last "-suffix" before the extension:
 * -public, -fairfax or -ff, -mooncake or -mc, -usnat, -ussec (any case), as
 * in "rediscacheusedmemory-fairfax.md". Returns the cloud's bit, or 0 when the
 * name has no such suffix ("nvahighcpu-612dpublic.md" has none). *OFF and
 * *LEN (may be NULL) receive the suffix's place in PATH, after the '-'.
 */
unsigned adv_file_name_cloud(const char *path, size_t *off, size_t *len);

/* ---- hosts: which cloud a host name belongs to ---- */

/*
 * The cloud whose own domains hold HOST (LEN bytes, any case): Public
 * (windows.net, azure.com), Fairfax (usgovcloudapi.net, azure.us), Mooncake
 * (chinacloudapi.cn, azure.cn), USNat (eaglex.ic.gov), USSec
 * (microsoft.scloud); 0 for a host of no one cloud (learn.microsoft.com
 * serves them all). "help.kusto.windows.net" is Public,
 * "x.chinanorth2.kusto.chinacloudapi.cn" Mooncake.
 */
unsigned adv_host_cloud(const char *host, size_t len);

/*
 * Returns 0 when HOST (LEN bytes) is a DNS host name (dot-separated labels
 * of letters, digits and '-', at least two), else -1 with WHY: "is empty",
 * "has ',' at character 4, which is not allowed in a host name", "has an
 * empty label".
 */
int adv_host_check(const char *host, size_t len, char *why, size_t n);

/* ---- data sources ---- */

/* One cluster('ARG') of a Kusto streamNamespace. */
typedef struct adv_cluster {
    size_t arg_off, arg_len;   /* ARG, between the quotes, in the streamNamespace */
    size_t host_off, host_len; /* its host: ARG without the scheme, port and path */
    int closed;                /* the closing quote was found */
} adv_cluster;

/*
 * Lists the cluster('ARG') (or cluster("ARG")) calls of a streamNamespace
 * such as "cluster('https://x.kusto.windows.net').database('db').Table",
 * at most MAX into OUT. Returns how many were found (at most MAX).
 */
size_t adv_stream_clusters(const char *s, adv_cluster *out, size_t max);

/* ---- .NET TimeSpan ---- */

typedef struct adv_timespan {
    double seconds; /* total length */
    int canonical;  /* written [d.]hh:mm:ss */
} adv_timespan;

/*
 * Parses a .NET TimeSpan ("1.00:00:00", "12:00:00", "0.23:59:59", also the
 * general "d:hh:mm:ss" and "hh:mm" forms, which are marked not canonical).
 * Hours must be < 24, minutes and seconds < 60. Returns 0, or -1 with why.
 * A zero or negative span parses; the caller decides about it.
 */
int adv_timespan_parse(const char *s, adv_timespan *out, char *why, size_t n);

/* ---- links ---- */

typedef enum adv_link_kind {
    ADV_LINK_HTTPS,       /* absolute https URL */
    ADV_LINK_HTTP,        /* absolute http URL */
    ADV_LINK_PLACEHOLDER, /* starts with a {placeholder} filled at run time */
    ADV_LINK_EMPTY,
    ADV_LINK_MALFORMED,
} adv_link_kind;

/*
 * Classifies a link. For URLs, HOST receives the host (lowercased, up to
 * HOSTLEN-1 bytes). For malformed ones WHY says what is wrong.
 */
adv_link_kind adv_link_check(const char *s, char *host, size_t hostlen, char *why, size_t n);

/*
 * Whether S (LEN bytes) is a locale tag as documentation sites put in paths:
 * a 2-3 letter language, then a script (hans, hant, latn, cyrl) and/or a
 * region (2 letters or 3 digits), any case: "en-us", "zh-hans", "sr-latn-rs",
 * "es-419". A bare language ("en") is not one.
 */
int adv_locale_tag(const char *s, size_t len);

/*
 * For a link to a documentation host that picks the reader's language by
 * itself (learn.microsoft.com, docs.microsoft.com, azure.microsoft.com,
 * docs.azure.cn), finds a locale segment as the path's first segment:
 * returns 1 with its byte range in URL in [*OFF, *OFF + *LEN), the leading
 * '/' included ("/en-us"), so that removing the range leaves the link
 * without it; else 0.
 */
int adv_link_locale(const char *url, size_t *off, size_t *len);

/*
 * Checks the {placeholder}s in S: balanced braces around a name of letters,
 * digits, '_', '.' or '-'. Returns 0, or -1 with WHY and the byte offset of
 * the problem in *AT.
 */
int adv_placeholders_check(const char *s, size_t *at, char *why, size_t n);

/*
 * Writes POINTER ("/actions/0/actionId") as a path people read
 * ("actions[0].actionId") into OUT of size N. Returns OUT.
 */
char *adv_pointer_to_path(const char *pointer, char *out, size_t n);

/* ---- testData CSV ---- */

/*
 * Reads the CSV field at *P (before END) into OUT (size CAP, NUL-terminated,
 * may be truncated), its length in *OUTLEN, and moves *P past its comma.
 * Returns 0, or -1 when a quoted field is not closed.
 */
int adv_csv_field(const char **p, const char *end, char *out, size_t cap, size_t *outlen);

/* ---- owners ---- */

/* Whether owner.icm.routingId routes to the Advisor team: "MDM://AzureAdvisor" (any case). */
int adv_routing_is_advisor(const char *routing_id);

/* Whether owner.email is the Advisor team's: local part "aadevteam" (any case). */
int adv_email_is_advisor(const char *email);

/* Whether an ownershipId ("Area_Service") names the Advisor team: service "AzureAdvisor". */
int adv_ownership_is_advisor(const char *ownership_id);

/* ---- portal extensions ---- */

/*
 * Whether NAME is a portal extension the built-in list knows (exact case):
 * the extensionName values used across the real corpus, kept in
 * validator/advisor/portal_extensions.txt and embedded at build time.
 */
int adv_portal_extension_known(const char *name);

/*
 * The built-in extension NAME was probably meant to be: the same name in
 * another case, or one within two edits. NULL when there is none.
 */
const char *adv_portal_extension_suggest(const char *name, char *buf, size_t n);

/* ---- placeholder text ---- */

/*
 * Finds the first placeholder marker in S (LEN bytes): the word "todo" in
 * any case at the start of a word and not running on into lowercase letters
 * ("TODO HERE", "TODO: ...", "Todo DEscription", "todoLongDesc", "<TODO>";
 * not "todos", "mastodon", "autodownload"). Returns 1 with the marker's byte
 * range: *AT and *MLEN cover the whole word it starts ("todoLongDesc",
 * "TODO"), else 0.
 */
int adv_todo_find(const char *s, size_t len, size_t *at, size_t *mlen);

/* ---- where links live in a body ---- */

#define ADV_POINTER_MAX 64

typedef struct adv_link {
    const char *value;             /* the link text (borrowed from the body) */
    char pointer[ADV_POINTER_MAX]; /* its JSON pointer */
} adv_link;

/*
 * Writes BODY's link fields that hold strings (learnMoreLink, every
 * actions[].documentLink, resourceMetadata.action.documentLink) into
 * LINKS, at most MAX. Returns the number written.
 */
size_t adv_links(void *body, adv_link *links, size_t max);

/* ---- a new recommendation: identities, names, places (conventions.c) ---- */

#define ADV_GUID_SIZE 37 /* 36 characters and the NUL */
#define ADV_GUID_NIL "00000000-0000-0000-0000-000000000000"

/*
 * Writes a fresh random (version 4, RFC 4122) GUID in lower case into OUT,
 * from the kernel's entropy (getrandom, else /dev/urandom). Returns 0, or
 * -1 with errno set when no entropy could be read.
 */
int adv_guid_v4(char out[ADV_GUID_SIZE]);

/* Whether S (LEN bytes) is the nil GUID, the "not filled in yet" value. */
int adv_guid_is_nil(const char *s, size_t len);

/* Whether TITLE is the authoring template's placeholder title ("Sample title", any case). */
int adv_title_is_placeholder(const char *title);

/* The canonical name of category, impact or data source S (any case), or NULL. */
const char *adv_category_lookup(const char *s);
const char *adv_impact_lookup(const char *s);
const char *adv_data_source_lookup(const char *s);

/*
 * Returns 0 when S is an ARM resource type, Namespace.Provider/type[/sub...]
 * of letters and digits ("Microsoft.Network/expressRouteGateways"), else -1
 * with WHY, a phrase that follows "it": "has no '/' between ...".
 */
int adv_resource_type_check(const char *s, char *why, size_t n);

/*
 * The content tree's folder for resource type TYPE, lower case:
 * "advisorrecommendation." then the provider without its company and every
 * type segment, letters and digits only (Microsoft.Cache/redis gives
 * "advisorrecommendation.cacheredis"). Returns 0, or -1 for a malformed
 * type or when OUT (size N) is too small.
 */
int adv_folder_for_type(const char *type, char *out, size_t n);

/* The file stem of FRIENDLY: its letters and digits in lower case. 0 or -1. */
int adv_file_stem(const char *friendly, char *out, size_t n);

/*
 * The PascalCase friendly name of a title: words split at anything not a
 * letter or digit, each started with a capital, the rest kept ("Enable zone
 * redundancy for ExpressRoute gateways" gives
 * "EnableZoneRedundancyForExpressRouteGateways"). 0, or -1 (no letter or
 * digit, or OUT too small).
 */
int adv_pascal_case(const char *name, char *out, size_t n);

/*
 * Splits the clouds CLOUDS into files as the real tree does: one file for
 * Public that also lists USNat and USSec when they are asked for, one each
 * for Fairfax and Mooncake, and one each for USNat and USSec without
 * Public. Writes each file's cloud set into GROUPS (at most MAX, in the
 * order Public, Fairfax, Mooncake, USNat, USSec); returns the count.
 */
size_t adv_cloud_groups(unsigned clouds, unsigned *groups, size_t max);

/* The first cloud of GROUP in that order: the one its file is named after. */
unsigned adv_cloud_first(unsigned group);

/* GROUP's clouds as a cloudEnvironments value ("Public, USNat, USSec"). 0 or -1. */
int adv_clouds_format(unsigned group, char *out, size_t n);

/* A file-name suffix for one cloud ("fairfax"), or NULL. */
const char *adv_cloud_suffix(unsigned bit);

/* The documentation host of a cloud: docs.azure.cn for Mooncake, else learn.microsoft.com. */
const char *adv_cloud_docs_host(unsigned bit);

/* The documentation root a new link starts from ("https://docs.azure.cn/"). */
const char *adv_cloud_docs_root(unsigned bit);

/*
 * URL as it should read in a file for CLOUD: a global documentation link
 * (learn.microsoft.com, docs.microsoft.com, any locale) goes to
 * docs.azure.cn for Mooncake (without the locale and the "azure/" segment)
 * and a docs.azure.cn link back to learn.microsoft.com/azure/ for the other
 * clouds; a portal link goes to the cloud's portal (portal.azure.com, .us,
 * .cn; USNat and USSec keep it). Returns 1 with the new URL in OUT, 0 when
 * URL stays as it is, -1 when OUT (size N) is too small.
 */
int adv_link_for_cloud(const char *url, unsigned cloud, char *out, size_t n);

#endif
