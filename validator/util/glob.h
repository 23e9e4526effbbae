/*
 * glob.h - matching config globs against relative paths.
 *
 * A glob without '/' matches a file name or a directory name anywhere on
 * the path ("*.md", "legacy"). A glob with '/' is matched from the start of
 * the path, segment by segment (a leading '/' and repeated slashes are
 * ignored). '*' is any run of characters and '?' any one character, both
 * within one segment; a '**' segment spans any number of segments, none
 * included. A glob that matches a leading directory of the path covers
 * everything below it ("a/b" matches "a/b/c.md").
 *
 * Matching takes time proportional to the glob's length times the path's,
 * whatever the glob: no exponential backtracking on "*a*a*a*b" or on many
 * "**" segments, since the globs come from a repository's config file.
 */
#ifndef AL_GLOB_H
#define AL_GLOB_H

#include <stddef.h>

/* Whether PATTERN matches RELPATH (NULL matches nothing) or one of its leading directories. */
int al_glob_match(const char *pattern, const char *relpath);

/* Whether one of the N GLOBS matches RELPATH (see al_glob_match). */
int al_glob_match_any(char *const *globs, size_t n, const char *relpath);

#endif
