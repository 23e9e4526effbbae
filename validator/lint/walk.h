/*
 * walk.h - turning command-line paths into the list of files to check.
 *
 * A file named on the command line is always listed, whatever its name. A
 * directory is walked recursively in byte order of names (stable across
 * machines), listing `.md`, `.markdown`, `.json`, `.yaml` and `.yml` files and
 * skipping entries whose name starts with '.' (.git and the like). Symbolic
 * links are followed; a directory met again below itself (a symlink loop) is
 * skipped. Listed paths are the given path joined with the walked sub-path,
 * so findings name files the way the user named them.
 *
 * Ownership: an al_pathlist owns its strings.
 */
#ifndef AL_WALK_H
#define AL_WALK_H

#include <stddef.h>

typedef struct al_pathitem {
    char *path;      /* owned */
    int err;         /* 0, or the errno that prevents reading it */
    int is_explicit; /* named on the command line */
} al_pathitem;

typedef struct al_pathlist {
    al_pathitem *items;
    size_t count, cap;
} al_pathlist;

void al_pathlist_init(al_pathlist *list);
void al_pathlist_release(al_pathlist *list);

/*
 * Appends the files PATH names to LIST. A path that cannot be listed (does
 * not exist, unreadable directory, not a regular file) is appended with its
 * errno in err, so the caller reports it in order. Returns 0 or -1 (ENOMEM).
 */
int al_walk(const char *path, al_pathlist *list);

/*
 * Drops from LIST every file listed before under another spelling of the
 * same path ("a.md", "./a.md", "dir/../a.md", "/abs/a.md"; paths are
 * compared made absolute and normalized, so two hard or symbolic links to
 * one file stay two files), keeping the first in place. A file named twice
 * would otherwise be checked twice and found a duplicate of itself by the
 * cross-file rules. Without a current directory nothing is dropped.
 * Returns 0 or -1 (ENOMEM; LIST is then unchanged).
 */
int al_pathlist_dedupe(al_pathlist *list);

/* Whether a walked file name is one advisor-lint reads. */
int al_walk_wanted_name(const char *name);

#endif
