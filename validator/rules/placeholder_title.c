/*
 * placeholder_title.c - rule 'placeholder-title': the template's title left in.
 */
#include <string.h>
#include <strings.h>

#include "../advisor/advisor.h"
#include "check.h"

static void check(al_check *c)
{
    const al_attr *pt = al_doc_attr(c->doc, "pageTitle");
    if (c->doc->has_title) {
        if (!c->doc->title[0])
            al_check_at_title(c, "placeholder-title", "the title is empty");
        else if (adv_title_is_placeholder(c->doc->title))
            al_check_at_title(c, "placeholder-title",
                              "the title is the template's \"%s\", write the recommendation's own",
                              c->doc->title);
    }
    if (pt && adv_title_is_placeholder(pt->value))
        al_check_at_attr(c, "placeholder-title", pt, 0,
                         "pageTitle is the template's \"%s\", write the recommendation's own",
                         pt->value);
}

const al_rule al_rule_placeholder_title = {
    "placeholder-title",
    AL_SEV_ERROR,
    "the title is the authoring template's placeholder or empty",
    "## What it flags\n"
    "A `# Sample title` heading (or `pageTitle=\"Sample title\"`) left from the authoring\n"
    "template, or an empty `#` heading. 11 real files still have it.\n\n"
    "## Why it matters\n"
    "The title is the heading people see for the recommendation: \"Sample title\" in the portal\n"
    "is a visible defect.\n\n"
    "## Example\n"
    "```\n/>\n# Sample title\n---\n```\n\n"
    "## Fix\n"
    "Write the recommendation's title, usually its pageTitle: `# Enable soft delete`.",
    check,
    NULL,
    NULL,
};
