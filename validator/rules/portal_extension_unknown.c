/*
 * portal_extension_unknown.c - rule 'portal-extension-unknown': an extensionName
 * that is not a known portal extension.
 *
 * Known: the built-in list (advisor/portal_extensions.txt, the names the
 * real files use) and `portal-extensions` in .advisor-lint.yaml. Empty
 * names are empty-required's and the schema's. Blade names are not checked:
 * no check of them is exact on the real files (not every blade name ends
 * in "Blade": RecommendationDetails, FlowLogsEnabledResourcesViewModelV2).
 */
#include <stdio.h>
#include <string.h>

#include "../advisor/advisor.h"
#include "check.h"

static int known(const al_check *c, const char *name)
{
    size_t i;
    if (adv_portal_extension_known(name))
        return 1;
    for (i = 0; i < c->nportal_extensions; i++)
        if (!strcmp(name, c->portal_extensions[i]))
            return 1;
    return 0;
}

static void check_action(al_check *c, json_t *action, const char *pointer)
{
    const char *name = json_string_value(json_object_get(action, "extensionName"));
    char ptr[128], buf[128];
    const char *hint;
    if (!name || !*name || known(c, name))
        return;
    snprintf(ptr, sizeof(ptr), "%s/extensionName", pointer);
    hint = adv_portal_extension_suggest(name, buf, sizeof(buf));
    if (hint)
        al_check_at_pointer(c, "portal-extension-unknown", ptr, AL_AT_VALUE,
                            "portal extension \"%s\" is not known: did you mean \"%s\"?", name,
                            hint);
    else
        al_check_at_pointer(c, "portal-extension-unknown", ptr, AL_AT_VALUE,
                            "portal extension \"%s\" is not known (add it to portal-extensions in "
                            ".advisor-lint.yaml if it is right)",
                            name);
}

static void check(al_check *c)
{
    json_t *actions = al_check_get(c, "/actions"),
           *ra = al_check_get(c, "/resourceMetadata/action");
    size_t i;
    char ptr[64];
    for (i = 0; i < json_array_size(actions); i++) {
        snprintf(ptr, sizeof(ptr), "/actions/%zu", i);
        check_action(c, json_array_get(actions, i), ptr);
    }
    if (json_is_object(ra))
        check_action(c, ra, "/resourceMetadata/action");
}

const al_rule al_rule_portal_extension_unknown = {
    "portal-extension-unknown",
    AL_SEV_WARNING,
    "an action's extensionName is not a known portal extension",
    "## What it flags\n"
    "An `extensionName` in `actions[]` or `resourceMetadata.action` that is not one of the portal\n"
    "extensions the real recommendation files use (`HubsExtension`, `Microsoft_Azure_Compute`,\n"
    "`SqlAzureExtension`, ...: the list is `validator/advisor/portal_extensions.txt`) nor listed\n"
    "under `portal-extensions` in .advisor-lint.yaml. When a known name is the same in another\n"
    "case or within two letters, the message names it.\n\n"
    "## Why it matters\n"
    "The portal opens the action's blade from that extension; a misspelt name is a button that\n"
    "does nothing, and nothing else catches it before users click it.\n\n"
    "## Example\n"
    "```json\n\"extensionName\": \"Microsoft_Azure_Netwrok\"\n```\n\n"
    "## Fix\n"
    "Spell the extension as the portal does (`Microsoft_Azure_Network`). For an extension that\n"
    "is right but new to the list: `portal-extensions: [Microsoft_Azure_Contoso]` in\n"
    ".advisor-lint.yaml.",
    check,
    NULL,
    NULL,
};
