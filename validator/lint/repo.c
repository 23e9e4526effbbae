/*
 * repo.c - a file's repository: its root, and the files a branch changed.
 *
 * The root is what a run compares given files with (advisor/lint.h):
 * the directory of the nearest .advisor-lint.yaml, looked for from the
 * file's directory upwards but not above a directory holding .git, else
 * git's top of the work tree. git is run through util/spawn.h: no shell,
 * so a branch name or a path is never interpreted, and git's own error
 * text is kept for the message.
 *
 * The changed files come from git's NUL-separated outputs (-z), so names
 * with spaces, newlines or non-ASCII bytes arrive as they are (no
 * quoting). git prints them relative to the work tree's top; with the
 * current directory's place below the top (`git rev-parse --show-prefix`)
 * al_path_from_prefix makes them relative to the current directory again.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../config/config.h"
#include "../util/error.h"
#include "../util/path.h"
#include "../util/spawn.h"
#include "advisor/lint.h"
#include "repo.h"
#include "walk.h"

/* Whether DIR holds an entry NAME (any kind: .git is a file in a linked work tree). */
static int has_entry(const char *dir, const char *name)
{
    char path[4096];
    struct stat st;
    if (snprintf(path, sizeof(path), "%s%s%s", dir, strcmp(dir, "/") ? "/" : "", name) >=
        (int)sizeof(path))
        return 0;
    return lstat(path, &st) == 0;
}

/* Cuts DIR (absolute, normalized) to its parent. Returns 0, or -1 at "/". */
static int to_parent(char *dir)
{
    char *slash = strrchr(dir, '/');
    if (!slash || !strcmp(dir, "/"))
        return -1;
    if (slash == dir)
        slash[1] = '\0';
    else
        *slash = '\0';
    return 0;
}

/* The last line break(s) of S removed. */
static void chomp(char *s)
{
    size_t n = strlen(s);
    while (n > 0 && (s[n - 1] == '\n' || s[n - 1] == '\r'))
        s[--n] = '\0';
}

/* The first line of git's standard error, for a message ("" when it said nothing). */
static const char *first_line(al_spawn_result *r)
{
    char *nl = strchr(r->err, '\n');
    if (nl)
        *nl = '\0';
    return r->err;
}

/* Runs git with ARGV (argv[0] is "git"). Returns 0 when it ran, -1 (errno) when it could not. */
static int git(char *const argv[], al_spawn_result *r)
{
    return al_spawn_capture(argv, r);
}

/* The absolute directory a search from PATH starts in: PATH itself when a directory, else its parent. */
static char *start_dir(const char *path)
{
    struct stat st;
    if (stat(path, &st) == 0 && S_ISDIR(st.st_mode))
        return al_path_absolute_new(path);
    return al_path_dir_new(path);
}

/*
 * ROOT (absolute, taken) as files are named: "." for the current
 * directory, relative when below it ("a/b") or above it ("../.."), else
 * absolute. Returns a new string or NULL.
 */
static char *display_root(char *root)
{
    char *here = al_path_absolute_new("."), *rel, *out;

    if (!here) {
        free(root);
        return NULL;
    }
    if (!strcmp(here, root))
        out = strdup(".");
    else if ((rel = al_path_relative_new(here, root)) != NULL) /* below it */
        out = rel;
    else if ((rel = al_path_relative_new(root, here)) != NULL) { /* above it: "../" per level */
        size_t up = 1, i;
        const char *p;
        for (p = rel; *p; p++)
            up += *p == '/';
        out = malloc(up * 3);
        for (i = 0; out && i < up; i++)
            memcpy(out + i * 3, "../", 3);
        if (out)
            out[up * 3 - 1] = '\0';
        free(rel);
    } else {
        out = strdup(root);
    }
    free(here);
    free(root);
    return out;
}

char *al_repository_root(const char *path, al_error *error)
{
    char *dir, *argv[6];
    al_spawn_result r;

    al_error_clear(error);
    dir = start_dir(path ? path : ".");
    if (!dir)
        goto oom;
    {
        char *d = strdup(dir);
        if (!d) {
            free(dir);
            goto oom;
        }
        for (;;) {
            if (has_entry(d, AL_CONFIG_NAME)) {
                free(dir);
                dir = display_root(d);
                if (!dir)
                    goto oom;
                return dir;
            }
            if (has_entry(d, ".git") || to_parent(d) != 0)
                break; /* a config above a repository's top is not that repository's */
        }
        free(d);
    }
    argv[0] = "git";
    argv[1] = "-C";
    argv[2] = dir;
    argv[3] = "rev-parse";
    argv[4] = "--show-toplevel";
    argv[5] = NULL;
    if (git(argv, &r) != 0) {
        free(dir);
        if (errno == ENOMEM)
            goto oom;
        return NULL; /* no git: no repository either */
    }
    free(dir);
    if (r.status != 0 || !r.outlen) {
        al_spawn_release(&r);
        return NULL; /* not in a work tree */
    }
    chomp(r.out);
    dir = display_root(r.out); /* takes r.out */
    if (!dir)
        goto oom;
    return dir;
oom:
    al_error_set(error, path, 0, 0, 0, "out of memory");
    return NULL;
}

