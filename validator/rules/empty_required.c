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
#include "check.h"

/* Top-level required strings, and the two objects whose members are required. */
static const char *const top_level[] = {
    "description",
    "longDescription",
    "potentialBenefits",
    "displayLabel",
    "recommendationFriendlyName",
    "recommendationResourceType",
    "learnMoreLink",
};
static const char *const owner_fields[] = { "email" };
static const char *const icm_fields[] = { "routingId", "service", "team" };

static int blank(const char *s)
{
    for (; *s; s++)
        if (*s != ' ' && *s != '\t' && *s != '\n' && *s != '\r')
            return 0;
    return 1;
}

/*
 * Reports member NAME of OBJ when it is a blank string; BASE is OBJ's JSON
 * pointer. The pointer is only built for a finding: this runs on every file.
 */
static void check_member(al_check *c, json_t *obj, const char *base, const char *name)
{
    const char *v = json_string_value(json_object_get(obj, name));
    char pointer[160], path[160];
    if (!v || !blank(v))
        return;
    snprintf(pointer, sizeof(pointer), "%s/%s", base, name);
    al_check_at_pointer(c, "empty-required", pointer, AL_AT_VALUE, "%s is empty",
                        adv_pointer_to_path(pointer, path, sizeof(path)));
}

static void check_action(al_check *c, json_t *action, const char *base, int in_list)
{
    const char *type = json_string_value(json_object_get(action, "actionType"));
    if (in_list)
        check_member(c, action, base, "description");
    if (!type)
        return;
    if (!strcmp(type, "Document")) {
        check_member(c, action, base, "documentLink");
    } else if (!strcmp(type, "Blade") || !strcmp(type, "ContextBlade")) {
        check_member(c, action, base, "extensionName");
        check_member(c, action, base, "bladeName");
    }
}

static void check(al_check *c)
{
    json_t *body = c->doc->body, *owner, *actions, *ra;
    size_t i, n;

    for (i = 0; i < sizeof(top_level) / sizeof(top_level[0]); i++)
        check_member(c, body, "", top_level[i]);
    owner = json_object_get(body, "owner");
    for (i = 0; i < sizeof(owner_fields) / sizeof(owner_fields[0]); i++)
        check_member(c, owner, "/owner", owner_fields[i]);
    for (i = 0; i < sizeof(icm_fields) / sizeof(icm_fields[0]); i++)
        check_member(c, json_object_get(owner, "icm"), "/owner/icm", icm_fields[i]);
    actions = json_object_get(body, "actions");
    n = json_is_array(actions) ? json_array_size(actions) : 0;
    for (i = 0; i < n; i++) {
        char base[64];
        json_t *a = json_array_get(actions, i);
        if (!json_is_object(a))
            continue;
        snprintf(base, sizeof(base), "/actions/%zu", i);
        check_action(c, a, base, 1);
    }
    ra = json_object_get(json_object_get(body, "resourceMetadata"), "action");
    if (json_is_object(ra))
        check_action(c, ra, "/resourceMetadata/action", 0);
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
    NULL,
};
