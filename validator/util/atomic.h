/*
 * atomic.h - replacing a file all at once: readers see the old content or
 * the new, never a part, whatever happens to the writer.
 *
 * The data goes to a temporary file in the target's directory (so the
 * rename cannot cross file systems), which gets its mode, is written,
 * fsync'ed, closed and renamed over the target. Through a symbolic link the
 * file it names is replaced and the link kept. On any failure the temporary
 * file is removed and the target is untouched. A writer killed between
 * mkstemp and rename leaves its temporary file behind: a caller that wants
 * those removed later gives them a recognisable prefix (advisor-codegen
 * does, and removes them on its next run). Syncing the directory, so that
 * the rename itself survives a crash, is left to the caller, which can do it
 * once for many files.
 */
#ifndef AL_ATOMIC_H
#define AL_ATOMIC_H

#include <stddef.h>

typedef struct al_atomic_options {
    /*
     * NULL: the temporary file is PATH.XXXXXX. Otherwise it is
     * DIR/<tmp_prefix>NAME.XXXXXX for PATH = DIR/NAME, so that a later run
     * can find (and remove) what a killed one left.
     */
    const char *tmp_prefix;
    /* 0: PATH's own mode (PATH must then be a regular file if it exists),
       or 0666 less the umask for a new file; otherwise this mode */
    unsigned mode;
} al_atomic_options;

/*
 * Writes DATA (LEN bytes) to PATH atomically, as above; OPTS may be NULL
 * (the defaults). Returns 0, or -1 with errno set and, when ERR is not NULL,
 * a message naming the step and the file ("cannot rename 'T' to 'PATH':
 * reason") in ERR (ERRLEN bytes).
 */
int al_write_atomic(const char *path, const void *data, size_t len, const al_atomic_options *opts,
                    char *err, size_t errlen);

#endif
