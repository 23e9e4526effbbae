/*
 * header_unclosed.c - rule 'header-unclosed': the <properties header is not closed with />.
 *
 * Reported by the reader (validator/reader/document.c); this file holds the rule's descriptor.
 */
#include "rule.h"

const al_rule al_rule_header_unclosed = {
    "header-unclosed",
    AL_SEV_ERROR,
    "the <properties header is not closed with />",
    "## What it flags\n"
    "A `<properties` header with no `/>` before the title, the fence or the end of the file.\n\n"
    "## Why it matters\n"
    "Without its end the header swallows the title and the body: the file cannot be read.\n\n"
    "## Example\n"
    "```\n<properties\n    pageTitle=\"Enable backups\"\n# Enable backups\n```\n\n"
    "## Fix\n"
    "Close the header with `/>` on its own line after the last attribute.",
    NULL,
    NULL,
    NULL,
};
