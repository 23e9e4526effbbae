/*
 * path.c - path strings: join, absolute, relative, directory.
 *
 * al_path_absolute_new copies segment by segment into a second buffer,
 * skipping empty and "." segments and backing up over the last written one
 * for ".."; the others are built on it.
 */
#include "path.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

char *al_path_join_new(const char *dir, const char *name)
{
    size_t a = strlen(dir), b = strlen(name);
    int slash = a > 0 && b > 0 && dir[a - 1] != '/';
    char *p = malloc(a + (size_t)slash + b + 1);
    if (!p)
        return NULL;
    memcpy(p, dir, a);
    if (slash)
        p[a] = '/';
    memcpy(p + a + slash, name, b + 1);
    return p;
}

char *al_path_absolute_new(const char *path)
{
    char cwd[PATH_MAX];
    if (path[0] != '/' && !getcwd(cwd, sizeof(cwd)))
        return NULL;
    return al_path_absolute_in_new(path[0] == '/' ? "/" : cwd, path);
}

char *al_path_absolute_in_new(const char *cwd, const char *path)
{
    char *buf, *out;
    size_t n, w = 0, i = 0;

    n = (path[0] == '/' ? 0 : strlen(cwd) + 1) + strlen(path) + 2;
    buf = malloc(n);
    out = malloc(n);
    if (!buf || !out) {
        free(buf);
        free(out);
        return NULL;
    }
    snprintf(buf, n, "%s%s%s", path[0] == '/' ? "" : cwd, path[0] == '/' ? "" : "/", path);
    while (buf[i]) {
        size_t s = i, len;
        while (buf[i] && buf[i] != '/')
            i++;
        len = i - s;
        if (buf[i])
            i++;
        if (len == 0 || (len == 1 && buf[s] == '.'))
            continue;
        if (len == 2 && buf[s] == '.' && buf[s + 1] == '.') {
            while (w > 0 && out[w - 1] != '/')
                w--;
            if (w > 0)
                w--;
            continue;
        }
        out[w++] = '/';
        memcpy(out + w, buf + s, len);
        w += len;
    }
    if (w == 0)
        out[w++] = '/';
    out[w] = '\0';
    free(buf);
    return out;
}

char *al_path_relative_new(const char *base_dir, const char *path)
{
    char *abs = al_path_absolute_new(path), *rel;
    size_t n = strlen(base_dir);
    if (!abs)
        return NULL;
    if (n == 1)
        n = 0;
    if (strncmp(abs, base_dir, n) != 0 || abs[n] != '/') {
        free(abs);
        return NULL;
    }
    rel = strdup(abs + n + 1);
    free(abs);
    return rel;
}

char *al_path_dir_new(const char *path)
{
    char *abs = al_path_absolute_new(path), *slash;
    if (!abs)
        return NULL;
    slash = strrchr(abs, '/');
    if (slash == abs)
        slash[1] = '\0';
    else if (slash)
        *slash = '\0';
    return abs;
}
