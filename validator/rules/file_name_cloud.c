/*
 * file_name_cloud.c - rule 'file-name-cloud': the file name's cloud suffix
 * disagrees with the header.
 *
 * Per-cloud variants are named NAME-public.md, NAME-fairfax.md (or -ff),
 * NAME-mooncake.md (or -mc), NAME-usnat.md, NAME-ussec.md. When the suffix
 * names a cloud that is not the articleId's suffix, or not one of the
 * cloudEnvironments, one of them was copied from another variant (Fairfax
 * and USNat were swapped that way). One finding per file, on the articleId
 * suffix when that disagrees, else on cloudEnvironments. Names without a
 * cloud suffix ("x-612dpublic.md") are not checked.
 */
#include <string.h>

#include "../advisor/advisor.h"
#include "check.h"

static void check(al_check *c)
{
    const al_attr *aid = al_doc_attr(c->doc, "articleId");
    const al_attr *ce = al_doc_attr(c->doc, "cloudEnvironments");
    const char *us = aid ? strchr(aid->value, '_') : NULL;
    size_t off, len;
    unsigned fc = adv_file_name_cloud(c->file, &off, &len), ac = 0, clouds = 0;

    if (!fc)
        return;
    if (us)
        ac = adv_cloud_lookup(us + 1, strlen(us + 1), NULL);
    if (ce)
        clouds = adv_clouds_parse(ce->value);
    if (ac && ac != fc) {
        size_t o = aid->value_off + (size_t)(us + 1 - aid->value);
        al_check_at_offset(c, "file-name-cloud", o, o + strlen(us + 1), NULL,
                           "file name says %s (\"-%.*s\") but the articleId suffix says %s",
                           adv_cloud_name(fc), (int)len, c->file + off, us + 1);
        return;
    }
    if (clouds && !(clouds & fc))
        al_check_at_attr(c, "file-name-cloud", ce, 0,
                         "file name says %s (\"-%.*s\") but cloudEnvironments is \"%s\"",
                         adv_cloud_name(fc), (int)len, c->file + off, ce->value);
}

const al_rule al_rule_file_name_cloud = {
    "file-name-cloud",
    AL_SEV_WARNING,
    "the file name's cloud suffix disagrees with articleId or cloudEnvironments",
    "## What it flags\n"
    "A file whose name ends in a cloud suffix (`-public`, `-fairfax` or `-ff`, `-mooncake` or\n"
    "`-mc`, `-usnat`, `-ussec`) while its articleId suffix names another cloud, or its\n"
    "cloudEnvironments does not include that cloud.\n\n"
    "## Why it matters\n"
    "Per-cloud variants are made by copying one file to another name; a header left as the\n"
    "original's publishes the recommendation to the wrong cloud, and the intended cloud never\n"
    "gets it (Fairfax and USNat variants were swapped this way).\n\n"
    "## Example\n"
    "`lowusagevm-fairfax.md`:\n"
    "```\narticleId=\"4a031d69-19fd-495f-9d25-93afbf7f1e89_USNat\"\ncloudEnvironments=\"USNat\"\n```\n\n"
    "## Fix\n"
    "Make the header say the file name's cloud (`_Fairfax`, `cloudEnvironments=\"Fairfax\"`), or\n"
    "rename the file if the header is right.",
    check,
    NULL,
    NULL,
};
