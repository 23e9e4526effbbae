/*
 * suite_runner.c - runs the official JSON-Schema-Test-Suite (draft2020-12)
 * against the jsonschema library, or against the advisor-lint program.
 *
 *   jsonschema_suite [--suite DIR]             library mode
 *   jsonschema_suite [--suite DIR] --cli PROG  one PROG process per schema group
 *   jsonschema_suite [--suite DIR] [--assert-format] FILE...
 *                                              just these files (for debugging)
 *
 * DIR is the JSON-Schema-Test-Suite checkout; by default
 * $ADVISOR_SHARED_DIR/suites/JSON-Schema-Test-Suite, with the ADVISOR_SHARED_DIR
 * CMake configured as the fallback. When it is missing the
 * runner says so and exits 77 (ctest "skipped").
 *
 * Library mode runs every .json file of tests/draft2020-12 ("required") with
 * format as annotation, and the optional/format files listed below with
 * format assertion on (the twelve the project requires, then the others the
 * library implements). All files under remotes/ are registered as
 * http://localhost:1234/<path>. Each failing case is printed as
 * "file: group / test", then the totals as "N passed, N failed".
 *
 * CLI mode writes each group's schema and each test's instance to temporary
 * files and runs, once per group,
 *   PROG --schema S --schema-only --resolve http://localhost:1234/=REMOTES
 *        --format=json I0 I1 ...
 * expecting exit 0 or 1 and a report that checked every instance; an
 * instance is invalid when the report has an error finding in it. The CLI asserts formats, so
 * required format.json is left out and the optional/format files run.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "jsonschema.h"

#ifndef JSCH_SHARED_DIR
#define JSCH_SHARED_DIR "../shared" /* CMake passes the configured ADVISOR_SHARED_DIR */
#endif

extern char **environ;

/* Also asserted: the other formats the library implements (ecmascript-regex
   is left out: pcre2 10.42 cannot compile variable-width lookbehind). */
static const char *const extra_format_files[] = {
    "iri",          "iri-reference", "uri-template",          "idn-email",
    "idn-hostname", "json-pointer",  "relative-json-pointer", NULL,
};

static const char *const format_files[] = {
    "uuid", "uri",      "uri-reference", "email", "hostname", "date-time", "date",
    "time", "duration", "ipv4",          "ipv6",  "regex",    NULL,
};

/* The dialects, by the suite's directory name; the runner reads each directory
   with the registry's (or the CLI's --default-dialect) default set to its URI. */
typedef struct dialect {
    const char *dir;
    const char *uri;
} dialect;

static const dialect dialects[] = {
    { "draft4", "http://json-schema.org/draft-04/schema#" },
    { "draft6", "http://json-schema.org/draft-06/schema#" },
    { "draft7", "http://json-schema.org/draft-07/schema#" },
    { "draft2019-09", "https://json-schema.org/draft/2019-09/schema" },
    { "draft2020-12", "https://json-schema.org/draft/2020-12/schema" },
};
#define NDIALECTS (sizeof dialects / sizeof dialects[0])

/* The optional files (not format) run for every dialect that has them. Left out,
   with the reason:
   - draft7 optional/content.json: contentMediaType/contentEncoding are not
     asserted (annotations only, as 2019-09 made them in every dialect);
   - draft4 optional/zeroTerminatedFloats.json: the readers load integers beyond
     64 bits as reals (see bignum.json), so a real without fraction must count as
     an integer; draft-04's "1.0 is not an integer" would contradict it. */
static const char *const optional_files[] = {
    "anchor",
    "bignum",
    "cross-draft",
    "dependencies-compatibility",
    "dynamicRef",
    "ecmascript-regex",
    "float-overflow",
    "format-assertion",
    "id",
    "no-schema",
    "non-bmp-regex",
    "refOfUnknownKeyword",
    "unknownKeyword",
    NULL,
};

typedef struct tally {
    int passed, failed;
} tally;

