/*
 * unused_suppression.c - rule 'unused-suppression': a suppression that suppresses nothing.
 *
 * Suppressions come from a file's advisorLintIgnore header attribute or
 * from the `suppress` list of .advisor-lint.yaml. The run (lint/suppress.c)
 * reports this rule after every other finding is known, so it has no check
 * function of its own.
 */
#include "rule.h"

const al_rule al_rule_unused_suppression = {
    "unused-suppression",
    AL_SEV_WARNING,
    "a suppression names a rule that reports nothing there, or no rule at all",
    "## What it flags\n"
    "A rule id in a file's `advisorLintIgnore` header attribute, or in a `suppress` entry of\n"
    ".advisor-lint.yaml, that hid no finding in this run; and an id in the attribute that is\n"
    "no rule at all.\n\n"
    "## Why it matters\n"
    "A suppression outliving its defect would silently hide the next real one. Like curl's\n"
    "checksrc, advisor-lint says when a suppression has become useless.\n\n"
    "## Example\n"
    "```\nadvisorLintIgnore=\"insecure-link\"\n```\n"
    "in a file whose links all use https.\n\n"
    "## Fix\n"
    "Remove the id from the attribute (remove the attribute when it is empty), or the entry\n"
    "from the config.",
    NULL,
    NULL,
    NULL,
};
