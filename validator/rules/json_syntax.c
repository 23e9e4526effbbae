/*
 * json_syntax.c - rule 'json-syntax': the JSON or YAML body is not valid syntax.
 *
 * Reported by the reader (validator/reader/json_reader.c and yaml_reader.c); this file holds the rule's descriptor.
 */
#include "rule.h"

const al_rule al_rule_json_syntax = {
    "json-syntax",
    AL_SEV_ERROR,
    "the JSON or YAML body is not valid syntax",
    "## What it flags\n"
    "A body that is not valid JSON (RFC 8259) or, for `.yaml` files, valid YAML: a missing comma or\n"
    "quote, an unknown literal, a number with a leading zero, a bad escape, an unclosed object,\n"
    "text after the value. The finding points at the first byte that cannot be read.\n\n"
    "## Why it matters\n"
    "The Advisor pipeline refuses the whole recommendation when its body does not parse, and every\n"
    "other check depends on the body: nothing else can be checked in this file until it parses.\n\n"
    "## Example\n"
    "```json\n{ \"recommendationImpact\": \"High\" \"version\": 1.0 }\n```\n\n"
    "## Fix\n"
    "Add what is missing at the reported place (here a comma after `\"High\"`).",
    NULL,
    NULL,
    NULL,
};
