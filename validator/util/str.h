/*
 * str.h - the string helper libc lacks.
 *
 * libc's strdup and strndup are used everywhere else; this adds only the
 * NULL-passing copy that optional fields (a finding's pointer, a fact's
 * value) need, so that each owner does not write its own.
 */
#ifndef AL_STR_H
#define AL_STR_H

/* A copy of S (the caller frees it), NULL for NULL, or NULL when memory ran out. */
char *al_strdup_or_null(const char *s);

#endif
