/*
 * fence_missing.c - rule 'fence-missing': a --- fence line around the JSON body is missing.
 *
 * Reported by the reader (validator/reader/document.c); this file holds the rule's descriptor.
 */
#include "rule.h"

const al_rule al_rule_fence_missing = {
    "fence-missing",
    AL_SEV_ERROR,
    "a --- fence line around the JSON body is missing",
    "## What it flags\n"
    "A JSON body that does not sit between two lines of exactly `---` (trailing spaces allowed).\n\n"
    "## Why it matters\n"
    "The fences are how readers find the body; without the closing one, whatever follows is read\n"
    "as JSON.\n\n"
    "## Example\n"
    "```\n# Enable backups\n{ ... }\n```\n\n"
    "## Fix\n"
    "Put a `---` line right before the `{` and another right after the closing `}`.",
    NULL,
    NULL,
    NULL,
};
