/*
 * refresh_too_short.c - rule 'refresh-too-short': refreshInterval under an hour.
 *
 * No real file refreshes more often than hourly; the ones that did had
 * hours and minutes swapped ("00:01:00" meant "01:00:00"). Spans that do
 * not parse or are not positive are timespan-format's, not this rule's.
 */
#include "../advisor/advisor.h"
#include "check.h"

#define POINTER "/dataSourceMetadata/refreshInterval"

static void check(al_check *c)
{
    const char *v = al_check_string(c, POINTER);
    adv_timespan ts;
    char why[200];
    if (!v || adv_timespan_parse(v, &ts, why, sizeof(why)) != 0 || ts.seconds <= 0 ||
        ts.seconds >= 3600)
        return;
    al_check_at_pointer(
        c, "refresh-too-short", POINTER, AL_AT_VALUE,
        "refreshInterval \"%s\" is %g s, under one hour: hours and minutes swapped?", v,
        ts.seconds);
}

const al_rule al_rule_refresh_too_short = {
    "refresh-too-short",
    AL_SEV_WARNING,
    "refreshInterval is under one hour",
    "## What it flags\n"
    "A `dataSourceMetadata.refreshInterval` shorter than one hour, such as `00:01:00` or\n"
    "`0.00:05:00`.\n\n"
    "## Why it matters\n"
    "No recommendation is refreshed more often than hourly: every such value so far was a\n"
    "typo for hours (`00:01:00` written for `01:00:00`), and a refresh every minute or five\n"
    "loads the data source for nothing.\n\n"
    "## Example\n"
    "```json\n\"refreshInterval\": \"00:01:00\"\n```\n\n"
    "## Fix\n"
    "Hours come first in a .NET TimeSpan, `[d.]hh:mm:ss`: `\"01:00:00\"` for one hour,\n"
    "`\"1.00:00:00\"` for a day.",
    check,
    NULL,
    NULL,
};
