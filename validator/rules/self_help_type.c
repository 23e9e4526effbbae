/*
 * self_help_type.c - rule 'self-help-type': another selfHelpType where advisor metadata lives.
 *
 * Reported by the reader (validator/reader/document.c) for a file the
 * metadata-files globs name (config.h); this file holds the rule's descriptor.
 */
#include "rule.h"

const al_rule al_rule_self_help_type = {
    "self-help-type",
    AL_SEV_ERROR,
    "a file where advisor metadata lives says another selfHelpType",
    "## What it flags\n"
    "A file whose path the `metadata-files` globs match (by default\n"
    "`articles/advisorrecommendation.*/**`) whose header's `selfHelpType` is not\n"
    "`advisorRecommendationMetadata`. Elsewhere such a file is skipped as not advisor metadata;\n"
    "here it is checked as metadata all the same.\n\n"
    "## Why it matters\n"
    "The publishing pipeline picks recommendations by that attribute: a misspelt value\n"
    "(`advisorRecommendationMetdata`) drops the recommendation silently, and a linter that\n"
    "skipped the file would let it through.\n\n"
    "## Example\n"
    "```\n<properties\n    selfHelpType=\"advisorRecommendationMetdata\"\n    ...\n/>\n```\n\n"
    "## Fix\n"
    "Write `selfHelpType=\"advisorRecommendationMetadata\"`; a file that is really of another\n"
    "kind belongs elsewhere, or the `metadata-files` globs of `.advisor-lint.yaml` should leave it out.",
    NULL,
    NULL,
    NULL,
};
