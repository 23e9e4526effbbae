/*
 * spawn.h - running a program without a shell and capturing what it prints.
 *
 * The repository helpers (lint/repo.c) ask git for a work tree's top and
 * for the files a branch changed. The program is started with posix_spawnp
 * (no shell: nothing in an argument is ever interpreted), its standard
 * input is /dev/null, and its standard output and the start of its
 * standard error are read through pipes, both at once (poll), so a chatty
 * program cannot block on a full pipe.
 */
#ifndef AL_UTIL_SPAWN_H
#define AL_UTIL_SPAWN_H

#include <stddef.h>

typedef struct al_spawn_result {
    char *out; /* standard output, NUL-terminated (owned) */
    size_t outlen;
    char err[512]; /* the start of standard error, NUL-terminated */
    int status;    /* exit status, or -1 when a signal ended it */
} al_spawn_result;

/*
 * Runs ARGV[0], looked up on PATH, with the NULL-terminated ARGV and the
 * current environment, and waits for it. Returns 0 when it ran (RESULT
 * filled, whatever its exit status), or -1 with errno set when it could
 * not be started (ENOENT: no such program) or memory ran out.
 */
int al_spawn_capture(char *const argv[], al_spawn_result *result);

/* Frees what RESULT holds. */
void al_spawn_release(al_spawn_result *result);

#endif
