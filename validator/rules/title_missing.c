/*
 * title_missing.c - rule 'title-missing': the # Title line is missing or out of place.
 *
 * Reported by the reader (validator/reader/document.c); this file holds the rule's descriptor.
 */
#include "rule.h"

const al_rule al_rule_title_missing = {
    "title-missing",
    AL_SEV_ERROR,
    "the # Title line is missing or out of place",
    "## What it flags\n"
    "No Markdown H1 line (`# Title`) between the header and the first `---` fence, or other text\n"
    "where the title or the fence should be.\n\n"
    "## Why it matters\n"
    "The title is the page heading of the recommendation; text between the header and the fence\n"
    "is lost by the publishing pipeline.\n\n"
    "## Example\n"
    "```\n/>\nEnable backups\n---\n```\n\n"
    "## Fix\n"
    "Write the title as an H1: `# Enable backups`.",
    NULL,
    NULL,
    NULL,
};
