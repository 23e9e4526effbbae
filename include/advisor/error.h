/*
 * error.h - what went wrong, and where: the caller-owned error of every call.
 *
 * Like jansson's json_error_t, an al_error is a plain struct the caller
 * owns (usually on its stack) and hands to a call that can fail; on
 * failure the call fills it. `source` names the file (or buffer) the
 * problem is in, when there is one; `line` and `column` (1-based, columns
 * in characters) and `position` (byte offset) place it, or are 0 when the
 * problem has no place (a file that cannot be opened, memory running out).
 * `text` is the message, lowercase and without a full stop; it reads on
 * its own when there is no place ("cannot read 'x.yaml': no such file or
 * directory").
 */
#ifndef ADVISOR_ERROR_H
#define ADVISOR_ERROR_H

#include <stddef.h>

#include "export.h"

AL_BEGIN_DECLS

#define AL_ERROR_SOURCE_LENGTH 512
#define AL_ERROR_TEXT_LENGTH 512

typedef struct al_error {
    char source[AL_ERROR_SOURCE_LENGTH]; /* file or buffer name, or "" */
    int line;                            /* 1-based, 0 when not about a place */
    int column;                          /* 1-based characters, 0 when unknown */
    size_t position;                     /* byte offset, 0 when unknown */
    char text[AL_ERROR_TEXT_LENGTH];     /* the message */
} al_error;

/*
 * ERROR as one line in BUF (SIZE bytes): `source:line:column: text` when
 * it has a place, else the text alone. Returns BUF.
 */
AL_API const char *al_error_string(const al_error *error, char *buf, size_t size);

AL_END_DECLS

#endif
