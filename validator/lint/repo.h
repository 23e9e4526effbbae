/*
 * repo.h - path helpers of the repository code (repo.c) shared with the context.
 *
 * git names files from the top of the work tree; a user runs from
 * anywhere below it. Files are named relative to the current directory,
 * the way they were given.
 */
#ifndef AL_LINT_REPO_H
#define AL_LINT_REPO_H

/*
 * REL (a path relative to the top of a tree) relative to the directory
 * PREFIX below that top ("" for the top itself): segments both start with
 * are dropped and each remaining segment of PREFIX becomes "../".
 * ("articles/net", "articles/db/x.md") -> "../db/x.md". Returns a new
 * string, or NULL when memory ran out.
 */
char *al_path_from_prefix(const char *prefix, const char *rel);

#endif
