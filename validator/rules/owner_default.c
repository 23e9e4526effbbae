/*
 * owner_default.c - rule 'owner-default': the owner still routes to the Advisor team.
 *
 * Recommendations are started from one the Advisor team owns and keep its
 * owner block. When ownershipId names another team but owner.icm.routingId
 * is still MDM://AzureAdvisor, or owner.email still aadevteam@, incidents
 * and mail about the recommendation go to the wrong team. The finding is
 * placed on the routingId when it is the Advisor's, else on the email; one
 * per file, naming both when both are.
 */
#include <stdio.h>
#include <string.h>

#include "../advisor/advisor.h"
#include "check.h"

#define ROUTING "/owner/icm/routingId"
#define EMAIL "/owner/email"

static void check(al_check *c)
{
    const al_attr *own = al_doc_attr(c->doc, "ownershipId");
    const char *routing = al_check_string(c, ROUTING), *email = al_check_string(c, EMAIL);
    int r = adv_routing_is_advisor(routing), e = adv_email_is_advisor(email);
    char what[512];

    if (!own || !own->value[0] || adv_ownership_is_advisor(own->value) || (!r && !e))
        return;
    if (r && e)
        snprintf(what, sizeof(what), "routingId \"%s\" and email \"%s\"", routing, email);
    else if (r)
        snprintf(what, sizeof(what), "routingId \"%s\"", routing);
    else
        snprintf(what, sizeof(what), "email \"%s\"", email);
    al_check_at_pointer(c, "owner-default", r ? ROUTING : EMAIL, AL_AT_VALUE,
                        "owner still routes to the Advisor team (%s) while ownershipId is \"%s\"",
                        what, own->value);
}

const al_rule al_rule_owner_default = {
    "owner-default",
    AL_SEV_WARNING,
    "the owner block still routes to the Advisor team while ownershipId names another",
    "## What it flags\n"
    "A file whose `ownershipId` header attribute names a team other than the Advisor team\n"
    "(`CloudES_AzureAdvisor`) while its `owner.icm.routingId` is still `MDM://AzureAdvisor` or\n"
    "its `owner.email` still an `aadevteam@` address: the owner block copied from the template.\n\n"
    "## Why it matters\n"
    "Incidents about the recommendation are routed by `routingId` and mail goes to `email`: left\n"
    "as the Advisor team's, they reach a team that does not own the recommendation, and the\n"
    "owning team never hears of them.\n\n"
    "## Example\n"
    "```\nownershipId=\"RedisCache_RedisCache\"\n```\n"
    "```json\n\"owner\": {\"email\": \"aadevteam@microsoft.com\",\n"
    "          \"icm\": {\"routingId\": \"MDM://AzureAdvisor\", \"service\": \"Azure Advisor\", \"team\": \"Azure Advisor\"}}\n```\n\n"
    "## Fix\n"
    "Put the owning team's own IcM routing, contact address and Service Tree id in `owner`:\n"
    "`\"routingId\": \"AIMS://<service>/<team>\"`, `\"email\": \"<team>@microsoft.com\"`.",
    check,
    NULL,
    NULL,
};
