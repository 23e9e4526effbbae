/*
 * duplicate_key.c - rule 'duplicate-key': a key repeated in one JSON object.
 *
 * Reported by the reader (validator/reader/json_reader.c); this file holds the rule's descriptor.
 */
#include "rule.h"

const al_rule al_rule_duplicate_key = {
    "duplicate-key",
    AL_SEV_ERROR,
    "a key repeated in one JSON object",
    "## What it flags\n"
    "A key that appears twice in the same object; the finding is at the repeated key and names\n"
    "the line of the first one.\n\n"
    "## Why it matters\n"
    "Most JSON tools silently keep the last value, so the first one is dead text that reviewers\n"
    "read and trust. Real files repeat `bladeName`, `ingestionClientIdentities` and `learnMoreLink`.\n\n"
    "## Example\n"
    "```json\n\"bladeName\": \"OverviewBlade\",\n\"bladeName\": \"ScaleBlade\"\n```\n\n"
    "## Fix\n"
    "Keep the one value that is meant and delete the other.",
    NULL,
    NULL,
    NULL,
};
