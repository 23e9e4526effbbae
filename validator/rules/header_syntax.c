/*
 * header_syntax.c - rule 'header-syntax': the <properties header is malformed.
 *
 * Reported by the reader (validator/reader/document.c); this file holds the rule's descriptor.
 */
#include "rule.h"

const al_rule al_rule_header_syntax = {
    "header-syntax",
    AL_SEV_ERROR,
    "the <properties header is malformed",
    "## What it flags\n"
    "Text in the `<properties .../>` header that is not `name=\"value\"` attributes separated by\n"
    "white space: a missing `=`, an unquoted or unclosed value, a stray character, `>` instead of\n"
    "`/>`, text after `/>` on its line.\n\n"
    "## Why it matters\n"
    "The publishing pipeline reads the header to file the recommendation: a malformed header\n"
    "loses attributes or the whole file.\n\n"
    "## Example\n"
    "```\n<properties pageTitle=Enable backups />\n```\n\n"
    "## Fix\n"
    "Quote every value: `pageTitle=\"Enable backups\"`.",
    NULL,
    NULL,
    NULL,
};
