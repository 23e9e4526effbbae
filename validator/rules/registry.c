/*
 * registry.c - the table of every rule, the one place a rule is listed.
 *
 * Adding a rule: write validator/rules/<id_with_underscores>.c defining
 * al_rule_<id_with_underscores>, declare it below and add it to the table
 * (kept sorted by id, which --list-rules and docs/rules.md rely on; a unit
 * test checks the order and that every id is kebab-case and documented).
 * A per-file rule that reads only the header, the title or the file name,
 * never the body, is listed in without_body too, so it runs whatever the
 * body's state.
 */
#include "rule.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

extern const al_rule al_rule_article_id;
extern const al_rule al_rule_article_id_unique;
extern const al_rule al_rule_cloud_environments_empty;
extern const al_rule al_rule_cloud_name;
extern const al_rule al_rule_cloud_name_case;
extern const al_rule al_rule_data_source_cloud;
extern const al_rule al_rule_duplicate_action_id;
extern const al_rule al_rule_duplicate_key;
extern const al_rule al_rule_empty_required;
extern const al_rule al_rule_encoding;
extern const al_rule al_rule_fence_missing;
extern const al_rule al_rule_file_name_cloud;
extern const al_rule al_rule_friendly_name_type;
extern const al_rule al_rule_guid_format;
extern const al_rule al_rule_header_missing;
extern const al_rule al_rule_header_required_attribute;
extern const al_rule al_rule_header_syntax;
extern const al_rule al_rule_header_unclosed;
extern const al_rule al_rule_header_unknown_attribute;
extern const al_rule al_rule_insecure_link;
extern const al_rule al_rule_json_control_character;
extern const al_rule al_rule_json_syntax;
extern const al_rule al_rule_json_trailing_comma;
extern const al_rule al_rule_link_host;
extern const al_rule al_rule_link_locale;
extern const al_rule al_rule_link_malformed;
extern const al_rule al_rule_link_placeholder;
extern const al_rule al_rule_owner_default;
extern const al_rule al_rule_placeholder_title;
extern const al_rule al_rule_portal_extension_unknown;
extern const al_rule al_rule_read_error;
extern const al_rule al_rule_refresh_too_short;
extern const al_rule al_rule_schema;
extern const al_rule al_rule_self_help_type;
extern const al_rule al_rule_sovereign_cloud_link;
extern const al_rule al_rule_test_data;
extern const al_rule al_rule_timespan_format;
extern const al_rule al_rule_timespan_noncanonical;
extern const al_rule al_rule_title_missing;
extern const al_rule al_rule_todo_marker;
extern const al_rule al_rule_ttl_shorter_than_refresh;
extern const al_rule al_rule_type_cloud_unique;
extern const al_rule al_rule_unused_suppression;
extern const al_rule al_rule_variant_mismatch;

static const al_rule *const rules[] = {
    &al_rule_article_id,
    &al_rule_article_id_unique,
    &al_rule_cloud_environments_empty,
    &al_rule_cloud_name,
    &al_rule_cloud_name_case,
    &al_rule_data_source_cloud,
    &al_rule_duplicate_action_id,
    &al_rule_duplicate_key,
    &al_rule_empty_required,
    &al_rule_encoding,
    &al_rule_fence_missing,
    &al_rule_file_name_cloud,
    &al_rule_friendly_name_type,
    &al_rule_guid_format,
    &al_rule_header_missing,
    &al_rule_header_required_attribute,
    &al_rule_header_syntax,
    &al_rule_header_unclosed,
    &al_rule_header_unknown_attribute,
    &al_rule_insecure_link,
    &al_rule_json_control_character,
    &al_rule_json_syntax,
    &al_rule_json_trailing_comma,
    &al_rule_link_host,
    &al_rule_link_locale,
    &al_rule_link_malformed,
    &al_rule_link_placeholder,
    &al_rule_owner_default,
    &al_rule_placeholder_title,
    &al_rule_portal_extension_unknown,
    &al_rule_read_error,
    &al_rule_refresh_too_short,
    &al_rule_schema,
    &al_rule_self_help_type,
    &al_rule_sovereign_cloud_link,
    &al_rule_test_data,
    &al_rule_timespan_format,
    &al_rule_timespan_noncanonical,
    &al_rule_title_missing,
    &al_rule_todo_marker,
    &al_rule_ttl_shorter_than_refresh,
    &al_rule_type_cloud_unique,
    &al_rule_unused_suppression,
    &al_rule_variant_mismatch,
};

#define NRULES (sizeof(rules) / sizeof(rules[0]))

const al_rule *const *al_rules_all(size_t *count)
{
    *count = NRULES;
    return rules;
}

static int cmp_rule_id(const void *key, const void *elem)
{
    return strcmp(key, (*(const al_rule *const *)elem)->id);
}

/* The table slot of the rule with ID, or NULL: one binary search for every lookup. */
static const al_rule *const *lookup(const char *id)
{
    return id ? bsearch(id, rules, NRULES, sizeof(rules[0]), cmp_rule_id) : NULL;
}

size_t al_rule_index(const al_rule *rule)
{
    const al_rule *const *slot = lookup(rule->id);
    return slot ? (size_t)(slot - rules) : 0;
}

const al_rule *al_rule_find(const char *id)
{
    const al_rule *const *slot = lookup(id);
    return slot ? *slot : NULL;
}

char *al_rule_fix_new(const char *rule_id, const char *data, size_t off, size_t end)
{
    const al_rule *rule = rule_id ? al_rule_find(rule_id) : NULL;
    if (!rule || !rule->fix || !data || end <= off)
        return NULL;
    return rule->fix(data, off, end);
}

static al_rule_info infos[NRULES];
static pthread_once_t infos_once = PTHREAD_ONCE_INIT;

static void fill_infos(void)
{
    size_t i;
    for (i = 0; i < NRULES; i++) {
        infos[i].id = rules[i]->id;
        infos[i].severity = rules[i]->severity;
        infos[i].summary = rules[i]->summary;
        infos[i].doc = rules[i]->doc;
        infos[i].when = !rules[i]->check ? ""
                        : al_rule_runs_without_body(rules[i])
                            ? "Runs on every file read as metadata, whatever the state of its body."
                            : "Runs when the body could be read: it parsed, or its syntax errors "
                              "were repaired without doubt.";
    }
}

const al_rule_info *al_rules_info(size_t *count)
{
    pthread_once(&infos_once, fill_infos);
    *count = NRULES;
    return infos;
}

const al_rule_info *al_rule_info_find(const char *id)
{
    size_t n;
    const al_rule_info *all = al_rules_info(&n);
    const al_rule *const *slot = lookup(id);
    return slot ? &all[slot - rules] : NULL;
}

/* Per-file rules that never read the body, sorted by id. */
static const char *const without_body[] = {
    "article-id",
    "cloud-environments-empty",
    "cloud-name",
    "cloud-name-case",
    "file-name-cloud",
    "header-required-attribute",
    "header-unknown-attribute",
    "placeholder-title",
    "todo-marker", /* reads the body only when there is one */
};

static int cmp_str(const void *key, const void *elem)
{
    return strcmp(key, *(const char *const *)elem);
}

int al_rule_runs_without_body(const al_rule *rule)
{
    return bsearch(rule->id, without_body, sizeof(without_body) / sizeof(without_body[0]),
                   sizeof(without_body[0]), cmp_str) != NULL;
}
