/*
 * ttl_shorter_than_refresh.c - rule 'ttl-shorter-than-refresh'.
 */
#include "../advisor/advisor.h"
#include "check.h"

static void check(al_check *c)
{
    json_t *ttl = al_check_get(c, "/recommendationTimeToLive");
    const char *ri = al_check_string(c, "/dataSourceMetadata/refreshInterval");
    adv_timespan ts;
    char why[200];
    double t;
    if (!json_is_number(ttl) || !ri || adv_timespan_parse(ri, &ts, why, sizeof(why)) != 0 ||
        ts.seconds <= 0)
        return;
    t = json_number_value(ttl);
    if (t > 0 && t < ts.seconds)
        al_check_at_pointer(
            c, "ttl-shorter-than-refresh", "/recommendationTimeToLive", AL_AT_VALUE,
            "recommendationTimeToLive %g s is shorter than refreshInterval \"%s\" (%g s): "
            "recommendations expire before they are refreshed",
            t, ri, ts.seconds);
}

const al_rule al_rule_ttl_shorter_than_refresh = {
    "ttl-shorter-than-refresh",
    AL_SEV_WARNING,
    "recommendations expire before the next refresh",
    "## What it flags\n"
    "A recommendationTimeToLive (seconds) shorter than the dataSourceMetadata.refreshInterval.\n\n"
    "## Why it matters\n"
    "Each recommendation disappears when its time to live ends and comes back at the next\n"
    "refresh: users see it blink in and out.\n\n"
    "## Example\n"
    "```json\n\"refreshInterval\": \"7.00:00:00\",\n...\n\"recommendationTimeToLive\": 86400\n```\n\n"
    "## Fix\n"
    "Make the time to live at least the refresh interval (`604800` for seven days), or refresh\n"
    "more often.",
    check,
    NULL,
    NULL,
};