typedef struct runner {
    const char *suite;
    const char *cli; /* NULL: library mode */
    char remotes[PATH_MAX];
    char tmpdir[PATH_MAX];
    jsch_registry *reg;
    const dialect *d;
} runner;

/* ---- remotes ---- */

static int register_dir(jsch_registry *reg, const char *root, const char *rel)
{
    char path[PATH_MAX];
    snprintf(path, sizeof path, "%s%s%s", root, *rel ? "/" : "", rel);
    DIR *d = opendir(path);
    if (!d)
        return -1;
    struct dirent *e;
    int rc = 0;
    while ((e = readdir(d)) != NULL) {
        if (e->d_name[0] == '.')
            continue;
        char sub[PATH_MAX], full[2 * PATH_MAX + 2];
        snprintf(sub, sizeof sub, "%s%s%s", rel, *rel ? "/" : "", e->d_name);
        snprintf(full, sizeof full, "%s/%s", root, sub);
        struct stat st;
        if (stat(full, &st) != 0)
            continue;
        if (S_ISDIR(st.st_mode)) {
            if (register_dir(reg, root, sub) != 0)
                rc = -1;
            continue;
        }
        size_t n = strlen(sub);
        if (n < 5 || strcmp(sub + n - 5, ".json") != 0)
            continue;
        json_error_t jerr;
        json_t *doc = json_load_file(full, 0, &jerr);
        if (!doc) {
            fprintf(stderr, "%s: %s\n", full, jerr.text);
            rc = -1;
            continue;
        }
        char uri[PATH_MAX + 32];
        snprintf(uri, sizeof uri, "http://localhost:1234/%s", sub);
        jsch_error err;
        if (jsch_registry_add(reg, uri, doc, &err) != 0) {
            fprintf(stderr, "%s: %s\n", uri, err.message);
            rc = -1;
        }
        json_decref(doc);
    }
    closedir(d);
    return rc;
}

/* ---- CLI mode ---- */

static int write_json(const char *path, const json_t *v)
{
    return json_dump_file(v, path, JSON_ENCODE_ANY);
}

/* The path of the Ith instance file of a group, in R's scratch directory. */
static void instance_path(const runner *r, size_t i, char *out, size_t n)
{
    snprintf(out, n, "%s/instance-%zu.json", r->tmpdir, i);
}

/*
 * Runs the CLI once on a whole group: the schema and each test's data as
 * instance-I.json, all named on one command line with --format json, so a
 * group costs one process instead of one per test (under the sanitizers a
 * process is what the suite's time is made of). INVALID[I] is set when the
 * report has an error finding in instance I. Returns the exit status (0 or
 * 1 when the report was read and counted every file), or -1, or the status
 * the CLI gave for trouble (2).
 */
