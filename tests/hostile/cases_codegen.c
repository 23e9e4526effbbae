/*
 * cases_codegen.c - hostile cases for advisor-codegen and its template engine.
 *
 *   template-includes-itself  an override template that includes itself stops at
 *                             the engine's partial depth limit, with a message
 *                             naming the template, and writes nothing
 *   codegen-outside-out       symbolic links inside OUT that point out of it (a
 *                             directory, a file) are refused and nothing outside
 *                             OUT changes
 *   codegen-kill              advisor-codegen killed with SIGKILL at pseudo-random
 *                             moments, 60 times, alternating two inputs: after
 *                             each kill every file in OUT is byte for byte the
 *                             complete old or new version
 * They skip (exit 77) when the build has no advisor-codegen.
 */
#include <dirent.h>
#include <errno.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "harness.h"

#define GOOD_FIXTURE "fixtures/valid/seed-expressroute-mooncake.md"

static void need_codegen(void)
{
    if (!hostile_codegen || !*hostile_codegen || access(hostile_codegen, X_OK) != 0)
        hostile_skip("advisor-codegen is not built");
}

static void codegen(hostile_run *run, const char *a1, const char *a2, const char *a3,
                    const char *a4, const char *a5)
{
    const char *args[] = { hostile_codegen, a1, a2, a3, a4, a5 };
    hostile_exec_some(args, sizeof(args) / sizeof(args[0]), NULL, run);
}

/* ---- a directory tree as (relative name, content) pairs ---- */

typedef struct tree_file {
    char *name;
    char *data;
    size_t len;
} tree_file;

typedef struct tree {
    tree_file *files;
    size_t count;
    size_t temps; /* leftover temporary files (".name.XXXXXX") */
} tree;

static void tree_walk(tree *t, const char *root, const char *rel)
{
    char dir[4096];
    DIR *d;
    struct dirent *e;
    if (snprintf(dir, sizeof(dir), "%s%s%s", root, *rel ? "/" : "", rel) >= (int)sizeof(dir))
        hostile_die("path too long below '%s'", root);
    d = opendir(dir);
    if (!d)
        hostile_die("cannot list '%s': %s", dir, strerror(errno));
    while ((e = readdir(d)) != NULL) {
        char path[4096], sub[4096];
        struct stat st;
        if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
            continue;
        if (snprintf(sub, sizeof(sub), "%s%s%s", rel, *rel ? "/" : "", e->d_name) >=
                (int)sizeof(sub) ||
            snprintf(path, sizeof(path), "%s/%s", root, sub) >= (int)sizeof(path))
            hostile_die("path too long below '%s'", root);
        if (lstat(path, &st) != 0)
            hostile_die("cannot stat '%s'", path);
        if (S_ISDIR(st.st_mode)) {
            tree_walk(t, root, sub);
        } else if (e->d_name[0] == '.') {
            t->temps++;
        } else {
            tree_file *nf = realloc(t->files, (t->count + 1) * sizeof(*nf));
            if (!nf)
                hostile_die("out of memory");
            t->files = nf;
            nf[t->count].name = strdup(sub);
            nf[t->count].data = hostile_read(path, &nf[t->count].len);
            if (!nf[t->count].name || !nf[t->count].data)
                hostile_die("cannot read '%s'", path);
            t->count++;
        }
    }
    closedir(d);
}

static void tree_load(tree *t, const char *root)
{
    memset(t, 0, sizeof(*t));
    tree_walk(t, root, "");
}

static void tree_free(tree *t)
{
    size_t i;
    for (i = 0; i < t->count; i++) {
        free(t->files[i].name);
        free(t->files[i].data);
    }
    free(t->files);
    memset(t, 0, sizeof(*t));
}

static const tree_file *tree_get(const tree *t, const char *name)
{
    size_t i;
    for (i = 0; i < t->count; i++)
        if (!strcmp(t->files[i].name, name))
            return &t->files[i];
    return NULL;
}

static int same(const tree_file *a, const tree_file *b)
{
    return a && b && a->len == b->len && memcmp(a->data, b->data, a->len) == 0;
}

/* ---- template-includes-itself ---- */

void hostile_codegen_template_self(void);
void hostile_codegen_template_self(void)
{
    hostile_run run;
    struct stat st;
    need_codegen();
    hostile_copy(GOOD_FIXTURE, "good.md");
    /* _str.mustache is the partial every string goes through: make it include itself */
    hostile_write("tpl/_str.mustache", "{{>str}}\n", 9);
    codegen(&run, "-o", "out", "--templates", "tpl", "good.md");
    HOSTILE_CHECK(run.exited && run.status == 2, "expected exit status 2, got %d", run.status);
    HOSTILE_CHECK(strstr(run.err, "_str.mustache") != NULL,
                  "the message does not name the template");
    HOSTILE_CHECK(strstr(run.err, "nested too deeply") != NULL,
                  "the message does not say the partial nests too deeply (the depth limit)");
    HOSTILE_CHECK(stat(hostile_path("out/advisor_catalog.c"), &st) != 0,
                  "a file was written from a template that failed");
    if (hostile_failed)
        hostile_dump(&run);
    printf("hostile/%s: exit %d, peak RSS %ld KB, CPU %.2f s\n", hostile_case, run.status,
           run.maxrss_kb, run.cpu_s);
    hostile_run_release(&run);
}

