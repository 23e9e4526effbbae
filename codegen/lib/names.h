/*
 * names.h - C identifiers and file names from recommendation names.
 *
 * Friendly names ("Right-size ADX cluster", "ExpressRouteGatewayRedundancy")
 * name generated code. A name becomes a lowercase snake_case identifier
 * (`right_size_adx_cluster`, `express_route_gateway_redundancy`) that is
 * valid C, never a keyword or a reserved name, and, through a cg_names set,
 * unique; the same identifier names the rule's files, so it can never
 * contain a path separator.
 */
#ifndef CG_NAMES_H
#define CG_NAMES_H

#include <stddef.h>

/*
 * Writes the identifier for NAME (LEN bytes) into OUT (size N, at least 8).
 * Returns 0, or -1 when NAME would escape a directory if used as a path
 * (absolute, or with a ".." component, like "../x"): such names are
 * refused, not rewritten.
 */
int cg_identifier(const char *name, size_t len, char *out, size_t n);

/* A set of identifiers already given out. */
typedef struct cg_names {
    char **items;
    size_t count, cap;
} cg_names;

void cg_names_init(cg_names *set);
void cg_names_release(cg_names *set);

/*
 * Makes ID (in a buffer of size N) unique in SET by appending _2, _3, ...
 * and adds it. Returns 0 or -1 on allocation failure.
 */
int cg_names_claim(cg_names *set, char *id, size_t n);

/* Adds ID to SET as it is (nothing when it is there). Returns 0 or -1 (out of memory). */
int cg_names_reserve(cg_names *set, const char *id);

#endif
