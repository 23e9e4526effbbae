/*
 * duplicate_action_id.c - rule 'duplicate-action-id': actionId unique in actions[].
 *
 * resourceMetadata.action may reuse an action's id (12 real files do), so
 * only ids within actions[] are compared.
 */
#include <stdio.h>
#include <strings.h>

#include "check.h"

static void check(al_check *c)
{
    json_t *actions = al_check_get(c, "/actions");
    size_t n = json_is_array(actions) ? json_array_size(actions) : 0, i, j;
    for (i = 1; i < n; i++) {
        const char *id = json_string_value(json_object_get(json_array_get(actions, i), "actionId"));
        if (!id || !*id)
            continue;
        for (j = 0; j < i; j++) {
            const char *other =
                json_string_value(json_object_get(json_array_get(actions, j), "actionId"));
            if (other && !strcasecmp(id, other)) {
                char p[64];
                snprintf(p, sizeof(p), "/actions/%zu/actionId", i);
                al_check_at_pointer(c, "duplicate-action-id", p, AL_AT_VALUE,
                                    "actionId \"%s\" is also the id of actions[%zu]", id, j);
                break;
            }
        }
    }
}

const al_rule al_rule_duplicate_action_id = {
    "duplicate-action-id",
    AL_SEV_ERROR,
    "two actions share an actionId",
    "## What it flags\n"
    "An action in `actions[]` whose actionId (compared case-insensitively) is the id of an\n"
    "earlier action. resourceMetadata.action may reuse an action's id.\n\n"
    "## Why it matters\n"
    "Action ids identify the action users took in telemetry: two actions with one id cannot be\n"
    "told apart. It is usually a copy-pasted action whose id was not regenerated.\n\n"
    "## Example\n"
    "```json\n\"actions\": [ {\"actionId\": \"3ab0dcc6-...\", ...}, {\"actionId\": \"3ab0dcc6-...\", ...} ]\n```\n\n"
    "## Fix\n"
    "Give the second action a new GUID.",
    check,
    NULL,
    NULL,
};
