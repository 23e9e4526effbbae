/*
 * link_placeholder.c - rule 'link-placeholder': malformed {placeholders} in links.
 */
#include "../advisor/advisor.h"
#include "check.h"

static void check(al_check *c)
{
    const adv_link *links;
    char why[160];
    size_t n, i, at;

    links = al_check_links(c, &n);
    for (i = 0; i < n; i++) {
        const char *v = links[i].value;
        if (v && adv_placeholders_check(v, &at, why, sizeof(why)) != 0)
            al_check_at_pointer(c, "link-placeholder", links[i].pointer, AL_AT_VALUE,
                                "link \"%s\": %s", v, why);
    }
}

const al_rule al_rule_link_placeholder = {
    "link-placeholder",
    AL_SEV_ERROR,
    "a {placeholder} in a link is not closed or not a name",
    "## What it flags\n"
    "A `{` without its `}` in a link, a `}` without its `{`, an empty `{}`, or a placeholder\n"
    "name with characters other than letters, digits, `_`, `.` and `-`.\n\n"
    "## Why it matters\n"
    "Placeholders such as `{resourceId}` are filled from the recommendation's row when it is\n"
    "shown; a broken one is shown as is, and the link goes nowhere.\n\n"
    "## Example\n"
    "```json\n\"documentLink\": \"{resourceId/overview\"\n```\n\n"
    "## Fix\n"
    "`\"documentLink\": \"{resourceId}/overview\"`.",
    check,
    NULL,
    NULL,
};
