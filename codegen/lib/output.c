/*
 * output.c - atomic, confined, change-only writes.
 *
 * Confinement is checked per path component with lstat: every directory on
 * the way from OUT to the file must be a real directory (not a symlink), and
 * the file itself must not be a symlink. Paths are built from identifiers
 * (names.h), so ".." cannot appear, but it is refused here too.
 */
#include "output.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "util/atomic.h"
#include "util/path.h"

/* Temporary files start with this: a killed run's are recognised and removed by the next. */
#define TMP_PREFIX ".advisor-codegen."

/* The directories below OUT that advisor-codegen writes into (and syncs, and cleans). */
static const char *const out_dirs[] = { "", "rules", "tests" };

/* Removes the temporary files a killed run left in ROOT/SUB. */
static void remove_leftovers(const char *root, const char *sub)
{
    char *dir = al_path_join_new(root, sub);
    DIR *d = dir ? opendir(dir) : NULL;
    struct dirent *e;
    while (d && (e = readdir(d)) != NULL) {
        char *path;
        if (strncmp(e->d_name, TMP_PREFIX, sizeof(TMP_PREFIX) - 1) != 0)
            continue;
        path = al_path_join_new(dir, e->d_name);
        if (path)
            unlink(path);
        free(path);
    }
    if (d)
        closedir(d);
    free(dir);
}

static void sync_dir(const char *root, const char *sub)
{
    char *dir = al_path_join_new(root, sub);
    int fd = dir ? open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC) : -1;
    free(dir);
    if (fd < 0)
        return;
    fsync(fd);
    close(fd);
}

static int mkdir_one(const char *path, char *err, size_t errlen)
{
    struct stat st;
    if (lstat(path, &st) == 0) {
        if (S_ISLNK(st.st_mode)) {
            snprintf(err, errlen, "'%s' is a symbolic link, refusing to write through it", path);
            return -1;
        }
        if (!S_ISDIR(st.st_mode)) {
            snprintf(err, errlen, "'%s' is not a directory", path);
            return -1;
        }
        return 0;
    }
    if (mkdir(path, 0755) != 0 && errno != EEXIST) {
        snprintf(err, errlen, "cannot create directory '%s': %s", path, strerror(errno));
        return -1;
    }
    return 0;
}

int cg_output_open(cg_output *o, const char *root, int check_only, int force, FILE *log, char *err,
                   size_t errlen)
{
    memset(o, 0, sizeof(*o));
    o->root = strdup(root);
    if (!o->root) {
        snprintf(err, errlen, "out of memory");
        return -1;
    }
    o->check_only = check_only;
    o->force = force;
    o->log = log;
    if (check_only)
        return 0;
    {
        /* create OUT and its parents (these may be symlinks: the user chose OUT) */
        char *p = strdup(root), *s;
        if (!p) {
            snprintf(err, errlen, "out of memory");
            return -1;
        }
        for (s = p + 1; *s; s++) {
            if (*s != '/')
                continue;
            *s = '\0';
            if (mkdir(p, 0755) != 0 && errno != EEXIST) {
                snprintf(err, errlen, "cannot create directory '%s': %s", p, strerror(errno));
                free(p);
                return -1;
            }
            *s = '/';
        }
        if (mkdir(p, 0755) != 0 && errno != EEXIST) {
            snprintf(err, errlen, "cannot create directory '%s': %s", p, strerror(errno));
            free(p);
            return -1;
        }
        free(p);
    }
    {
        size_t i;
        for (i = 0; i < sizeof(out_dirs) / sizeof(out_dirs[0]); i++)
            remove_leftovers(root, out_dirs[i]);
    }
    return 0;
}

static int safe_rel(const char *rel)
{
    const char *p = rel;
    if (!*rel || *rel == '/')
        return 0;
    while (*p) {
        const char *e = strchr(p, '/');
        size_t n = e ? (size_t)(e - p) : strlen(p);
        if (n == 0 || (n == 1 && p[0] == '.') || (n == 2 && p[0] == '.' && p[1] == '.'))
            return 0;
        p += n;
        if (*p == '/')
            p++;
    }
    return 1;
}

/* Creates the directories of REL below ROOT, refusing symlinks among them. */
static int make_parents(const cg_output *o, const char *rel, char *err, size_t errlen)
{
    char *path = al_path_join_new(o->root, rel), *s;
    int rc = 0;
    if (!path) {
        snprintf(err, errlen, "out of memory");
        return -1;
    }
    /* from REL's first segment on: OUT itself may be a link, the user chose it */
    for (s = path + strlen(path) - strlen(rel); *s && rc == 0; s++) {
        if (*s != '/')
            continue;
        *s = '\0';
        if (o->check_only) {
            struct stat st;
            if (lstat(path, &st) == 0 && S_ISLNK(st.st_mode)) {
                snprintf(err, errlen, "'%s' is a symbolic link, refusing to write through it",
                         path);
                rc = -1;
            }
        } else {
            rc = mkdir_one(path, err, errlen);
        }
        *s = '/';
    }
    free(path);
    return rc;
}

