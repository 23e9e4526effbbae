/*
 * advisor.h - what the metadata format means: GUIDs, clouds, time spans, links.
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

/* The cloud named S (LEN bytes, any case), or 0. *CANONICAL gets its spelling. */
unsigned adv_cloud_lookup(const char *s, size_t len, const char **canonical);

/* One item of a comma-separated cloud list. */
typedef struct adv_list_item {
    size_t off, len;             /* byte range in the list, white space trimmed */
} adv_list_item;

/*
 * Splits a comma-separated LIST into at most MAX items (trimmed; empty items
 * included, with len 0). Returns the number of items.
 */
size_t adv_split_list(const char *list, adv_list_item *items, size_t max);

/* Bit set of the clouds LIST names (unknown names ignored). */
unsigned adv_clouds_parse(const char *list);

/* ---- .NET TimeSpan ---- */

typedef struct adv_timespan {
    double seconds;              /* total length */
    int canonical;               /* written [d.]hh:mm:ss */
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
    ADV_LINK_HTTPS,              /* absolute https URL */
    ADV_LINK_HTTP,               /* absolute http URL */
    ADV_LINK_PLACEHOLDER,        /* starts with a {placeholder} filled at run time */
    ADV_LINK_EMPTY,
    ADV_LINK_MALFORMED,
} adv_link_kind;

/*
 * Classifies a link. For URLs, HOST receives the host (lowercased, up to
 * HOSTLEN-1 bytes). For malformed ones WHY says what is wrong.
 */
adv_link_kind adv_link_check(const char *s, char *host, size_t hostlen, char *why, size_t n);

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

/* ---- where links live in a body ---- */

#define ADV_POINTER_MAX 64

typedef struct adv_link {
    const char *value;                  /* the link text (borrowed from the body) */
    char pointer[ADV_POINTER_MAX];      /* its JSON pointer */
} adv_link;

/*
 * Writes BODY's link fields that hold strings (learnMoreLink, every
 * actions[].documentLink, resourceMetadata.action.documentLink) into
 * LINKS, at most MAX. Returns the number written.
 */
size_t adv_links(void *body, adv_link *links, size_t max);

#endif
