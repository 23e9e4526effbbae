/*
 * cloud_name_case.c - rule 'cloud-name-case': canonical cloud spelling.
 *
 * Practice spells clouds in every case (`usnat`, `MoonCake`); the pipeline
 * compares case-insensitively, so this is style, fixed by --fix. Severity
 * info by default: it made 79% of all findings on the real files while
 * people fixed 8 of 516 in two years; a config can raise it.
 */
#include "../advisor/advisor.h"
#include "check.h"

#include <stdlib.h>
#include <string.h>

static void check(al_check *c)
{
    const al_attr *a = al_doc_attr(c->doc, "cloudEnvironments");
    adv_list_item it;
    size_t pos = 0;
    if (!a)
        return;
    while (adv_list_next(a->value, &pos, &it)) {
        const char *canon = NULL, *v = a->value + it.off;
        size_t off = a->value_off + it.off;
        if (!it.len || !adv_cloud_lookup(v, it.len, &canon))
            continue;
        if (memcmp(v, canon, it.len) != 0)
            al_check_at_offset(c, "cloud-name-case", off, off + it.len, NULL,
                               "cloud \"%.*s\" is spelt \"%s\"", (int)it.len, v, canon);
    }
}

static void check_suffix(al_check *c)
{
    const al_attr *a = al_doc_attr(c->doc, "articleId");
    const char *us, *canon = NULL;
    size_t off;
    if (!a || !(us = strchr(a->value, '_')))
        return;
    if (!adv_cloud_lookup(us + 1, strlen(us + 1), &canon) || !strcmp(us + 1, canon))
        return;
    off = a->value_off + (size_t)(us + 1 - a->value);
    al_check_at_offset(c, "cloud-name-case", off, off + strlen(us + 1), NULL,
                       "cloud \"%s\" in articleId is spelt \"%s\"", us + 1, canon);
}

/* The canonical spelling of the cloud name DATA[OFF, END) when it differs only in case. */
static char *fix(const char *data, size_t off, size_t end)
{
    const char *canon = NULL, *s = data + off;
    size_t len = end - off;
    if (!len || !adv_cloud_lookup(s, len, &canon) || strlen(canon) != len)
        return NULL;
    if (!memcmp(s, canon, len))
        return NULL;
    return strndup(canon, len);
}

static void check_all(al_check *c)
{
    check(c);
    check_suffix(c);
}

const al_rule al_rule_cloud_name_case = {
    "cloud-name-case",
    AL_SEV_INFO,
    "a cloud name is not in its canonical spelling",
    "## What it flags\n"
    "A cloud in `cloudEnvironments` or in the articleId suffix written in another case than\n"
    "`Public`, `Fairfax`, `Mooncake`, `USNat`, `USSec`.\n\n"
    "## Why it matters\n"
    "Clouds compare case-insensitively, so nothing breaks; one spelling keeps searches and\n"
    "reviews simple. The fix is certain. Severity info by default (style only); raise it with\n"
    "`rules: {cloud-name-case: warning}` in .advisor-lint.yaml.\n\n"
    "## Example\n"
    "```\ncloudEnvironments=\"Public, usnat, ussec\"\n```\n\n"
    "## Fix\n"
    "`cloudEnvironments=\"Public, USNat, USSec\"`.",
    check_all,
    NULL,
    fix,
};
