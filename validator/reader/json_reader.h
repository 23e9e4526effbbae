/*
 * json_reader.h - strict JSON (RFC 8259) into jansson values, with places.
 *
 * jansson neither keeps positions nor reports duplicate keys at their key, so
 * advisor-lint parses bodies itself. The result is an ordinary json_t that
 * compares equal (json_equal) with what json_loads makes of the same text,
 * plus, on request, an al_posindex of every key and value.
 *
 * Problems are reported through a callback, each with its kind (problem.h):
 *   AL_READ_JSON_SYNTAX: invalid JSON. The parse stops and NULL is returned,
 *       or, with opts->recover, reading goes on (json_reader.c says how) and
 *       the value is returned only when every error was repaired without
 *       doubt (a missing ',' between two members or items on lines of their
 *       own, a stray ',' in an object).
 *   AL_READ_JSON_CONTROL_CHARACTER: a raw control character in a string
 *       (kept, parse goes on).
 *   AL_READ_JSON_TRAILING_COMMA: a comma before '}' or ']' (parse goes on).
 *   AL_READ_DUPLICATE_KEY: a key repeated in one object (the last value
 *       wins, parse goes on).
 * Offsets are absolute in TEXT, so the caller can parse a slice of a file.
 */
#ifndef AL_JSON_READER_H
#define AL_JSON_READER_H

#include <jansson.h>
#include <stddef.h>

#include "posindex.h"
#include "problem.h"

#define AL_JSON_MAX_DEPTH 512

/* With recovery, at most this many json-syntax problems are listed per body (then one note). */
#define AL_JSON_MAX_SYNTAX_ERRORS 20

/*
 * Called once per problem. OFFSET is where it is; RELATED is another place it
 * refers to (the first occurrence of a duplicate key) or AL_NO_OFFSET;
 * POINTER is the JSON pointer of the value concerned, or NULL.
 */
typedef void (*al_json_problem_fn)(void *ud, al_read_problem kind, size_t offset, size_t related,
                                   const char *pointer, const char *message);

typedef struct al_json_options {
    al_posindex *index;         /* filled with every key and value when not NULL */
    al_json_problem_fn problem; /* may be NULL */
    void *ud;
    int utf8_checked; /* the caller validated TEXT as UTF-8: skip that work */
    int recover;      /* read on after a syntax error, to report every one */
} al_json_options;

/*
 * Parses the one JSON value in TEXT[START, END) (surrounding white space
 * allowed). Returns a new reference, or NULL after a json-syntax problem (or
 * on allocation failure, reported as json-syntax too); with opts->recover,
 * NULL only after a json-syntax problem that was not repaired without doubt.
 */
json_t *al_json_parse(const char *text, size_t start, size_t end, const al_json_options *opts);

/*
 * The value at RFC 6901 POINTER in ROOT (borrowed), or NULL. "" is ROOT.
 */
json_t *al_json_pointer_get(json_t *root, const char *pointer);

#endif
