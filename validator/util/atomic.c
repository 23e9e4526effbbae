/*
 * atomic.c - write to a temporary file beside the target, then rename.
 *
 * Each step that can fail records a message and keeps errno for the
 * caller; the temporary file is unlinked on every failure after mkstemp.
 */
#include "atomic.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

typedef struct job {
    char *err;
    size_t errlen;
} job;

/* Records a message (keeping errno) and returns -1. */
static int fail(const job *j, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static int fail(const job *j, const char *fmt, ...)
{
    int saved = errno;
    va_list ap;
    if (j->err && j->errlen) {
        va_start(ap, fmt);
        vsnprintf(j->err, j->errlen, fmt, ap);
        va_end(ap);
    }
    errno = saved;
    return -1;
}

static int write_all(int fd, const char *data, size_t len)
{
    while (len) {
        ssize_t n = write(fd, data, len);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0)
            return -1;
        if (n == 0) {
            errno = EIO;
            return -1;
        }
        data += n;
        len -= (size_t)n;
    }
    return 0;
}

/* PATH's mode when it exists (a regular file), else what a new file gets. -1 on error. */
static int existing_mode(const char *path, mode_t *mode)
{
    struct stat st;
    mode_t mask;
    if (stat(path, &st) == 0) {
        if (!S_ISREG(st.st_mode)) {
            errno = EINVAL;
            return -1;
        }
        *mode = st.st_mode & 07777;
        return 0;
    }
    if (errno != ENOENT)
        return -1;
    mask = umask(022);
    umask(mask);
    *mode = 0666 & ~mask;
    return 0;
}

/* The mkstemp template for PATH: PATH.XXXXXX, or DIR/PREFIXNAME.XXXXXX. NULL when out of memory. */
static char *tmp_template(const char *path, const char *prefix)
{
    const char *slash = strrchr(path, '/');
    size_t dirlen = slash ? (size_t)(slash - path) + 1 : 0;
    size_t n = strlen(path) + (prefix ? strlen(prefix) : 0) + sizeof(".XXXXXX");
    char *tmp = malloc(n);
    if (!tmp)
        return NULL;
    if (prefix)
        snprintf(tmp, n, "%.*s%s%s.XXXXXX", (int)dirlen, path, prefix, path + dirlen);
    else
        snprintf(tmp, n, "%s.XXXXXX", path);
    return tmp;
}

/* Fills TMP (a template, already created as FD) with DATA and renames it over PATH. */
static int fill_and_rename(const job *j, int fd, const char *tmp, const char *path, mode_t mode,
                           const void *data, size_t len)
{
    if (write_all(fd, data, len) != 0) {
        fail(j, "cannot write '%s': %s", tmp, strerror(errno));
        close(fd);
        return -1;
    }
    if (fchmod(fd, mode) != 0 || fsync(fd) != 0) {
        fail(j, "cannot sync '%s': %s", tmp, strerror(errno));
        close(fd);
        return -1;
    }
    if (close(fd) != 0)
        return fail(j, "cannot close '%s': %s", tmp, strerror(errno));
    if (rename(tmp, path) != 0)
        return fail(j, "cannot rename '%s' to '%s': %s", tmp, path, strerror(errno));
    return 0;
}

int al_write_atomic(const char *path, const void *data, size_t len, const al_atomic_options *opts,
                    char *err, size_t errlen)
{
    static const al_atomic_options defaults = { NULL, 0 };
    job j = { err, errlen };
    struct stat lst;
    char *real = NULL, *tmp = NULL;
    mode_t mode;
    int fd, rc = -1, saved;

    if (!opts)
        opts = &defaults;
    /* through a symbolic link, replace the file it names, not the link */
    if (lstat(path, &lst) == 0 && S_ISLNK(lst.st_mode)) {
        real = realpath(path, NULL);
        if (!real)
            return fail(&j, "cannot resolve the symbolic link '%s': %s", path, strerror(errno));
        path = real;
    }
    if (opts->mode) {
        mode = (mode_t)opts->mode;
    } else if (existing_mode(path, &mode) != 0) {
        fail(&j, "cannot write '%s': %s", path, strerror(errno));
        goto out;
    }
    tmp = tmp_template(path, opts->tmp_prefix);
    if (!tmp) {
        errno = ENOMEM;
        fail(&j, "out of memory");
        goto out;
    }
    fd = mkstemp(tmp);
    if (fd < 0) {
        fail(&j, "cannot create a temporary file beside '%s': %s", path, strerror(errno));
        goto out;
    }
    rc = fill_and_rename(&j, fd, tmp, path, mode, data, len);
    if (rc != 0) {
        saved = errno;
        unlink(tmp);
        errno = saved;
    }
out:
    saved = errno;
    free(tmp);
    free(real);
    errno = saved;
    return rc;
}