/* ---- codegen-outside-out ---- */

void hostile_codegen_outside_out(void);
void hostile_codegen_outside_out(void)
{
    hostile_run run;
    struct stat st;
    size_t len;
    char *victim;

    need_codegen();
    hostile_copy(GOOD_FIXTURE, "good.md");
    hostile_write("outside/victim.h", "precious\n", 9);
    hostile_write("outside/keep", "", 0);
    /* a directory inside OUT that is a link to outside */
    hostile_write("out1/.keep", "", 0);
    if (symlink("../outside", hostile_path("out1/rules")) != 0)
        hostile_die("symlink: %s", strerror(errno));
    codegen(&run, "-o", "out1", "good.md", NULL, NULL);
    HOSTILE_CHECK(run.exited && run.status != 0, "a linked directory in OUT was written through");
    HOSTILE_CHECK(strstr(run.err, "rules") != NULL, "the refusal does not name the path");
    HOSTILE_CHECK(stat(hostile_path("outside/express_route_gateway_redundancy.c"), &st) != 0,
                  "a file was written outside OUT through a linked directory");
    if (hostile_failed)
        hostile_dump(&run);
    hostile_run_release(&run);

    /* a file inside OUT that is a link to a file outside */
    hostile_write("out2/.keep", "", 0);
    if (symlink("../outside/victim.h", hostile_path("out2/advisor_types.h")) != 0)
        hostile_die("symlink: %s", strerror(errno));
    codegen(&run, "-o", "out2", "good.md", NULL, NULL);
    HOSTILE_CHECK(run.exited && run.status != 0, "a linked file in OUT was written through");
    HOSTILE_CHECK(strstr(run.err, "advisor_types.h") != NULL, "the refusal does not name the file");
    victim = hostile_read(hostile_path("outside/victim.h"), &len);
    HOSTILE_CHECK(victim && len == 9 && !memcmp(victim, "precious\n", 9),
                  "the file outside OUT changed");
    free(victim);
    if (hostile_failed)
        hostile_dump(&run);
    printf("hostile/%s: refused, exit %d\n", hostile_case, run.status);
    hostile_run_release(&run);
}

/* ---- codegen-kill ---- */

static uint64_t rng_state = 0x9E3779B97F4A7C15ull;

static uint64_t rng(void)
{
    rng_state ^= rng_state << 13;
    rng_state ^= rng_state >> 7;
    rng_state ^= rng_state << 17;
    return rng_state;
}

static double now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

/* Starts advisor-codegen -o OUT INPUT quietly; returns its pid. */
static pid_t start_codegen(const char *out, const char *input)
{
    pid_t pid;
    fflush(NULL);
    pid = fork();
    if (pid < 0)
        hostile_die("fork: %s", strerror(errno));
    if (pid == 0) {
        if (!freopen("/dev/null", "w", stdout) || !freopen("/dev/null", "w", stderr))
            _exit(126);
        execl(hostile_codegen, hostile_codegen, "-o", out, input, (char *)NULL);
        _exit(127);
    }
    return pid;
}

static int wait_status(pid_t pid)
{
    int status;
    while (waitpid(pid, &status, 0) < 0)
        if (errno != EINTR)
            hostile_die("waitpid: %s", strerror(errno));
    return status;
}

/*
 * a/good.md and b/good.md: two inputs whose generated files differ (the
 * impact). They keep one recommendationTypeId: a second type whose name
 * maps to the same identifier would get another one (a suffix), so OUT's
 * files would not be the same set in both versions.
 */
static void make_inputs(void)
{
    size_t len;
    char *t;
    hostile_copy(GOOD_FIXTURE, "a/good.md");
    t = hostile_read(hostile_path("a/good.md"), &len);
    {
        char *p = strstr(t, "\"recommendationImpact\": \"Medium\"");
        if (!p)
            hostile_die("the fixture changed: no impact to vary");
        memcpy(p + 25, "Low\"   ", 7); /* Medium" -> Low" and spaces */
    }
    hostile_write("b/good.md", t, len);
    free(t);
}

