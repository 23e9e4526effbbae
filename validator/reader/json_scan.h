/*
 * json_scan.h - a few top-level string members of a JSON text, without parsing it.
 *
 * The context of a run (the other files of a repository) needs only four
 * or five strings of each body, so building a jansson tree of every file
 * would be most of the cost of a full lint. This scanner walks the text
 * once, tracking strings and bracket nesting only, and picks the string
 * values of the wanted members of the top-level object.
 *
 * It agrees with the strict reader (json_reader.h) wherever that matters
 * for those values: the last of two equal keys wins, a value that is not a
 * string counts as absent, nesting deeper than AL_JSON_MAX_DEPTH or
 * unbalanced brackets, an unclosed string or text after the value make the
 * text malformed. It does not check literals, numbers or commas: a body
 * whose only defect is of that kind still yields its members (it is not
 * reported on anyway). A wanted key or value with an escape sequence is
 * left to the strict reader (AL_SCAN_ESCAPED), since decoding is its job.
 */
#ifndef AL_JSON_SCAN_H
#define AL_JSON_SCAN_H

#include <stddef.h>

typedef struct al_json_span {
    const char *text; /* into the scanned text, not NUL-terminated; NULL: absent */
    size_t len;
} al_json_span;

typedef enum al_scan_result {
    AL_SCAN_OK,        /* VALUES filled */
    AL_SCAN_ESCAPED,   /* a wanted key or its value has an escape: parse it instead */
    AL_SCAN_MALFORMED, /* not one JSON value: the strict reader would find no body */
} al_scan_result;

/*
 * Scans TEXT[START, END) for the string values of the top-level members
 * named KEYS[0..N-1] into VALUES[0..N-1]. *IS_OBJECT (may be NULL) says
 * whether the value is an object.
 */
al_scan_result al_json_scan_members(const char *text, size_t start, size_t end,
                                    const char *const *keys, size_t n, al_json_span *values,
                                    int *is_object);

#endif
