/*
 * path.h - joining and normalizing file paths, as strings only.
 *
 * Nothing here touches the file system except getcwd: ".." is removed
 * lexically (a/b/../c is a/c even when b is a symbolic link), which is what
 * config globs and baseline paths want, since they name files the way the
 * user wrote them.
 *
 * Ownership: every function returns a new string the caller frees, or NULL
 * when memory ran out (or, where said, when there is no answer).
 */
#ifndef AL_PATH_H
#define AL_PATH_H

/*
 * DIR and NAME joined with one '/', none added when DIR is empty or already
 * ends with '/', or NAME is empty ("a" + "b" = "a/b", "a/" + "b" = "a/b",
 * "" + "b" = "b", "a" + "" = "a"), so a walk below "dir/" lists "dir/x.md".
 */
char *al_path_join_new(const char *dir, const char *name);

/*
 * Makes PATH absolute (joined to the current directory) and removes "."
 * and ".." segments and repeated slashes, without touching the file
 * system. Returns NULL also when the current directory cannot be had.
 */
char *al_path_absolute_new(const char *path);

/*
 * al_path_absolute_new with CWD (absolute) as the current directory: no
 * getcwd, for callers that normalize many paths.
 */
char *al_path_absolute_in_new(const char *cwd, const char *path);

/*
 * PATH relative to the absolute, normalized directory BASE_DIR, or NULL
 * when PATH lies outside it (or memory ran out).
 */
char *al_path_relative_new(const char *base_dir, const char *path);

/* The directory holding PATH, absolute and normalized ("/" for "/x"). */
char *al_path_dir_new(const char *path);

#endif
