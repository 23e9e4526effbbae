/*
 * empty_required.c - rule 'empty-required': required body strings left empty.
 *
 * The authoring template leaves every string empty; a schema's minLength
 * says the same, but this rule names the field in words and covers the
 * per-action-type requirements too. Enum-valued and GUID-valued fields are
 * left to the schema's enum and to guid-format, which say more.
 */
#include <stdio.h>
#include <string.h>

#include "../advisor/advisor.h"
#include "../lint/check.h"

static const char *const top_level[] = {
    "/description", "/longDescription", "/potentialBenefits", "/displayLabel",
    "/recommendationFriendlyName", "/recommendationResourceType", "/learnMoreLink",
    "/owner/email", "/owner/icm/routingId", "/owner/icm/service", "/owner/icm/team",
};

static int blank(const char *s)
{
    for (; *s; s++)
        if (*s != ' ' && *s != '\t' && *s != '\n' && *s != '\r')
            return 0;
    return 1;
}

static void check_field(al_check *c, const char *pointer)
{
    const char *v = al_check_string(c, pointer);
    char path[128];
    if (v && blank(v))
        al_check_at_pointer(c, "empty-required", pointer, AL_AT_VALUE, "%s is empty",
                            adv_pointer_to_path(pointer, path, sizeof(path)));
}

static void check_action(al_check *c, const char *base, int in_list)
{
    char p[128];
    const char *type;
    snprintf(p, sizeof(p), "%s/actionType", base);
    type = al_check_string(c, p);
    if (in_list) {
        snprintf(p, sizeof(p), "%s/description", base);
        check_field(c, p);
    }
    if (!type)
        return;
    if (!strcmp(type, "Document")) {
        snprintf(p, sizeof(p), "%s/documentLink", base);
        check_field(c, p);
    } else if (!strcmp(type, "Blade") || !strcmp(type, "ContextBlade")) {
        snprintf(p, sizeof(p), "%s/extensionName", base);
        check_field(c, p);
        snprintf(p, sizeof(p), "%s/bladeName", base);
        check_field(c, p);
    }
}

static void check(al_check *c)
{
    size_t i, n;
    json_t *actions;
    for (i = 0; i < sizeof(top_level) / sizeof(top_level[0]); i++)
        check_field(c, top_level[i]);
    actions = al_check_get(c, "/actions");
    n = json_is_array(actions) ? json_array_size(actions) : 0;
    for (i = 0; i < n; i++) {
        char base[64];
        snprintf(base, sizeof(base), "/actions/%zu", i);
        check_action(c, base, 1);
    }
    if (json_is_object(al_check_get(c, "/resourceMetadata/action")))
        check_action(c, "/resourceMetadata/action", 0);
}

const al_rule al_rule_empty_required = {
    "empty-required",
    AL_SEV_ERROR,
    "a required body string is empty",
    "## What it flags\n"
    "An empty (or white-space-only) value for a field the recommendation needs: description,\n"
    "longDescription, potentialBenefits, displayLabel, recommendationFriendlyName,\n"
    "recommendationResourceType, learnMoreLink, the owner's email and IcM fields, an action's\n"
    "description, a Document action's documentLink, a Blade action's extensionName and bladeName.\n\n"
    "## Why it matters\n"
    "The authoring template leaves these empty: the portal then shows blank text or a dead link.\n\n"
    "## Example\n"
    "```json\n\"learnMoreLink\": \"\"\n```\n\n"
    "## Fix\n"
    "Fill the field in: `\"learnMoreLink\": \"https://aka.ms/...\"`.",
    check,
    NULL,
};
