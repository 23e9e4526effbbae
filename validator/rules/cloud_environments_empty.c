/*
 * cloud_environments_empty.c - rule 'cloud-environments-empty'.
 */
#include "../advisor/advisor.h"
#include "check.h"

static void check(al_check *c)
{
    const al_attr *a = al_doc_attr(c->doc, "cloudEnvironments");
    adv_list_item it;
    size_t pos = 0;
    if (!a)
        return;
    while (adv_list_next(a->value, &pos, &it))
        if (it.len)
            return;
    al_check_at_attr(
        c, "cloud-environments-empty", a, 0,
        "cloudEnvironments is empty, expected clouds such as \"Public, Fairfax, Mooncake\"");
}

const al_rule al_rule_cloud_environments_empty = {
    "cloud-environments-empty",
    AL_SEV_ERROR,
    "cloudEnvironments names no cloud",
    "## What it flags\n"
    "A `cloudEnvironments` header attribute that is empty or holds only commas and spaces.\n\n"
    "## Why it matters\n"
    "The clouds decide where the recommendation is published: with none, it reaches nobody.\n"
    "The authoring template leaves it empty.\n\n"
    "## Example\n"
    "```\ncloudEnvironments=\"\"\n```\n\n"
    "## Fix\n"
    "List the clouds, comma-separated: `cloudEnvironments=\"Public, Fairfax, Mooncake\"`.",
    check,
    NULL,
    NULL,
};
