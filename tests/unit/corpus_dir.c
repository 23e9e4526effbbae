/*
 * corpus_dir.c - the one place corpus tests decide between run, skip and fail.
 *
 * Only the absence of the shared material makes a missing corpus a skip: a
 * wrong path in a checkout that has ../shared must fail, not pass as skipped.
 */
#include "corpus_dir.h"

#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>

static int is_dir(const char *path)
{
    struct stat st;
    return path && *path && stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

int corpus_dir_status(const char *dir)
{
    if (is_dir(dir))
        return 0;
    if (!is_dir(getenv("ADVISOR_SHARED_DIR"))) {
        printf(
            "skipped: corpus directory '%s' not found (it is in ../shared, absent in user "
            "clones)\n",
            dir);
        return 77;
    }
    printf("FAIL: corpus directory '%s' not found, although ADVISOR_SHARED_DIR is there\n", dir);
    return 1;
}