/* The length of REL's first path segment. */
static size_t segment(const char *rel)
{
    const char *slash = strchr(rel, '/');
    return slash ? (size_t)(slash - rel) : strlen(rel);
}

char *al_path_from_prefix(const char *prefix, const char *rel)
{
    size_t up = 0, n;
    const char *p = prefix;
    char *out;

    while (*p == '/')
        p++;
    /* leading segments both share are dropped */
    while (*p && *rel) {
        size_t a = segment(p), b = segment(rel);
        if (a != b || memcmp(p, rel, a) != 0 || !rel[b])
            break;
        p += a;
        rel += b + 1;
        while (*p == '/')
            p++;
    }
    /* one "../" for each segment of the prefix left */
    while (*p) {
        up++;
        p += segment(p);
        while (*p == '/')
            p++;
    }
    n = strlen(rel);
    out = malloc(up * 3 + n + 1);
    if (!out)
        return NULL;
    for (p = out; up > 0; up--, p += 3)
        memcpy((char *)p, "../", 3);
    memcpy((char *)p, rel, n + 1);
    return out;
}

/* ---- changed files ---- */

typedef struct names {
    char **items;
    size_t count, cap;
} names;

static void names_free(names *n)
{
    size_t i;
    for (i = 0; i < n->count; i++)
        free(n->items[i]);
    free(n->items);
    memset(n, 0, sizeof(*n));
}

/*
 * Adds NAME (relative to the top; PREFIX is the current directory's place
 * below it) when a walk would take the name and it is a file now. Returns
 * 0 or -1.
 */
static int add_name(names *n, const char *prefix, const char *name)
{
    const char *base = strrchr(name, '/');
    struct stat st;
    char *p;

    if (!al_walk_wanted_name(base ? base + 1 : name))
        return 0;
    p = al_path_from_prefix(prefix, name);
    if (!p)
        return -1;
    if (stat(p, &st) != 0 || !S_ISREG(st.st_mode)) {
        free(p); /* deleted since, or not a file */
        return 0;
    }
    if (n->count + 1 >= n->cap) {
        size_t ncap = n->cap ? n->cap * 2 : 64;
        char **ni = realloc(n->items, ncap * sizeof(*ni));
        if (!ni) {
            free(p);
            return -1;
        }
        n->items = ni;
        n->cap = ncap;
    }
    n->items[n->count++] = p;
    return 0;
}

/*
 * Reads `git diff --name-status -z` output: a status field ("M", "A",
 * "R100", ...) then one path, or two for a rename or copy (old, new).
 * Deleted files are left out; of a rename, the new name is kept.
 */
static int parse_name_status(names *n, const char *prefix, const char *out, size_t len)
{
    const char *p = out, *end = out + len;
    while (p < end) {
        const char *status = p, *path;
        p += strlen(p) + 1;
        if (p >= end)
            break;
        path = p;
        p += strlen(p) + 1;
        if (status[0] == 'R' || status[0] == 'C') {
            if (p >= end)
                break;
            path = p;
            p += strlen(p) + 1;
        }
        if (status[0] == 'D')
            continue;
        if (add_name(n, prefix, path) != 0)
            return -1;
    }
    return 0;
}

