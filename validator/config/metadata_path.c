/*
 * metadata_path.c - whether a file is advisor metadata by where it is.
 *
 * The metadata-files globs (config.h; default AL_METADATA_FILES_DEFAULT)
 * name the folders advisor metadata lives in. A file they name is checked
 * as metadata even when its content does not say so, so a broken file there
 * is an error rather than a file skipped as "not metadata". The globs are
 * matched against the file's path relative to the config's directory, and
 * relative to the current directory: the first is what the config's other
 * globs use, the second is the path as a user at the repository's root
 * gives it, whether or not a config exists and wherever it is.
 */
#include <stdlib.h>

#include "config.h"
#include "../util/glob.h"
#include "../util/path.h"

/* Whether one of GLOBS matches PATH relative to the absolute directory BASE. */
static int match_from(char *const *globs, size_t n, const char *base, const char *path)
{
    char *rel;
    int hit;
    if (!base)
        return 0;
    rel = al_path_relative_new(base, path);
    hit = rel && al_glob_match_any(globs, n, rel);
    free(rel);
    return hit;
}

int al_metadata_path(const al_config *cfg, const char *cwd, const char *path)
{
    static char *const defaults[] = { AL_METADATA_FILES_DEFAULT };
    char *const *globs = defaults;
    size_t n = 1;
    char *here = NULL;
    int hit;

    if (cfg && cfg->metadata_files_set) {
        globs = cfg->metadata_files;
        n = cfg->nmetadata_files;
    }
    if (!n)
        return 0;
    if (cfg && match_from(globs, n, cfg->base_dir, path))
        return 1;
    if (!cwd)
        cwd = here = al_path_absolute_new(".");
    hit = match_from(globs, n, cwd, path);
    free(here);
    return hit;
}
