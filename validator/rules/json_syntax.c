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
    "text after the value. Each finding points at the byte where the error is. Reading goes on\n"
    "after an error, so one run lists every syntax error of a JSON body: the first of each line,\n"
    "at most 20 per file, then one finding saying how many more there are (YAML bodies stop at\n"
    "the first).\n\n"
    "## Why it matters\n"
    "The Advisor pipeline refuses the whole recommendation when its body does not parse. The\n"
    "header, title and file-name rules still run. The body rules run only when the errors were\n"
    "repaired without doubt: a missing comma between two members or items that begin their own\n"
    "lines at the same indentation (a tab counting 2, 4 or 8 columns), or a stray comma in an\n"
    "object. After any other error the body is not checked further until it parses, so no\n"
    "finding ever comes from a guessed repair.\n\n"
    "## Example\n"
    "```json\n{ \"recommendationImpact\": \"High\" \"version\": 1.0 }\n```\n\n"
    "## Fix\n"
    "Add what is missing at the reported place (here a comma after `\"High\"`).",
    NULL,
    NULL,
    NULL,
};
