/*
 * header_required_attribute.c - rule 'header-required-attribute'.
 *
 * The header attributes the publishing pipeline files a recommendation by
 * must be present and non-empty. An attribute written in another case
 * (`pagetitle`) counts as present: header-unknown-attribute names the right
 * spelling. Empty articleId and cloudEnvironments have rules of their own.
 */
#include <string.h>
#include <strings.h>

#include "check.h"

static const char *const required[] = {
    "pageTitle",    "description",       "ms.author",   "articleId",
    "selfHelpType", "cloudEnvironments", "ownershipId",
};

static const al_attr *find_any_case(const al_doc *doc, const char *name)
{
    size_t i;
    for (i = 0; i < doc->nattrs; i++)
        if (strcasecmp(doc->attrs[i].name, name) == 0)
            return &doc->attrs[i];
    return NULL;
}

static int blank(const char *s)
{
    for (; *s; s++)
        if (*s != ' ' && *s != '\t')
            return 0;
    return 1;
}

static void check(al_check *c)
{
    size_t i;
    if (!c->doc->has_header)
        return;
    for (i = 0; i < sizeof(required) / sizeof(required[0]); i++) {
        const al_attr *a = find_any_case(c->doc, required[i]);
        if (!a) {
            al_check_at_header(c, "header-required-attribute",
                               "missing required header attribute \"%s\"", required[i]);
            continue;
        }
        if (!strcmp(required[i], "articleId") || !strcmp(required[i], "cloudEnvironments"))
            continue;
        if (blank(a->value))
            al_check_at_attr(c, "header-required-attribute", a, 0,
                             "header attribute \"%s\" is empty", a->name);
    }
}

const al_rule al_rule_header_required_attribute = {
    "header-required-attribute",
    AL_SEV_ERROR,
    "a required header attribute is missing or empty",
    "## What it flags\n"
    "A `<properties>` header without `pageTitle`, `description`, `ms.author`, `articleId`,\n"
    "`selfHelpType`, `cloudEnvironments` or `ownershipId`, or with one of them empty.\n\n"
    "## Why it matters\n"
    "The publishing pipeline files and routes the recommendation by these attributes: the page\n"
    "title and description are what people see, `ms.author` and `ownershipId` who owns it.\n\n"
    "## Example\n"
    "```\n<properties\n    pageTitle=\"\"\n    ...\n/>\n```\n\n"
    "## Fix\n"
    "Add the attribute with its value: `pageTitle=\"Enable soft delete on your key vaults\"`.",
    check,
    NULL,
    NULL,
};