/* Reads NUL-separated names (git ls-files -z). */
static int parse_names(names *n, const char *prefix, const char *out, size_t len)
{
    const char *p = out, *end = out + len;
    for (; p < end; p += strlen(p) + 1)
        if (*p && add_name(n, prefix, p) != 0)
            return -1;
    return 0;
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Sorts N and drops repeated names (a file both in the diff and untracked cannot be, but a pathspec may repeat). */
static void sort_unique(names *n)
{
    size_t i, k = 0;
    if (!n->count)
        return; /* qsort(NULL, ...) would let the compiler assume items != NULL */
    qsort(n->items, n->count, sizeof(*n->items), cmp_str);
    for (i = 0; i < n->count; i++) {
        if (k > 0 && !strcmp(n->items[k - 1], n->items[i]))
            free(n->items[i]);
        else
            n->items[k++] = n->items[i];
    }
    n->count = k;
}

/* ARGV for git with FIXED arguments, then "--" and the pathspecs (":/" for the whole tree). */
static char **git_argv(const char *const *fixed, char *const *paths, size_t npaths)
{
    size_t nf = 0, i, k = 0;
    char **argv;
    while (fixed[nf])
        nf++;
    argv = calloc(nf + npaths + 3, sizeof(*argv));
    if (!argv)
        return NULL;
    for (i = 0; i < nf; i++)
        argv[k++] = (char *)fixed[i];
    argv[k++] = "--";
    if (npaths == 0)
        argv[k++] = ":/";
    for (i = 0; i < npaths; i++)
        argv[k++] = paths[i];
    argv[k] = NULL;
    return argv;
}

/* Runs git with ARGV; on failure fills ERROR with WHAT and git's words. Returns 0 or -1. */
static int run_git(char *const argv[], al_spawn_result *r, const char *what, al_error *error)
{
    memset(r, 0, sizeof(*r));
    if (git(argv, r) != 0) {
        al_error_set(error, NULL, 0, 0, 0, "cannot run git: %s", strerror(errno));
        return -1;
    }
    if (r->status != 0) {
        al_error_set(error, NULL, 0, 0, 0, "%s: %s", what,
                     *first_line(r) ? first_line(r) : "git failed");
        al_spawn_release(r);
        return -1;
    }
    return 0;
}

char **al_changed_files(const char *ref, char *const *paths, size_t npaths, size_t *count,
                        al_error *error)
{
    char *prefix_argv[] = { "git", "rev-parse", "--show-prefix", NULL };
    char *base_argv[] = { "git", "merge-base", NULL, "HEAD", NULL };
    /* --no-relative: names from the top even under diff.relative=true */
    const char *diff_fixed[] = { "git",        "diff",           "--name-status",
                                 "-z",         "--find-renames", "--no-relative",
                                 "--no-color", "--no-ext-diff",  NULL,
                                 NULL };
    const char *others_fixed[] = { "git", "ls-files",    "--others", "--exclude-standard",
                                   "-z",  "--full-name", NULL };
    al_spawn_result prefix, base, diff, others;
    char **argv = NULL, what[256];
    names n;

    al_error_clear(error);
    memset(&n, 0, sizeof(n));
    if (run_git(prefix_argv, &prefix, "not in a git work tree", error) != 0)
        return NULL;
    chomp(prefix.out);
    if (!ref || !*ref || ref[0] == '-') { /* git would take it for an option */
        al_error_set(error, NULL, 0, 0, 0, "'%s' is not a git reference", ref ? ref : "");
        al_spawn_release(&prefix);
        return NULL;
    }
    base_argv[2] = (char *)ref;
    snprintf(what, sizeof(what), "no merge base of '%.200s' and HEAD", ref);
    if (run_git(base_argv, &base, what, error) != 0) {
        al_spawn_release(&prefix);
        return NULL;
    }
    chomp(base.out);
    diff_fixed[8] = base.out;
    argv = git_argv(diff_fixed, paths, npaths);
    if (!argv)
        goto oom;
    if (run_git(argv, &diff, "git diff failed", error) != 0)
        goto fail;
    free(argv);
    argv = git_argv(others_fixed, paths, npaths);
    if (!argv) {
        al_spawn_release(&diff);
        goto oom;
    }
    if (run_git(argv, &others, "git ls-files failed", error) != 0) {
        al_spawn_release(&diff);
        goto fail;
    }
    if (parse_name_status(&n, prefix.out, diff.out, diff.outlen) != 0 ||
        parse_names(&n, prefix.out, others.out, others.outlen) != 0) {
        al_spawn_release(&diff);
        al_spawn_release(&others);
        goto oom;
    }
    al_spawn_release(&diff);
    al_spawn_release(&others);
    free(argv);
    al_spawn_release(&prefix);
    al_spawn_release(&base);
    sort_unique(&n);
    if (!n.items && !(n.items = calloc(1, sizeof(*n.items))))
        goto oom_names;
    n.items[n.count] = NULL;
    if (count)
        *count = n.count;
    return n.items;
oom:
    al_error_set(error, NULL, 0, 0, 0, "out of memory");
fail:
    free(argv);
    al_spawn_release(&prefix);
    al_spawn_release(&base);
    names_free(&n);
    return NULL;
oom_names:
    al_error_set(error, NULL, 0, 0, 0, "out of memory");
    names_free(&n);
    return NULL;
}
