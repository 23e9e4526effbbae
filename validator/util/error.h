/*
 * error.h - filling the public al_error (include/advisor/error.h).
 *
 * Every function that can fail for a reason a user must read takes a
 * caller-owned al_error and fills it through these, so messages and their
 * places are made one way.
 */
#ifndef AL_UTIL_ERROR_H
#define AL_UTIL_ERROR_H

#include <stddef.h>

#include "advisor/error.h"

/* Empties ERROR (may be NULL): no source, no place, no text. */
void al_error_clear(al_error *error);

/*
 * Fills ERROR (may be NULL) with SOURCE (may be NULL), the place LINE,
 * COLUMN and POSITION (0 for none) and the printf-style message.
 */
void al_error_set(al_error *error, const char *source, int line, int column, size_t position,
                  const char *fmt, ...) __attribute__((format(printf, 6, 7)));

#endif
