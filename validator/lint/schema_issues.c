/*
 * schema_issues.c - which schema issues to report (see schema_issues.h).
 *
 * The value-assertion issues are sorted by instance location (then rank),
 * so each location's most precise keyword comes first in its group: linear
 * after the sort, whatever the number of issues.
 */
#include "schema_issues.h"

#include <stdlib.h>
#include <string.h>

/* Rank of a keyword asserting something about one value, most precise first; -1 for others. */
static int value_rank(const char *keyword)
{
    static const char *const order[] = {
        "const",
        "enum",
        "format",
        "type",
        "multipleOf",
        "minimum",
        "maximum",
        "exclusiveMinimum",
        "exclusiveMaximum",
        "minLength",
        "maxLength",
        "pattern",
    };
    size_t i;
    for (i = 0; keyword && i < sizeof(order) / sizeof(order[0]); i++)
        if (!strcmp(keyword, order[i]))
            return (int)i;
    return -1;
}

typedef struct ranked {
    const char *location;
    int rank;
    size_t index;
} ranked;

static int cmp_ranked(const void *a, const void *b)
{
    const ranked *x = a, *y = b;
    int c = strcmp(x->location, y->location);
    if (c)
        return c;
    if (x->rank != y->rank)
        return x->rank < y->rank ? -1 : 1;
    return x->index < y->index ? -1 : x->index > y->index;
}

int al_schema_issues_keep(const jsch_result *res, unsigned char *keep)
{
    size_t n = jsch_result_count(res), m = 0, i, g;
    ranked *v;

    for (i = 0; i < n; i++)
        keep[i] = 1;
    if (n < 2)
        return 0;
    v = malloc(n * sizeof(*v));
    if (!v)
        return -1;
    for (i = 0; i < n; i++) {
        const jsch_issue *is = jsch_result_get(res, i);
        int r = value_rank(is->keyword);
        if (r < 0)
            continue;
        v[m].location = is->instance_location;
        v[m].rank = r;
        v[m++].index = i;
    }
    qsort(v, m, sizeof(*v), cmp_ranked);
    /* a group's first entry has its best rank; worse ranks at the same place go */
    for (g = 0, i = 1; i < m; i++) {
        if (strcmp(v[g].location, v[i].location) != 0)
            g = i;
        else if (v[i].rank > v[g].rank)
            keep[v[i].index] = 0;
    }
    free(v);
    return 0;
}
