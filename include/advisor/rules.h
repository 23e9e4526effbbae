/*
 * rules.h - the rules advisor-lint knows: ids, severities, documentation.
 *
 * Every finding names one rule by its stable kebab-case id. This is the
 * registry as a program sees it (al_rule_info, in report.h): enough to
 * list rules, explain one, or describe them in a report.
 */
#ifndef ADVISOR_RULES_H
#define ADVISOR_RULES_H

#include <stddef.h>

#include "export.h"
#include "report.h"

AL_BEGIN_DECLS

/* Every rule, sorted by id (static storage). *COUNT receives the number. */
AL_API const al_rule_info *al_rules_info(size_t *count);

/* The rule with ID, or NULL (static storage). */
AL_API const al_rule_info *al_rule_info_find(const char *id);

/*
 * The certain fix of rule RULE_ID's finding over DATA[OFF, END), as the
 * replacement text for that span (a new string, caller frees), or NULL
 * when there is none. Findings carry it already (al_finding.fix); this
 * recomputes it, e.g. against a buffer an editor changed since.
 */
AL_API char *al_rule_fix_new(const char *rule_id, const char *data, size_t off, size_t end);

AL_END_DECLS

#endif
