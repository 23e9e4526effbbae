/*
 * read_error.c - rule 'read-error': a path could not be read.
 *
 * Reported by the run (validator/lint/lint.c); this file holds the rule's descriptor.
 */
#include "rule.h"

const al_rule al_rule_read_error = {
    "read-error",
    AL_SEV_ERROR,
    "a path could not be read",
    "## What it flags\n"
    "A path named on the command line (or met in a directory walk) that cannot be opened or read:\n"
    "missing, unreadable, a FIFO or device, removed during the run.\n\n"
    "## Why it matters\n"
    "A file that is not checked must not pass silently: the run exits with status 2.\n\n"
    "## Example\n"
    "`advisor-lint articles/typo.md` when the file does not exist.\n\n"
    "## Fix\n"
    "Name an existing, readable regular file or directory.",
    NULL,
    NULL,
    NULL,
};
