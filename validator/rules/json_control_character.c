/*
 * json_control_character.c - rule 'json-control-character': a raw control character (tab, newline) inside a JSON string.
 *
 * Reported by the reader (validator/reader/json_reader.c); this file holds the rule's descriptor.
 */
#include "rule.h"

const al_rule al_rule_json_control_character = {
    "json-control-character",
    AL_SEV_ERROR,
    "a raw control character (tab, newline) inside a JSON string",
    "## What it flags\n"
    "A tab, line feed, carriage return or other character below U+0020 written as is inside a\n"
    "JSON string, instead of as an escape.\n\n"
    "## Why it matters\n"
    "RFC 8259 section 7 forbids them: strict parsers, the Advisor pipeline among them, reject the\n"
    "file, while lenient editors hide the mistake. The rest of the file is still checked.\n\n"
    "## Example\n"
    "```json\n\"description\": \"Enable<TAB>backups\"\n```\n\n"
    "## Fix\n"
    "Write the character as an escape (`\\\\t`, `\\\\n`) or remove it: `\"Enable backups\"`.",
    NULL,
    NULL,
    NULL,
};