/* 1 when no directory on the way from ROOT to REL is a symbolic link (nothing is created). */
static int parents_are_dirs(const cg_output *o, const char *rel)
{
    char *path = al_path_join_new(o->root, rel), *s;
    int ok = 1;
    if (!path)
        return 0;
    for (s = path + strlen(path) - strlen(rel); *s && ok; s++) {
        struct stat st;
        if (*s != '/')
            continue;
        *s = '\0';
        if (lstat(path, &st) != 0 || !S_ISDIR(st.st_mode))
            ok = 0;
        *s = '/';
    }
    free(path);
    return ok;
}

/* 1 when the file at PATH holds exactly DATA, 0 when not or absent. */
static int same_content(const char *path, const char *data, size_t len)
{
    struct stat st;
    int fd, same = 0;
    char *buf;
    if (stat(path, &st) != 0 || !S_ISREG(st.st_mode) || (size_t)st.st_size != len)
        return 0;
    fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return 0;
    buf = malloc(len ? len : 1);
    if (buf) {
        size_t got = 0;
        while (got < len) {
            ssize_t r = read(fd, buf + got, len - got);
            if (r <= 0)
                break;
            got += (size_t)r;
        }
        same = got == len && memcmp(buf, data, len) == 0;
        free(buf);
    }
    close(fd);
    return same;
}

/* OUT/dir/.advisor-codegen.name.XXXXXX: beside the target, found and removed by the next run */
static int write_atomic(const char *path, const char *data, size_t len, char *err, size_t errlen)
{
    static const al_atomic_options opts = { TMP_PREFIX, 0644 };
    return al_write_atomic(path, data, len, &opts, err, errlen);
}

static void say(const cg_output *o, const char *what, const char *rel)
{
    if (o->log)
        fprintf(o->log, "%-9s %s/%s\n", what, o->root, rel);
}

int cg_output_write(cg_output *o, const char *rel, const char *data, size_t len, cg_file_kind kind,
                    char *err, size_t errlen)
{
    char *path;
    struct stat st;
    int exists, rc = 0;

    if (!safe_rel(rel)) {
        snprintf(err, errlen, "refusing to write '%s' outside '%s'", rel, o->root);
        return -1;
    }
    if (make_parents(o, rel, err, errlen) != 0)
        return -1;
    path = al_path_join_new(o->root, rel);
    if (!path) {
        snprintf(err, errlen, "out of memory");
        return -1;
    }
    exists = lstat(path, &st) == 0;
    if (exists && S_ISLNK(st.st_mode)) {
        snprintf(err, errlen, "'%s' is a symbolic link, refusing to write through it", path);
        free(path);
        return -1;
    }
    if (exists && kind == CG_FILE_STUB && !o->force) {
        o->skipped++;
        say(o, "skip", rel);
    } else if (same_content(path, data, len)) {
        o->unchanged++;
        say(o, "unchanged", rel);
    } else if (o->check_only) {
        o->stale++;
        say(o, exists ? "stale" : "missing", rel);
    } else if ((rc = write_atomic(path, data, len, err, errlen)) == 0) {
        o->written++;
        say(o, "write", rel);
    }
    free(path);
    return rc;
}

/* Whether the file at PATH starts with advisor-codegen's "generated by" line. */
static int says_generated(const char *path)
{
    static const char *const marks[] = { "/* generated by advisor-codegen ",
                                         "# generated by advisor-codegen " };
    char head[64];
    size_t i, got;
    FILE *f = fopen(path, "rb");
    if (!f)
        return 0;
    got = fread(head, 1, sizeof(head) - 1, f);
    fclose(f);
    head[got] = '\0';
    for (i = 0; i < sizeof(marks) / sizeof(marks[0]); i++)
        if (!strncmp(head, marks[i], strlen(marks[i])))
            return 1;
    return 0;
}

int cg_output_remove(cg_output *o, const char *rel, char *err, size_t errlen)
{
    char *path;
    struct stat st;

    if (!safe_rel(rel)) {
        snprintf(err, errlen, "refusing to remove '%s' outside '%s'", rel, o->root);
        return -1;
    }
    path = al_path_join_new(o->root, rel);
    if (!path) {
        snprintf(err, errlen, "out of memory");
        return -1;
    }
    if (parents_are_dirs(o, rel) && lstat(path, &st) == 0 && S_ISREG(st.st_mode) &&
        says_generated(path)) {
        if (o->check_only) {
            o->removed++;
            say(o, "obsolete", rel);
        } else if (unlink(path) == 0) {
            o->removed++;
            say(o, "remove", rel);
        } else {
            snprintf(err, errlen, "cannot remove '%s': %s", path, strerror(errno));
            free(path);
            return -1;
        }
    }
    free(path);
    return 0;
}

void cg_output_close(cg_output *o)
{
    if (!o->check_only && o->root) {
        /* the renames are durable once the directories holding them are synced */
        size_t i;
        for (i = 0; i < sizeof(out_dirs) / sizeof(out_dirs[0]); i++)
            sync_dir(o->root, out_dirs[i]);
    }
    free(o->root);
    o->root = NULL;
}
