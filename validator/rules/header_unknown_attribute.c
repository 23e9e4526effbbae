/*
 * header_unknown_attribute.c - rule 'header-unknown-attribute'.
 *
 * Flags header attributes outside the known list; where one is a near miss
 * of a known name (other case, or one or two letters off, as `author` for
 * `authors`), the message names the one that was meant.
 */
#include <string.h>
#include <strings.h>

#include "check.h"

static const char *const known[] = {
    "pageTitle",    "description",       "authors",     "ms.author",     "articleId",
    "selfHelpType", "cloudEnvironments", "ownershipId", "productPesIds", "advisorLintIgnore",
};

/* Edit distance, case-insensitive, capped: returns 3 for anything above 2. */
static int distance(const char *a, const char *b)
{
    size_t la = strlen(a), lb = strlen(b), i, j;
    int row[64], prev;
    if (la >= 63 || lb >= 63 || (la > lb ? la - lb : lb - la) > 2)
        return 3;
    for (j = 0; j <= lb; j++)
        row[j] = (int)j;
    for (i = 1; i <= la; i++) {
        prev = row[0];
        row[0] = (int)i;
        for (j = 1; j <= lb; j++) {
            int cur = row[j];
            int cost = (a[i - 1] | 0x20) == (b[j - 1] | 0x20) ? 0 : 1;
            int best = prev + cost;
            if (row[j] + 1 < best)
                best = row[j] + 1;
            if (row[j - 1] + 1 < best)
                best = row[j - 1] + 1;
            row[j] = best;
            prev = cur;
        }
    }
    return row[lb] > 2 ? 3 : row[lb];
}

static void check(al_check *c)
{
    size_t i, k;
    for (i = 0; i < c->doc->nattrs; i++) {
        const al_attr *a = &c->doc->attrs[i];
        const char *best = NULL;
        int best_d = 3, is_known = 0;
        /* known names first: the near-miss search is for the rare unknown one */
        for (k = 0; k < sizeof(known) / sizeof(known[0]) && !is_known; k++)
            is_known = !strcmp(a->name, known[k]);
        for (k = 0; k < sizeof(known) / sizeof(known[0]) && !is_known; k++) {
            int d = strcasecmp(a->name, known[k]) == 0 ? 0 : distance(a->name, known[k]);
            if (d < best_d) {
                best_d = d;
                best = known[k];
            }
        }
        if (is_known)
            continue;
        if (best && best_d == 0)
            al_check_at_attr(
                c, "header-unknown-attribute", a, 1,
                "unknown header attribute \"%s\", did you mean \"%s\" (names are case-sensitive)",
                a->name, best);
        else if (best)
            al_check_at_attr(c, "header-unknown-attribute", a, 1,
                             "unknown header attribute \"%s\", did you mean \"%s\"", a->name, best);
        else
            al_check_at_attr(c, "header-unknown-attribute", a, 1, "unknown header attribute \"%s\"",
                             a->name);
    }
}

const al_rule al_rule_header_unknown_attribute = {
    "header-unknown-attribute",
    AL_SEV_WARNING,
    "a header attribute outside the known list, often a misspelt one",
    "## What it flags\n"
    "A `<properties>` attribute that is not one of `pageTitle`, `description`, `authors`,\n"
    "`ms.author`, `articleId`, `selfHelpType`, `cloudEnvironments`, `ownershipId`,\n"
    "`productPesIds` (or `advisorLintIgnore`, advisor-lint's own). When the name is a near miss\n"
    "of a known one (`pagetitle`, `author`), the message says which was meant.\n\n"
    "## Why it matters\n"
    "The pipeline ignores attributes it does not know: a misspelt `pagetitle` or `author` is as\n"
    "good as missing, silently.\n\n"
    "## Example\n"
    "```\n<properties\n    author=\"alias\"\n```\n\n"
    "## Fix\n"
    "Spell it as meant: `authors=\"alias\"`; remove attributes that are not part of the format.",
    check,
    NULL,
    NULL,
};
