/*
 * schema.c - rule 'schema': the body breaks the JSON Schema it is checked against.
 *
 * Reported by the run (validator/lint/lint.c) from the JSON Schema engine's
 * errors, each at the offending value; this file holds the rule's descriptor.
 */
#include "rule.h"

const al_rule al_rule_schema = {
    "schema",
    AL_SEV_ERROR,
    "the body does not match the JSON Schema",
    "## What it flags\n"
    "A body value that the schema refuses: a missing required property, a wrong type, a value\n"
    "outside an enum, a string that does not match its pattern or format. The finding is at the\n"
    "offending value (or at the object missing a property) and quotes the engine's message.\n"
    "Checked when the body could be read: it parsed, or its syntax errors were repaired without\n"
    "doubt (see json-syntax).\n\n"
    "## Why it matters\n"
    "The schema is the contract the Advisor pipeline reads the body by: a value it refuses is a\n"
    "recommendation that fails to load or shows wrong data.\n\n"
    "## Example\n"
    "```json\n\"recommendationImpact\": \"Hihg\"\n```\n\n"
    "## Fix\n"
    "Use a value the schema allows (`\"High\"`); the message says which.",
    NULL,
    NULL,
    NULL,
};
