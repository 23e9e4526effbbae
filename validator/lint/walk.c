/*
 * walk.c - recursive directory listing in a stable order.
 *
 * Each directory's names are read whole, sorted with strcmp, then visited;
 * the (device, inode) pairs of the directories on the current path are kept
 * on a small stack so that a symlink pointing back up is seen and skipped
 * instead of looping forever. al_pathlist_dedupe drops a file the
 * arguments name twice (each path made absolute and normalized, sorted with
 * its place, so the first spelling stays where it was).
 */
#include "walk.h"

#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../util/grow.h"
#include "../util/path.h"

#define MAX_WALK_DEPTH 256

typedef struct dirid {
    dev_t dev;
    ino_t ino;
} dirid;

void al_pathlist_init(al_pathlist *list)
{
    memset(list, 0, sizeof(*list));
}

void al_pathlist_release(al_pathlist *list)
{
    size_t i;
    for (i = 0; i < list->count; i++)
        free(list->items[i].path);
    free(list->items);
    memset(list, 0, sizeof(*list));
}

static int push(al_pathlist *list, const char *path, int err, int is_explicit)
{
    char *copy;
    if (al_grow(&list->items, &list->cap, list->count + 1, sizeof(*list->items), 64) != 0)
        return -1;
    copy = strdup(path);
    if (!copy)
        return -1;
    list->items[list->count].path = copy;
    list->items[list->count].err = err;
    list->items[list->count].is_explicit = is_explicit;
    list->count++;
    return 0;
}

typedef struct keyed {
    char *key; /* the path made absolute and normalized */
    size_t index;
} keyed;

static int cmp_keyed(const void *a, const void *b)
{
    const keyed *x = a, *y = b;
    int c = strcmp(x->key, y->key);
    if (c)
        return c;
    return x->index < y->index ? -1 : x->index > y->index;
}

int al_pathlist_dedupe(al_pathlist *list)
{
    char cwd[PATH_MAX];
    keyed *keys;
    size_t i, n = list->count, w = 0;
    int rc = 0;

    if (n < 2)
        return 0;
    if (!getcwd(cwd, sizeof(cwd)))
        return 0; /* no current directory to compare relative paths in: all are kept */
    keys = calloc(n, sizeof(*keys));
    for (i = 0; keys && i < n && rc == 0; i++) {
        keys[i].index = i;
        keys[i].key = al_path_absolute_in_new(cwd, list->items[i].path);
        if (!keys[i].key)
            rc = -1;
    }
    if (keys && rc == 0) {
        /* sorted by key then place: each run of one key keeps its first; the others go */
        qsort(keys, n, sizeof(*keys), cmp_keyed);
        for (i = 1; i < n; i++)
            if (strcmp(keys[i].key, keys[i - 1].key) == 0) {
                free(list->items[keys[i].index].path);
                list->items[keys[i].index].path = NULL;
            }
        for (i = 0; i < n; i++)
            if (list->items[i].path)
                list->items[w++] = list->items[i];
        list->count = w;
    }
    for (i = 0; keys && i < n; i++)
        free(keys[i].key);
    free(keys);
    return keys ? rc : -1;
}

int al_walk_wanted_name(const char *name)
{
    static const char *const exts[] = { ".md", ".markdown", ".json", ".yaml", ".yml" };
    const char *dot = strrchr(name, '.');
    size_t i;
    if (!dot)
        return 0;
    for (i = 0; i < sizeof(exts) / sizeof(exts[0]); i++)
        if (strcasecmp(dot, exts[i]) == 0)
            return 1;
    return 0;
}

/*
 * Names are stored with the entry's d_type in front (name[0]), so regular
 * files, most of a tree, are listed without a stat call each.
 */
static int cmp_names(const void *a, const void *b)
{
    return strcmp(*(char *const *)a + 1, *(char *const *)b + 1);
}

/* Reads DIR's entry names (without . and hidden ones), sorted, each behind its d_type. */
static int read_names(const char *dir, char ***out, size_t *count)
{
    DIR *d = opendir(dir);
    struct dirent *e;
    char **names = NULL;
    size_t n = 0, cap = 0;

    if (!d)
        return -1;
    while ((e = readdir(d)) != NULL) {
        size_t len;
        if (e->d_name[0] == '.')
            continue;
        if (al_grow(&names, &cap, n + 1, sizeof(*names), 32) != 0)
            goto nomem;
        len = strlen(e->d_name);
        names[n] = malloc(len + 2);
        if (!names[n])
            goto nomem;
        names[n][0] = (char)e->d_type;
        memcpy(names[n] + 1, e->d_name, len + 1);
        n++;
    }
    closedir(d);
    if (n) /* an empty directory: names is NULL, which qsort must not get */
        qsort(names, n, sizeof(*names), cmp_names);
    *out = names;
    *count = n;
    return 0;
nomem:
    closedir(d);
    while (n > 0)
        free(names[--n]);
    free(names);
    errno = ENOMEM;
    return -1;
}

static int walk_dir(const char *dir, al_pathlist *list, dirid *stack, size_t depth)
{
    char **names = NULL;
    size_t n = 0, i;
    int rc = 0;

    if (read_names(dir, &names, &n) != 0)
        return errno == ENOMEM ? -1 : push(list, dir, errno, 0);
    for (i = 0; i < n && rc == 0; i++) {
        struct stat st;
        const char *name = names[i] + 1;
        unsigned char type = (unsigned char)names[i][0];
        char *path;
        /* a regular file that is not wanted needs nothing; a wanted one no stat */
        if (type == DT_REG && !al_walk_wanted_name(name))
            continue;
        path = al_path_join_new(dir, name);
        if (!path) {
            rc = -1;
            break;
        }
        if (type == DT_REG) {
            rc = push(list, path, 0, 0);
        } else if (stat(path, &st) != 0) {
            /* a dangling symlink or a file removed meanwhile: report wanted names only */
            if (al_walk_wanted_name(name))
                rc = push(list, path, errno, 0);
        } else if (S_ISDIR(st.st_mode)) {
            size_t k;
            int loop = 0;
            for (k = 0; k < depth; k++)
                if (stack[k].dev == st.st_dev && stack[k].ino == st.st_ino)
                    loop = 1;
            if (!loop && depth + 1 < MAX_WALK_DEPTH) {
                stack[depth].dev = st.st_dev;
                stack[depth].ino = st.st_ino;
                rc = walk_dir(path, list, stack, depth + 1);
            }
        } else if (S_ISREG(st.st_mode) && al_walk_wanted_name(name)) {
            rc = push(list, path, 0, 0);
        }
        free(path);
    }
    for (i = 0; i < n; i++)
        free(names[i]);
    free(names);
    return rc;
}

int al_walk(const char *path, al_pathlist *list)
{
    struct stat st;
    dirid stack[MAX_WALK_DEPTH];

    if (stat(path, &st) != 0)
        return push(list, path, errno, 1);
    if (S_ISDIR(st.st_mode)) {
        stack[0].dev = st.st_dev;
        stack[0].ino = st.st_ino;
        return walk_dir(path, list, stack, 1);
    }
    if (!S_ISREG(st.st_mode))
        return push(list, path, ENODEV, 1);
    return push(list, path, 0, 1);
}
