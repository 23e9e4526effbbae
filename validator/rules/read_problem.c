/*
 * read_problem.c - which rule reports each problem the readers meet.
 *
 * The readers sit below the rules and report kinds (reader/problem.h), not
 * rule ids; this table is the one place that binds a kind to its rule, so
 * renaming a rule or giving a kind its own rule is a change here only.
 * tests/unit/test_rules_registry.c checks every kind has a registered rule.
 */
#include "rule.h"

extern const al_rule al_rule_encoding;
extern const al_rule al_rule_header_missing;
extern const al_rule al_rule_header_unclosed;
extern const al_rule al_rule_header_syntax;
extern const al_rule al_rule_title_missing;
extern const al_rule al_rule_fence_missing;
extern const al_rule al_rule_self_help_type;
extern const al_rule al_rule_json_syntax;
extern const al_rule al_rule_json_control_character;
extern const al_rule al_rule_json_trailing_comma;
extern const al_rule al_rule_duplicate_key;

static const al_rule *const by_kind[AL_READ_PROBLEM_COUNT] = {
    [AL_READ_ENCODING] = &al_rule_encoding,
    [AL_READ_HEADER_MISSING] = &al_rule_header_missing,
    [AL_READ_HEADER_UNCLOSED] = &al_rule_header_unclosed,
    [AL_READ_HEADER_SYNTAX] = &al_rule_header_syntax,
    [AL_READ_TITLE_MISSING] = &al_rule_title_missing,
    [AL_READ_FENCE_MISSING] = &al_rule_fence_missing,
    [AL_READ_SELF_HELP_TYPE] = &al_rule_self_help_type,
    [AL_READ_JSON_SYNTAX] = &al_rule_json_syntax,
    [AL_READ_JSON_CONTROL_CHARACTER] = &al_rule_json_control_character,
    [AL_READ_JSON_TRAILING_COMMA] = &al_rule_json_trailing_comma,
    [AL_READ_DUPLICATE_KEY] = &al_rule_duplicate_key,
};

const al_rule *al_rule_for_read_problem(al_read_problem kind)
{
    if ((unsigned)kind >= AL_READ_PROBLEM_COUNT)
        return NULL;
    return by_kind[kind];
}
