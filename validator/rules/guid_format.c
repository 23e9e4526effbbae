/*
 * guid_format.c - rule 'guid-format': GUID-valued body fields, with the reason.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../advisor/advisor.h"
#include "check.h"

/* Reports V (at POINTER) when it is a string that is not a GUID. */
static void check_value(al_check *c, json_t *v, const char *pointer)
{
    char why[160], path[128];
    if (!json_is_string(v))
        return;
    if (adv_guid_check(json_string_value(v), json_string_length(v), why, sizeof(why)) != 0)
        al_check_at_pointer(c, "guid-format", pointer, AL_AT_VALUE, "%s is not a GUID: it %s",
                            adv_pointer_to_path(pointer, path, sizeof(path)), why);
}

/* ingestionClientIdentities also holds certificate subjects (CN=...) and host
 * names in real files: only items meant as GUIDs are checked. */
static int meant_as_guid(json_t *v)
{
    const char *s = json_string_value(v);
    return s && !strchr(s, '=') && !strchr(s, '.');
}

/* Checks each item of ARRAY (MEMBER of it, or the item itself when NULL). */
static void check_array(al_check *c, json_t *a, const char *array, const char *member)
{
    size_t i, n = json_is_array(a) ? json_array_size(a) : 0;
    for (i = 0; i < n; i++) {
        json_t *item = json_array_get(a, i), *v = member ? json_object_get(item, member) : item;
        char p[128], why[160];
        if (!json_is_string(v) || (!member && !meant_as_guid(v)))
            continue;
        /* the pointer is only built for a bad one */
        if (adv_guid_check(json_string_value(v), json_string_length(v), why, sizeof(why)) == 0)
            continue;
        if (member)
            snprintf(p, sizeof(p), "%s/%zu/%s", array, i, member);
        else
            snprintf(p, sizeof(p), "%s/%zu", array, i);
        check_value(c, v, p);
    }
}

static void check(al_check *c)
{
    json_t *body = c->doc->body;
    check_value(c, json_object_get(body, "recommendationTypeId"), "/recommendationTypeId");
    check_value(c, json_object_get(body, "recommendationOfferingId"), "/recommendationOfferingId");
    check_value(c, json_object_get(json_object_get(body, "owner"), "serviceTreeId"),
                "/owner/serviceTreeId");
    check_value(c,
                json_object_get(json_object_get(json_object_get(body, "resourceMetadata"),
                                                "action"),
                                "actionId"),
                "/resourceMetadata/action/actionId");
    check_array(c, json_object_get(body, "actions"), "/actions", "actionId");
    check_array(c, json_object_get(body, "ingestionClientIdentities"), "/ingestionClientIdentities",
                NULL);
}

/*
 * The fix for a GUID string whose only defect is spaces inside its quotes:
 * "  0b1c...  " (with the quotes) becomes "0b1c...". Anything else needs a
 * person.
 */
static char *fix(const char *data, size_t off, size_t end)
{
    const char *s = data + off, *a, *b;
    size_t len = end - off;
    char why[160], *out;
    if (len < 2 || s[0] != '"' || s[len - 1] != '"')
        return NULL;
    if (memchr(s, '\\', len) || memchr(s, '\n', len) || memchr(s, '\r', len))
        return NULL;
    a = s + 1;
    b = s + len - 1;
    while (a < b && *a == ' ')
        a++;
    while (b > a && b[-1] == ' ')
        b--;
    if (a == s + 1 && b == s + len - 1)
        return NULL;
    if (adv_guid_check(a, (size_t)(b - a), why, sizeof(why)) != 0)
        return NULL;
    out = malloc((size_t)(b - a) + 3);
    if (!out)
        return NULL;
    out[0] = '"';
    memcpy(out + 1, a, (size_t)(b - a));
    out[(b - a) + 1] = '"';
    out[(b - a) + 2] = '\0';
    return out;
}

const al_rule al_rule_guid_format = {
    "guid-format",
    AL_SEV_ERROR,
    "a GUID field is not 8-4-4-4-12 hex digits",
    "## What it flags\n"
    "recommendationTypeId, recommendationOfferingId, owner.serviceTreeId, every actionId and\n"
    "every ingestionClientIdentities item that is not a GUID, with the exact reason: a character\n"
    "that is not a hex digit, a group of the wrong length, the wrong number of groups, braces,\n"
    "surrounding white space, or an empty value.\n\n"
    "## Why it matters\n"
    "These GUIDs are keys: the pipeline parses them as GUIDs and refuses the recommendation, or\n"
    "worse, an id mistyped by one character points at another service's data.\n\n"
    "## Example\n"
    "```json\n\"recommendationOfferingId\": \"02cfb5ef-z9b0-4c4b-9b1a-9a4e7a1c3d2e\"\n```\n\n"
    "## Fix\n"
    "Copy the GUID again from its source; `z` is not a hex digit.",
    check,
    NULL,
    fix,
};
