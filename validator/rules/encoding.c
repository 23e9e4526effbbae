/*
 * encoding.c - rule 'encoding': the file is not UTF-8.
 *
 * Reported by the reader (validator/reader/document.c); this file holds the rule's descriptor.
 */
#include "rule.h"

const al_rule al_rule_encoding = {
    "encoding",
    AL_SEV_ERROR,
    "the file is not UTF-8",
    "## What it flags\n"
    "A file that is not valid UTF-8: a UTF-16 file (with its byte-order mark), or a byte sequence\n"
    "that UTF-8 does not allow (a Latin-1 character, an overlong form, a surrogate).\n\n"
    "## Why it matters\n"
    "Metadata is UTF-8 (a UTF-8 byte-order mark is fine); other encodings turn text into garbage\n"
    "in the portal or fail to load.\n\n"
    "## Example\n"
    "A description saved from an editor set to Windows-1252: `caf\\\\xE9`.\n\n"
    "## Fix\n"
    "Save the file as UTF-8.",
    NULL,
    NULL,
    NULL,
};
