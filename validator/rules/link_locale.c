/*
 * link_locale.c - rule 'link-locale': a documentation link pinned to a language.
 *
 * learn.microsoft.com, docs.microsoft.com, azure.microsoft.com and
 * docs.azure.cn serve each page in the reader's language when the path
 * has no locale; "/en-us/" pins it. The finding spans "/en-us" in the
 * source, and the certain fix removes it: only when the span is that plain
 * text (a link spelt with escapes, "\\/en-us", is reported, not fixed).
 */
#include <string.h>

#include "../advisor/advisor.h"
#include "check.h"

static void check(al_check *c)
{
    const adv_link *links;
    size_t n, i, off, len;

    links = al_check_links(c, &n);
    for (i = 0; i < n; i++) {
        const char *v = links[i].value;
        if (!v || !adv_link_locale(v, &off, &len))
            continue;
        al_check_at_string(c, "link-locale", links[i].pointer, off, off + len,
                           "link has the locale segment \"%.*s\": leave it out so readers get "
                           "their own language",
                           (int)(len - 1), v + off + 1);
    }
}

/* "/en-us" (a locale segment with its leading '/', as the finding spans it) to "". */
static char *fix(const char *data, size_t off, size_t end)
{
    const char *s = data + off;
    size_t len = end - off;
    if (len < 2 || s[0] != '/' || !adv_locale_tag(s + 1, len - 1))
        return NULL;
    return strdup("");
}

const al_rule al_rule_link_locale = {
    "link-locale",
    AL_SEV_WARNING,
    "a documentation link has a locale segment such as /en-us/",
    "## What it flags\n"
    "A learnMoreLink or documentLink to learn.microsoft.com, docs.microsoft.com,\n"
    "azure.microsoft.com or docs.azure.cn whose path starts with a locale (`/en-us/`,\n"
    "`/zh-cn/`, `/de-de/`).\n\n"
    "## Why it matters\n"
    "Without a locale these sites show the page in the reader's own language; with one, every\n"
    "reader gets that language. Recommendations are shown to users worldwide.\n\n"
    "## Example\n"
    "```json\n\"learnMoreLink\": \"https://learn.microsoft.com/en-us/azure/advisor/advisor-overview\"\n```\n\n"
    "## Fix\n"
    "Remove the segment (`--fix` does):\n"
    "`\"https://learn.microsoft.com/azure/advisor/advisor-overview\"`.",
    check,
    NULL,
    fix,
};
