/*
 * error.c - filling and printing an al_error.
 *
 * Text that does not fit is cut at a character boundary, so a message
 * never ends in half a UTF-8 sequence.
 */
#include "error.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

/* Cuts S back to the last whole UTF-8 character when it filled SIZE - 1 bytes. */
static void trim_partial(char *s, size_t size)
{
    size_t n = strlen(s), k;
    if (n + 1 < size || n == 0)
        return;
    for (k = n; k > 0 && ((unsigned char)s[k - 1] & 0xC0) == 0x80; k--)
        ;
    if (k > 0 && ((unsigned char)s[k - 1] & 0x80)) {
        unsigned char lead = (unsigned char)s[k - 1];
        size_t need = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
        if (n - (k - 1) < need)
            s[k - 1] = '\0';
    }
}

void al_error_clear(al_error *error)
{
    if (error)
        memset(error, 0, sizeof(*error));
}

void al_error_set(al_error *error, const char *source, int line, int column, size_t position,
                  const char *fmt, ...)
{
    va_list ap;
    if (!error)
        return;
    al_error_clear(error);
    if (source) {
        snprintf(error->source, sizeof(error->source), "%s", source);
        trim_partial(error->source, sizeof(error->source));
    }
    error->line = line;
    error->column = column;
    error->position = position;
    va_start(ap, fmt);
    vsnprintf(error->text, sizeof(error->text), fmt, ap);
    va_end(ap);
    trim_partial(error->text, sizeof(error->text));
}

const char *al_error_string(const al_error *error, char *buf, size_t size)
{
    if (!size)
        return buf;
    if (error->line > 0 && error->source[0])
        snprintf(buf, size, "%s:%d:%d: %s", error->source, error->line,
                 error->column > 0 ? error->column : 1, error->text);
    else
        snprintf(buf, size, "%s", error->text);
    return buf;
}
