/*
 * json_trailing_comma.c - rule 'json-trailing-comma': a comma before a closing brace or bracket.
 *
 * Reported by the reader (validator/reader/json_reader.c); this file holds the rule's descriptor.
 */
#include "rule.h"

const al_rule al_rule_json_trailing_comma = {
    "json-trailing-comma",
    AL_SEV_ERROR,
    "a comma before a closing brace or bracket",
    "## What it flags\n"
    "A comma right before `}` or `]`.\n\n"
    "## Why it matters\n"
    "Trailing commas are not JSON: strict parsers reject the file. The rest of the file is still\n"
    "checked, as if the comma were not there.\n\n"
    "## Example\n"
    "```json\n\"actions\": [ { ... }, ]\n```\n\n"
    "## Fix\n"
    "Delete the comma.",
    NULL,
    NULL,
    NULL,
};