void hostile_codegen_kill(void);
void hostile_codegen_kill(void)
{
    /*
     * At least ROUNDS rounds, and more (up to MAX_ROUNDS) until MIN_KILLED of
     * them were really interrupted: on a loaded machine the timing of one full
     * run says little about the next, so a fixed round count could see too few.
     */
    enum { ROUNDS = 60, MIN_KILLED = ROUNDS / 4, MAX_ROUNDS = 600 };
    tree va, vb;
    char out[4096];
    double t0, full;
    size_t i, killed = 0, temps_max = 0;
    int round;

    need_codegen();
    make_inputs();

    /* the complete versions, generated in separate directories */
    if (!WIFEXITED(wait_status(start_codegen(hostile_path("ref-a"), hostile_path("a/good.md")))) ||
        !WIFEXITED(wait_status(start_codegen(hostile_path("ref-b"), hostile_path("b/good.md")))))
        hostile_die("advisor-codegen did not finish");
    tree_load(&va, hostile_path("ref-a"));
    tree_load(&vb, hostile_path("ref-b"));
    HOSTILE_CHECK(va.count > 0 && va.count == vb.count, "the two versions differ in files");
    for (i = 0; i < va.count; i++)
        if (same(&va.files[i], tree_get(&vb, va.files[i].name)))
            printf("hostile/%s: '%s' is the same in both versions\n", hostile_case,
                   va.files[i].name);

    /* OUT starts as the complete old version; time one full run */
    if (snprintf(out, sizeof(out), "%s", hostile_path("out")) >= (int)sizeof(out))
        hostile_die("path too long");
    t0 = now_s();
    wait_status(start_codegen(out, hostile_path("a/good.md")));
    full = now_s() - t0;

    for (round = 0;
         round < MAX_ROUNDS && (round < ROUNDS || killed < MIN_KILLED) && !hostile_failed;
         round++) {
        const char *input = hostile_path(round % 2 ? "a/good.md" : "b/good.md");
        /* kill anywhere from at once to a little after a full run would end */
        useconds_t delay = (useconds_t)(rng() % (uint64_t)(full * 1.2e6 + 1));
        pid_t pid = start_codegen(out, input);
        int status;
        tree now;
        usleep(delay);
        kill(pid, SIGKILL);
        status = wait_status(pid);
        killed += WIFSIGNALED(status);
        tree_load(&now, out);
        if (now.temps > temps_max)
            temps_max = now.temps;
        HOSTILE_CHECK(now.count == va.count, "round %d: OUT holds %zu files, expected %zu", round,
                      now.count, va.count);
        for (i = 0; i < now.count; i++) {
            const tree_file *f = &now.files[i];
            const tree_file *a = tree_get(&va, f->name), *b = tree_get(&vb, f->name);
            /* a stub is written once and never replaced: it stays the first version */
            HOSTILE_CHECK(same(f, a) || same(f, b),
                          "round %d (killed after %u us): '%s' is neither version (%zu bytes)",
                          round, (unsigned)delay, f->name, f->len);
        }
        tree_free(&now);
    }
    printf(
        "hostile/%s: %d rounds, %zu killed mid-run, a full run takes %.0f ms, at most %zu "
        "temporary files left behind\n",
        hostile_case, round, killed, full * 1000, temps_max);
    HOSTILE_CHECK(killed >= MIN_KILLED, "only %zu of %d runs were interrupted", killed, round);
    tree_free(&va);
    tree_free(&vb);
}

/*
 * codegen-kill-litter: after interrupted runs leave temporary files
 * (OUT/.advisor-codegen.NAME.XXXXXX) behind, the next complete run must not
 * keep them (codegen/lib/output.c removes them when it opens OUT).
 */
void hostile_codegen_kill_litter(void);
void hostile_codegen_kill_litter(void)
{
    tree now;
    char out[4096];
    double t0, full;
    int round;

    need_codegen();
    make_inputs();
    if (snprintf(out, sizeof(out), "%s", hostile_path("out")) >= (int)sizeof(out))
        hostile_die("path too long");
    wait_status(start_codegen(out, hostile_path("a/good.md")));
    t0 = now_s();
    wait_status(start_codegen(out, hostile_path("b/good.md")));
    full = now_s() - t0;
    /* kill runs (alternating inputs, so files change) until one leaves a temporary file */
    for (round = 0; round < 200; round++) {
        pid_t pid = start_codegen(out, hostile_path(round % 2 ? "b/good.md" : "a/good.md"));
        usleep((useconds_t)(rng() % (uint64_t)(full * 1e6 + 1)));
        kill(pid, SIGKILL);
        wait_status(pid);
        tree_load(&now, out);
        if (now.temps) {
            tree_free(&now);
            break;
        }
        tree_free(&now);
    }
    if (round == 200)
        hostile_skip("no run was killed between creating and renaming a temporary file");
    if (!WIFEXITED(wait_status(start_codegen(out, hostile_path("a/good.md")))))
        hostile_die("advisor-codegen did not finish");
    tree_load(&now, out);
    HOSTILE_CHECK(now.temps == 0,
                  "%zu temporary files of killed runs are still in OUT after a "
                  "complete run",
                  now.temps);
    printf("hostile/%s: %d killed runs, then %zu temporary files left after a complete run\n",
           hostile_case, round + 1, now.temps);
    tree_free(&now);
}