static int run_cli_group(runner *r, const json_t *schema, const json_t *tests, bool assert_format,
                         bool *invalid)
{
    char spath[PATH_MAX + 16], opath[PATH_MAX + 16], resolve[PATH_MAX + 64];
    size_t n = json_array_size(tests), i;
    snprintf(spath, sizeof spath, "%s/schema.json", r->tmpdir);
    snprintf(opath, sizeof opath, "%s/report.json", r->tmpdir);
    snprintf(resolve, sizeof resolve, "http://localhost:1234/=%s", r->remotes);
    if (write_json(spath, schema) != 0)
        return -1;

    char **argv = calloc(n + 12, sizeof *argv);
    char(*ipaths)[PATH_MAX + 32] = calloc(n ? n : 1, sizeof *ipaths);
    int rc = -1;
    if (!argv || !ipaths)
        goto done;
    size_t a = 0;
    argv[a++] = (char *)r->cli;
    argv[a++] = "--schema";
    argv[a++] = spath;
    argv[a++] = "--schema-only";
    argv[a++] = "--default-dialect";
    argv[a++] = (char *)r->d->uri;
    argv[a++] = assert_format ? "--format-assertion=on" : "--format-assertion=off";
    argv[a++] = "--resolve";
    argv[a++] = resolve;
    argv[a++] = "--format=json";
    for (i = 0; i < n; i++) {
        instance_path(r, i, ipaths[i], sizeof ipaths[i]);
        if (write_json(ipaths[i], json_object_get(json_array_get(tests, i), "data")) != 0)
            goto done;
        argv[a++] = ipaths[i];
        invalid[i] = false;
    }
    argv[a] = NULL;

    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_addopen(&fa, 1, opath, O_WRONLY | O_CREAT | O_TRUNC, 0600);
    posix_spawn_file_actions_addopen(&fa, 2, "/dev/null", O_WRONLY, 0);
    pid_t pid;
    int sp = posix_spawn(&pid, r->cli, &fa, NULL, argv, environ);
    posix_spawn_file_actions_destroy(&fa);
    if (sp != 0)
        goto done;
    int status;
    while (waitpid(pid, &status, 0) < 0)
        if (errno != EINTR)
            goto done;
    rc = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    if (rc != 0 && rc != 1)
        goto done;

    json_t *report = json_load_file(opath, 0, NULL);
    json_t *checked = json_object_get(json_object_get(report, "files"), "checked");
    json_t *findings = json_object_get(report, "findings");
    if (!json_is_array(findings) || json_integer_value(checked) != (json_int_t)n) {
        rc = -1; /* the report does not account for every instance */
    } else {
        size_t fi;
        json_t *f;
        json_array_foreach(findings, fi, f) {
            const char *file = json_string_value(json_object_get(f, "file"));
            const char *sev = json_string_value(json_object_get(f, "severity"));
            if (!file || !sev || strcmp(sev, "error") != 0)
                continue;
            for (i = 0; i < n; i++)
                if (strcmp(file, ipaths[i]) == 0)
                    invalid[i] = true;
        }
    }
    json_decref(report);
done:
    free(argv);
    free(ipaths);
    return rc;
}

/* ---- running files ---- */

