/*
 * cloud_name.c - rule 'cloud-name': every cloudEnvironments item is a cloud.
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
    while (adv_list_next(a->value, &pos, &it)) {
        size_t off = a->value_off + it.off;
        /* empty items ("Public,") are harmless; an empty list is cloud-environments-empty */
        if (!it.len)
            continue;
        if (!adv_cloud_lookup(a->value + it.off, it.len, NULL))
            al_check_at_offset(
                c, "cloud-name", off, off + it.len, NULL,
                "unknown cloud \"%.*s\", expected Public, Fairfax, Mooncake, USNat or USSec",
                (int)it.len, a->value + it.off);
    }
}

const al_rule al_rule_cloud_name = {
    "cloud-name",
    AL_SEV_ERROR,
    "a cloudEnvironments item is not a known cloud",
    "## What it flags\n"
    "An item of the comma-separated `cloudEnvironments` that is not `Public`, `Fairfax`,\n"
    "`Mooncake`, `USNat` or `USSec` (in any case).\n\n"
    "## Why it matters\n"
    "An unknown cloud name is dropped by the pipeline: the recommendation silently misses the\n"
    "cloud that was meant.\n\n"
    "## Example\n"
    "```\ncloudEnvironments=\"Public, Gallatin\"\n```\n\n"
    "## Fix\n"
    "Use the cloud's name: `cloudEnvironments=\"Public, USNat\"`.",
    check,
    NULL,
    NULL,
};
