/*
 * owner.c - the Advisor team's own routing, as the template leaves it.
 *
 * New recommendations are often copied from one the Advisor team owns, and
 * keep its owner: IcM routing "MDM://AzureAdvisor" and the team's address
 * aadevteam@microsoft.com. ownershipId names the team that really owns the
 * recommendation ("RedisCache_RedisCache"); the Advisor team's own is
 * "CloudES_AzureAdvisor" (service part "AzureAdvisor").
 */
#include "advisor.h"

#include <string.h>
#include <strings.h>

int adv_routing_is_advisor(const char *routing_id)
{
    return routing_id && !strcasecmp(routing_id, "MDM://AzureAdvisor");
}

int adv_email_is_advisor(const char *email)
{
    static const char local[] = "aadevteam@";
    return email && !strncasecmp(email, local, sizeof(local) - 1);
}

int adv_ownership_is_advisor(const char *ownership_id)
{
    const char *us = ownership_id ? strchr(ownership_id, '_') : NULL;
    return us && !strcasecmp(us + 1, "AzureAdvisor");
}
