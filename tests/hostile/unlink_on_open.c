/*
 * unlink_on_open.c - an LD_PRELOAD shim that deletes a file just before it is opened.
 *
 * For the "file deleted during the run" case: advisor-lint lists a directory,
 * then opens each file it listed. With this shim preloaded, opening a path
 * whose last component is $HOSTILE_UNLINK_ON_OPEN first unlinks it, so the
 * file is gone exactly between the listing and the read, every time, instead
 * of by a racing process. Only open and openat are wrapped (advisor-lint reads
 * files with open); everything else passes through.
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <unistd.h>

static void maybe_unlink(const char *path)
{
    const char *name = getenv("HOSTILE_UNLINK_ON_OPEN");
    const char *base;
    if (!name || !*name || !path)
        return;
    base = strrchr(path, '/');
    base = base ? base + 1 : path;
    if (strcmp(base, name) == 0)
        unlink(path);
}

int open(const char *path, int flags, ...);
int open64(const char *path, int flags, ...);
int openat(int dirfd, const char *path, int flags, ...);

static mode_t mode_arg(int flags, va_list ap)
{
    return (flags & (O_CREAT | O_TMPFILE)) ? (mode_t)va_arg(ap, int) : 0;
}

int open(const char *path, int flags, ...)
{
    static int (*real)(const char *, int, ...);
    va_list ap;
    mode_t mode;
    va_start(ap, flags);
    mode = mode_arg(flags, ap);
    va_end(ap);
    if (!real)
        real = (int (*)(const char *, int, ...))dlsym(RTLD_NEXT, "open");
    maybe_unlink(path);
    return real(path, flags, mode);
}

int open64(const char *path, int flags, ...)
{
    static int (*real)(const char *, int, ...);
    va_list ap;
    mode_t mode;
    va_start(ap, flags);
    mode = mode_arg(flags, ap);
    va_end(ap);
    if (!real)
        real = (int (*)(const char *, int, ...))dlsym(RTLD_NEXT, "open64");
    maybe_unlink(path);
    return real(path, flags, mode);
}

int openat(int dirfd, const char *path, int flags, ...)
{
    static int (*real)(int, const char *, int, ...);
    va_list ap;
    mode_t mode;
    va_start(ap, flags);
    mode = mode_arg(flags, ap);
    va_end(ap);
    if (!real)
        real = (int (*)(int, const char *, int, ...))dlsym(RTLD_NEXT, "openat");
    maybe_unlink(path);
    return real(dirfd, path, flags, mode);
}
