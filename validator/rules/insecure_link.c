/*
 * insecure_link.c - rule 'insecure-link': links over plain http.
 *
 * Not fixed automatically: whether a host serves https is not certain.
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
        if (v && adv_link_check(v, host, sizeof(host), why, sizeof(why)) == ADV_LINK_HTTP)
            al_check_at_pointer(c, "insecure-link", links[i].pointer, AL_AT_VALUE,
                                "link \"%s\" uses http, use https", v);
    }
}

const al_rule al_rule_insecure_link = {
    "insecure-link",
    AL_SEV_WARNING,
    "a link uses http instead of https",
    "## What it flags\n"
    "A learnMoreLink or documentLink starting with `http://`.\n\n"
    "## Why it matters\n"
    "Plain http links can be tampered with on the way, and browsers warn about them. Not fixed\n"
    "automatically: only a person can confirm the host serves the page over https.\n\n"
    "## Example\n"
    "```json\n\"learnMoreLink\": \"http://aka.ms/redis/recommendations/memory-policies\"\n```\n\n"
    "## Fix\n"
    "`\"learnMoreLink\": \"https://aka.ms/redis/recommendations/memory-policies\"`.",
    check,
    NULL,
    NULL,
};
