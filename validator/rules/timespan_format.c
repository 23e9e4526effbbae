/*
 * timespan_format.c - rule 'timespan-format': refreshInterval is a .NET TimeSpan.
 */
#include "../advisor/advisor.h"
#include "check.h"

#define POINTER "/dataSourceMetadata/refreshInterval"

static void check(al_check *c)
{
    const char *v = al_check_string(c, POINTER);
    adv_timespan ts;
    char why[200];
    if (!v)
        return;
    if (adv_timespan_parse(v, &ts, why, sizeof(why)) != 0)
        al_check_at_pointer(c, "timespan-format", POINTER, AL_AT_VALUE, "refreshInterval: %s", why);
    else if (ts.seconds <= 0)
        al_check_at_pointer(c, "timespan-format", POINTER, AL_AT_VALUE,
                            "refreshInterval \"%s\" is not positive", v);
}

const al_rule al_rule_timespan_format = {
    "timespan-format",
    AL_SEV_ERROR,
    "refreshInterval is not a valid .NET TimeSpan",
    "## What it flags\n"
    "A `dataSourceMetadata.refreshInterval` that .NET's TimeSpan cannot read as `[d.]hh:mm:ss`:\n"
    "text that is not the shape, hours of 24 or more, minutes or seconds of 60 or more, or a\n"
    "zero or negative span.\n\n"
    "## Why it matters\n"
    "The pipeline parses it with TimeSpan.Parse: `24:00:00` throws, and the recommendation is\n"
    "never refreshed.\n\n"
    "## Example\n"
    "```json\n\"refreshInterval\": \"24:00:00\"\n```\n\n"
    "## Fix\n"
    "Write whole days with a day part: `\"1.00:00:00\"`.",
    check,
    NULL,
    NULL,
};
