/*
 * header_missing.c - rule 'header-missing': a Markdown file checked as metadata has no <properties header.
 *
 * Reported by the reader (validator/reader/document.c); this file holds the rule's descriptor.
 */
#include "rule.h"

const al_rule al_rule_header_missing = {
    "header-missing",
    AL_SEV_ERROR,
    "a Markdown file checked as metadata has no <properties header",
    "## What it flags\n"
    "A Markdown file without a `<properties .../>` header, when it is checked anyway (with\n"
    "`--schema-only`). A directory walk skips such files quietly: they are not advisor metadata.\n\n"
    "## Why it matters\n"
    "The header carries the articleId, the clouds and the owner of the recommendation.\n\n"
    "## Example\n"
    "```\n# Enable backups\n---\n{ ... }\n---\n```\n\n"
    "## Fix\n"
    "Start the file with the header: see the authoring template.",
    NULL,
    NULL,
    NULL,
};
