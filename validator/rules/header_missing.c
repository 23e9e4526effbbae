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
    "A Markdown file without a `<properties .../>` header (an empty file too) whose path the\n"
    "`metadata-files` globs match (by default `articles/advisorrecommendation.*/**`), or any\n"
    "such file checked with `--schema-only`. Elsewhere a file without the header is skipped\n"
    "quietly: it is not advisor metadata. The body between `---` fences is still checked.\n\n"
    "## Why it matters\n"
    "The header carries the articleId, the clouds and the owner of the recommendation. A file\n"
    "in a metadata folder that lost its header (or all its content) would otherwise pass CI as\n"
    "\"not metadata\".\n\n"
    "## Example\n"
    "```\n# Enable backups\n---\n{ ... }\n---\n```\n\n"
    "## Fix\n"
    "Start the file with the header: see the authoring template.",
    NULL,
    NULL,
    NULL,
};
