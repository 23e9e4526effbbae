/*
 * link_malformed.c - rule 'link-malformed': links that are not absolute URLs.
 */
#include "../advisor/advisor.h"
#include "check.h"

static void check(al_check *c)
{
    const adv_link *links;
    char host[256], why[160];
    size_t n, i;

    links = al_check_links(c, &n);
    for (i = 0; i < n; i++) {
        const char *v = links[i].value;
        if (v && adv_link_check(v, host, sizeof(host), why, sizeof(why)) == ADV_LINK_MALFORMED)
            al_check_at_pointer(c, "link-malformed", links[i].pointer, AL_AT_VALUE,
                                "link \"%s\": %s", v, why);
    }
}

const al_rule al_rule_link_malformed = {
    "link-malformed",
    AL_SEV_ERROR,
    "a link is not an absolute https URL or a {placeholder}",
    "## What it flags\n"
    "A learnMoreLink or documentLink that is neither an absolute `https://` (or `http://`) URL\n"
    "with a host, nor a value starting with a `{placeholder}`: a relative path, another scheme,\n"
    "white space inside, no host, a character not allowed in a host.\n\n"
    "## Why it matters\n"
    "The portal opens the link as is: a relative or broken URL is a dead link in front of users.\n\n"
    "## Example\n"
    "```json\n\"learnMoreLink\": \"docs.microsoft.com/azure/advisor\"\n```\n\n"
    "## Fix\n"
    "`\"learnMoreLink\": \"https://learn.microsoft.com/azure/advisor\"`.",
    check,
    NULL,
    NULL,
};
