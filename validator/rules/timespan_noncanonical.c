/*
 * timespan_noncanonical.c - rule 'timespan-noncanonical': refreshInterval
 * in a form .NET reads but the format does not use (d:hh:mm:ss, hh:mm, d).
 */
#include "../advisor/advisor.h"
#include "check.h"

#define POINTER "/dataSourceMetadata/refreshInterval"

static void check(al_check *c)
{
    const char *v = al_check_string(c, POINTER);
    adv_timespan ts;
    char why[200];
    if (!v || adv_timespan_parse(v, &ts, why, sizeof(why)) != 0 || ts.canonical || ts.seconds <= 0)
        return;
    al_check_at_pointer(c, "timespan-noncanonical", POINTER, AL_AT_VALUE,
                        "refreshInterval \"%s\" is not in the [d.]hh:mm:ss form", v);
}

const al_rule al_rule_timespan_noncanonical = {
    "timespan-noncanonical",
    AL_SEV_WARNING,
    "refreshInterval is readable but not written [d.]hh:mm:ss",
    "## What it flags\n"
    "A refreshInterval that .NET reads, but written in its general `d:hh:mm:ss` form, as\n"
    "`hh:mm` without seconds, or as a bare number of days.\n\n"
    "## Why it matters\n"
    "`1:00:00:00` is one day, but most readers take it for one hour: the canonical form says\n"
    "what it means.\n\n"
    "## Example\n"
    "```json\n\"refreshInterval\": \"1:00:00:00\"\n```\n\n"
    "## Fix\n"
    "`\"refreshInterval\": \"1.00:00:00\"`.",
    check,
    NULL,
    NULL,
};