static void run_file(runner *r, const char *dir, const char *name, bool assert_format, tally *t)
{
    char path[2 * PATH_MAX + 2];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    json_error_t jerr;
    json_t *groups = json_load_file(path, JSON_ALLOW_NUL, &jerr);
    if (!groups && strstr(jerr.text, "too big integer"))
        /* bignum.json: jansson refuses integers beyond 64 bits, where advisor-lint's
           readers load them as reals (the CLI run goes through those) */
        groups = json_load_file(path, JSON_ALLOW_NUL | JSON_DECODE_INT_AS_REAL, &jerr);
    if (!json_is_array(groups)) {
        printf("%s: cannot load: %s\n", name, jerr.text);
        t->failed++;
        json_decref(groups);
        return;
    }
    size_t gi;
    json_t *g;
    json_array_foreach(groups, gi, g) {
        const char *gdesc = json_string_value(json_object_get(g, "description"));
        json_t *schema = json_object_get(g, "schema");
        json_t *tests = json_object_get(g, "tests");
        jsch_error err = { { 0 }, { 0 } };
        jsch_schema *s = NULL;
        bool *invalid = NULL;
        int cli_status = -1;
        if (!r->cli) {
            s = jsch_compile(r->reg, schema, NULL, assert_format ? JSCH_FORMAT_ASSERT : 0, &err);
        } else {
            invalid = calloc(json_array_size(tests) + 1, sizeof *invalid);
            if (invalid)
                cli_status = run_cli_group(r, schema, tests, assert_format, invalid);
        }
        size_t ti;
        json_t *tc;
        json_array_foreach(tests, ti, tc) {
            const char *tdesc = json_string_value(json_object_get(tc, "description"));
            bool expect = json_is_true(json_object_get(tc, "valid"));
            json_t *data = json_object_get(tc, "data");
            bool ok;
            char why[1024] = "";
            if (r->cli) {
                (void)data;
                ok = (cli_status == 0 || cli_status == 1) && invalid[ti] == !expect;
                if (!ok && cli_status != 0 && cli_status != 1)
                    snprintf(why, sizeof why, "the group's run: exit status %d", cli_status);
                else if (!ok)
                    snprintf(why, sizeof why, "reported %s", invalid[ti] ? "invalid" : "valid");
            } else if (!s) {
                ok = false;
                snprintf(why, sizeof why, "compile error at \"%s\": %s", err.location, err.message);
            } else {
                jsch_result *res = jsch_result_new();
                bool valid = jsch_validate(s, data, res);
                /* the error list and the verdict must agree */
                ok = valid == expect && (valid == (jsch_result_count(res) == 0));
                if (!ok) {
                    const jsch_issue *is = jsch_result_get(res, 0);
                    snprintf(why, sizeof why, "got %s%s%s", valid ? "valid" : "invalid",
                             is ? ": " : "", is ? is->message : "");
                }
                jsch_result_free(res);
            }
            if (ok) {
                t->passed++;
            } else {
                t->failed++;
                printf("%s: %s / %s (%s)\n", name, gdesc, tdesc, why);
            }
        }
        jsch_schema_free(s);
        free(invalid);
    }
    json_decref(groups);
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static void run_dir(runner *r, const char *dir, tally *t)
{
    DIR *d = opendir(dir);
    if (!d)
        return;
    char *names[512];
    size_t n = 0;
    struct dirent *e;
    while ((e = readdir(d)) != NULL && n < 512) {
        size_t len = strlen(e->d_name);
        if (len > 5 && strcmp(e->d_name + len - 5, ".json") == 0)
            names[n++] = strdup(e->d_name);
    }
    closedir(d);
    qsort(names, n, sizeof *names, cmp_str);
    for (size_t i = 0; i < n; i++) {
        run_file(r, dir, names[i], false, t);
        free(names[i]);
    }
}

static int new_registry(runner *r)
{
    jsch_error err;
    r->reg = jsch_registry_new();
    if (!r->reg || jsch_registry_set_default_dialect(r->reg, r->d->uri, &err) != 0 ||
        register_dir(r->reg, r->remotes, "") != 0) {
        fprintf(stderr, "cannot register the remotes in %s\n", r->remotes);
        jsch_registry_free(r->reg);
        r->reg = NULL;
        return -1;
    }
    return 0;
}

/* The files SUB/NAME.json for the names in LIST that dialect D's suite has;
   format asserted or not. */
static void run_listed(runner *r, const char *tests, const char *sub, const char *const *list,
                       bool assert_format, tally *t)
{
    char fdir[PATH_MAX + 64];
    snprintf(fdir, sizeof fdir, "%s/%s", tests, sub);
    for (const char *const *f = list; *f; f++) {
        char name[64], path[PATH_MAX + 160];
        snprintf(name, sizeof name, "%s.json", *f);
        snprintf(path, sizeof path, "%s/%s", fdir, name);
        struct stat st;
        if (stat(path, &st) == 0)
            run_file(r, fdir, name, assert_format, t);
    }
}

/* Runs dialect D's required tests and optional/format files; returns the failures. */
static int run_dialect(runner *r, const dialect *d)
{
    char tests[PATH_MAX + 32];
    snprintf(tests, sizeof tests, "%s/tests/%s", r->suite, d->dir);
    r->d = d;
    if (!r->cli && new_registry(r) != 0)
        return 1;
    tally req = { 0, 0 }, opt = { 0, 0 }, fmt = { 0, 0 }, extra = { 0, 0 };
    run_dir(r, tests, &req);
    run_listed(r, tests, "optional", optional_files, false, &opt);
    run_listed(r, tests, "optional/format", format_files, true, &fmt);
    run_listed(r, tests, "optional/format", extra_format_files, true, &extra);
    printf("%s required (format as annotation): %d passed, %d failed\n", d->dir, req.passed,
           req.failed);
    printf("%s optional (not format): %d passed, %d failed\n", d->dir, opt.passed, opt.failed);
    printf("%s optional/format (asserted): %d passed, %d failed\n", d->dir, fmt.passed, fmt.failed);
    printf("%s optional/format, other formats: %d passed, %d failed\n", d->dir, extra.passed,
           extra.failed);
    jsch_registry_free(r->reg);
    r->reg = NULL;
    return req.failed + opt.failed + fmt.failed + extra.failed;
}

int main(int argc, char **argv)
{
    runner r = { 0 };
    const char *files[64];
    size_t nfiles = 0;
    bool assert_format = false;
    const char *only = NULL;
    char suite[PATH_MAX];
    const char *shared = getenv("ADVISOR_SHARED_DIR");
    snprintf(suite, sizeof suite, "%s/suites/JSON-Schema-Test-Suite",
             shared && *shared ? shared : JSCH_SHARED_DIR);
    r.suite = suite;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--suite") == 0 && i + 1 < argc) {
            r.suite = argv[++i];
        } else if (strcmp(argv[i], "--cli") == 0 && i + 1 < argc) {
            r.cli = argv[++i];
        } else if (strcmp(argv[i], "--dialect") == 0 && i + 1 < argc) {
            only = argv[++i];
        } else if (strcmp(argv[i], "--assert-format") == 0) {
            assert_format = true;
        } else if (argv[i][0] != '-' && nfiles < 64) {
            files[nfiles++] = argv[i];
        } else {
            fprintf(stderr,
                    "usage: %s [--suite DIR] [--cli PROGRAM] [--dialect DIR] [--assert-format] "
                    "[FILE...]\n",
                    argv[0]);
            return 2;
        }
    }
    const dialect *chosen = NULL;
    for (size_t i = 0; i < NDIALECTS; i++)
        if (only && strcmp(only, dialects[i].dir) == 0)
            chosen = &dialects[i];
    if (only && !chosen) {
        fprintf(stderr,
                "unknown dialect '%s' (draft4, draft6, draft7, draft2019-09, "
                "draft2020-12)\n",
                only);
        return 2;
    }
    char tests[PATH_MAX + 32];
    snprintf(tests, sizeof tests, "%s/tests/draft2020-12", r.suite);
    struct stat st;
    if (stat(tests, &st) != 0 || !S_ISDIR(st.st_mode)) {
        printf("skipped: JSON-Schema-Test-Suite not found at %s\n", r.suite);
        return 77;
    }
    snprintf(r.remotes, sizeof r.remotes, "%s/remotes", r.suite);
    if (r.cli) {
        snprintf(r.tmpdir, sizeof r.tmpdir, "%s/jsch-suite-XXXXXX",
                 getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp");
        if (!mkdtemp(r.tmpdir)) {
            perror("mkdtemp");
            return 2;
        }
    }
    int failed = 0;
    if (nfiles) {
        tally req = { 0, 0 };
        r.d = chosen ? chosen : &dialects[NDIALECTS - 1];
        if (!r.cli && new_registry(&r) != 0)
            return 2;
        for (size_t i = 0; i < nfiles; i++)
            run_file(&r, ".", files[i], assert_format, &req);
        printf("%d passed, %d failed\n", req.passed, req.failed);
        jsch_registry_free(r.reg);
        failed = req.failed;
    } else {
        for (size_t i = 0; i < NDIALECTS; i++)
            if (!chosen || chosen == &dialects[i])
                failed += run_dialect(&r, &dialects[i]);
        printf("%d failed\n", failed);
    }
    if (r.cli) {
        char p[PATH_MAX + 32];
        snprintf(p, sizeof p, "%s/schema.json", r.tmpdir);
        unlink(p);
        snprintf(p, sizeof p, "%s/instance.json", r.tmpdir);
        unlink(p);
        rmdir(r.tmpdir);
    }
    return failed ? 1 : 0;
}
