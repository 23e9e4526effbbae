/*
 * article_id.c - rule 'article-id': the articleId header attribute's form.
 *
 * articleId is a GUID, optionally followed by `_Cloud`. The GUID part is
 * checked with the same exact reasons as guid-format; the suffix must name
 * a known cloud listed in the file's cloudEnvironments. The GUID is NOT
 * required to equal recommendationTypeId (129 real files differ).
 */
#include <stdio.h>
#include <string.h>

#include "../advisor/advisor.h"
#include "check.h"

static void check(al_check *c)
{
    const al_attr *a = al_doc_attr(c->doc, "articleId");
    const al_attr *clouds = al_doc_attr(c->doc, "cloudEnvironments");
    const char *v, *us;
    size_t glen;
    char why[160];

    if (!a)
        return;
    v = a->value;
    if (!*v) {
        al_check_at_attr(c, "article-id", a, 0,
                         "articleId is empty, expected a GUID or GUID_Cloud");
        return;
    }
    us = strchr(v, '_');
    glen = us ? (size_t)(us - v) : strlen(v);
    if (adv_guid_check(v, glen, why, sizeof(why)) != 0) {
        al_check_at_attr(c, "article-id", a, 0,
                         "articleId \"%s\" is not GUID or GUID_Cloud: its GUID part %s", v, why);
        return;
    }
    if (us) {
        const char *canon = NULL;
        unsigned bit = adv_cloud_lookup(us + 1, strlen(us + 1), &canon);
        if (!bit) {
            al_check_at_attr(
                c, "article-id", a, 0,
                "articleId suffix \"%s\" is not a cloud (Public, Fairfax, Mooncake, USNat, USSec)",
                us + 1);
        } else if (clouds && adv_clouds_parse(clouds->value) &&
                   !(adv_clouds_parse(clouds->value) & bit)) {
            al_check_at_attr(c, "article-id", a, 0,
                             "articleId suffix \"%s\" is not one of cloudEnvironments \"%s\"",
                             us + 1, clouds->value);
        }
    }
}

const al_rule al_rule_article_id = {
    "article-id",
    AL_SEV_ERROR,
    "articleId is not a GUID or GUID_Cloud matching cloudEnvironments",
    "## What it flags\n"
    "An `articleId` header attribute that is empty, whose GUID part is malformed (the message\n"
    "says exactly how: a bad character, a group of the wrong length, braces, white space), or\n"
    "whose `_Cloud` suffix is not a cloud or not one of the file's `cloudEnvironments`.\n\n"
    "## Why it matters\n"
    "articleId is the key the publishing pipeline stores the recommendation under, per cloud:\n"
    "a malformed one fails to publish, and a suffix for a cloud the file does not target files\n"
    "the article under the wrong cloud.\n\n"
    "## Example\n"
    "```\narticleId=\"02cfb5ef-z9b0-4c4b-9b1a-9a4e7a1c3d2e_Mooncake\"\ncloudEnvironments=\"Public\"\n```\n\n"
    "## Fix\n"
    "Use hex digits only, and a suffix naming one of the file's clouds:\n"
    "`articleId=\"02cfb5ef-a9b0-4c4b-9b1a-9a4e7a1c3d2e_Public\"`.",
    check,
    NULL,
    NULL,
};
