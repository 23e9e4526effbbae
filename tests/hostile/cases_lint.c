/*
 * cases_lint.c - the hostile-input matrix for advisor-lint, one function per ctest case.
 *
 * Every case puts a known-good metadata file (good.md, a copy of
 * fixtures/valid/seed-expressroute-mooncake.md) next to its hostile input and
 * runs `advisor-lint --no-config --format json` on both, then asserts:
 *   - the outcome: the exit status and the finding (rule, message naming the
 *     problem, file naming the input);
 *   - that the other file was still checked, without findings;
 *   - no crash (a signal fails the run) and the case's bound, measured by the
 *     harness: the reader's own limits where there is one (the nesting-depth
 *     message, the pcre2 match-limit message), peak RSS from wait4, and the
 *     child's RLIMIT_CPU (the kernel stops a runaway with SIGXCPU).
 * Large inputs (100 MB, 1,000,000 keys, 100,000-deep nesting) are generated
 * into the scratch directory at run time.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <sys/stat.h>
#include <unistd.h>

#include "harness.h"

#define GOOD_FIXTURE "fixtures/valid/seed-expressroute-mooncake.md"

/* ---- helpers ---- */

/* A growable byte string for generated inputs. */
typedef struct gen {
    char *data;
    size_t len, cap;
} gen;

static void gen_add(gen *g, const void *p, size_t n)
{
    if (g->len + n + 1 > g->cap) {
        size_t ncap = g->cap ? g->cap : 4096;
        char *nb;
        while (ncap < g->len + n + 1)
            ncap *= 2;
        nb = realloc(g->data, ncap);
        if (!nb)
            hostile_die("out of memory generating input");
        g->data = nb;
        g->cap = ncap;
    }
    memcpy(g->data + g->len, p, n);
    g->len += n;
    g->data[g->len] = '\0';
}

static void gen_str(gen *g, const char *s)
{
    gen_add(g, s, strlen(s));
}

static void gen_fill(gen *g, char c, size_t n)
{
    char block[4096];
    memset(block, c, sizeof(block));
    while (n > 0) {
        size_t k = n < sizeof(block) ? n : sizeof(block);
        gen_add(g, block, k);
        n -= k;
    }
}

static void gen_write(gen *g, const char *name)
{
    hostile_write(name, g->data ? g->data : "", g->len);
    free(g->data);
    memset(g, 0, sizeof(*g));
}

/* The good file's text with its identifiers changed, so a variant is not a duplicate of it. */
static char *good_variant(size_t *len)
{
    char path[4096];
    char *t, *p;
    snprintf(path, sizeof(path), "%s/%s", hostile_source, GOOD_FIXTURE);
    t = hostile_read(path, len);
    if (!t)
        hostile_die("cannot read '%s'", path);
    if ((p = strstr(t, "4a031d69")) != NULL)
        p[7] = 'a';
    if ((p = strstr(t, "70f87e66")) != NULL)
        p[7] = '7';
    if ((p = strstr(t, "ExpressRouteGatewayRedundancy")) != NULL)
        p[0] = 'F';
    return t;
}

/* Offset of the body's opening brace in a Markdown text. */
static size_t body_offset(const char *t)
{
    const char *p = strstr(t, "\n---");
    p = p ? strchr(p + 1, '{') : NULL;
    if (!p)
        hostile_die("the good fixture has no body");
    return (size_t)(p - t);
}

/* Runs advisor-lint --no-config --format json ARGS... in the scratch directory. */
static void lint(hostile_run *run, const hostile_limits *lim, const char *a1, const char *a2,
                 const char *a3, const char *a4, const char *a5, const char *a6)
{
    const char *args[] = {
        hostile_lint, "--no-config", "--format", "json", a1, a2, a3, a4, a5, a6
    };
    hostile_exec_some(args, sizeof(args) / sizeof(args[0]), lim, run);
}

/* The checks every case makes: exit STATUS, a JSON report, good.md checked and clean. */
static void expect_common(const hostile_run *run, int status, long checked)
{
    HOSTILE_CHECK(run->exited && run->status == status, "expected exit status %d, got %d", status,
                  run->exited ? run->status : -1);
    HOSTILE_CHECK(run->report != NULL, "the report is not one JSON document");
    if (checked >= 0)
        HOSTILE_CHECK(hostile_files(run, "checked") == checked,
                      "expected %ld files checked, the report says %ld", checked,
                      hostile_files(run, "checked"));
    HOSTILE_CHECK(hostile_count(run, "good.md", NULL, NULL) == 0,
                  "the good file next to the hostile one has findings");
}

static void expect_finding(const hostile_run *run, const char *file, const char *rule,
                           const char *text)
{
    HOSTILE_CHECK(hostile_finding(run, file, rule, text) != NULL,
                  "no %s finding on '%s' saying \"%s\"", rule, file, text);
}

/* Peak RSS bound in MB (scaled under the sanitizers). */
static void expect_rss_below(const hostile_run *run, long mb)
{
    long limit_kb = mb * 1024 * HOSTILE_MEM_SCALE;
    HOSTILE_CHECK(run->maxrss_kb > 0 && run->maxrss_kb < limit_kb, "peak RSS %ld KB, bound %ld KB",
                  run->maxrss_kb, limit_kb);
}

static void finish(hostile_run *run)
{
    if (hostile_failed)
        hostile_dump(run);
    printf("hostile/%s: exit %d, peak RSS %ld KB, CPU %.2f s\n", hostile_case,
           run->exited ? run->status : -1, run->maxrss_kb, run->cpu_s);
    hostile_run_release(run);
}

/* ---- the cases ---- */

/* Writes the permissive schema several cases check against, then runs FN. */
#define WITH_ANY_SCHEMA(fn)                                                                        \
    static void fn##_any(void)                                                                     \
    {                                                                                              \
        hostile_write("any.schema.json", "{}\n", 3);                                               \
        fn();                                                                                      \
    }

/* An empty .json is a syntax error naming the file; an empty .md is not metadata (skipped). */
static void case_empty_file(void)
{
    hostile_run run;
    hostile_copy(GOOD_FIXTURE, "good.md");
    hostile_write("empty.json", "", 0);
    hostile_write("empty.md", "", 0);
    lint(&run, NULL, "empty.json", "empty.md", "good.md", NULL, NULL, NULL);
    expect_common(&run, 1, 2);
    expect_finding(&run, "empty.json", "json-syntax", "the JSON body is empty");
    HOSTILE_CHECK(hostile_files(&run, "skipped") == 1, "empty.md is not counted as skipped");
    expect_rss_below(&run, 64);
    finish(&run);
}

/* Only the <properties .../> header: the title and the fence are missing. */
static void case_only_header(void)
{
    static const char text[] =
        "<properties\n  selfHelpType = \"advisorRecommendationMetadata\"\n"
        "  articleId = \"4a031d69-19fd-495f-9d25-93afbf7f1e8a_Mooncake\"\n/>\n";
    hostile_run run;
    hostile_copy(GOOD_FIXTURE, "good.md");
    hostile_write("header.md", text, sizeof(text) - 1);
    lint(&run, NULL, "header.md", "good.md", NULL, NULL, NULL, NULL);
    expect_common(&run, 1, 2);
    expect_finding(&run, "header.md", "title-missing", "missing the '# Title' line");
    expect_finding(&run, "header.md", "fence-missing", "missing the '---' fence line");
    expect_rss_below(&run, 64);
    finish(&run);
}

/* 1 MB of pseudo-random bytes, as .md and as .json: an encoding finding each. */
static void case_binary_data(void)
{
    hostile_run run;
    gen g = { 0 };
    uint32_t x = 2463534242u;
    size_t i;
    hostile_copy(GOOD_FIXTURE, "good.md");
    gen_str(&g, "<properties "); /* so it is not skipped as "not metadata" before reading */
    for (i = 0; i < (1u << 20); i++) {
        unsigned char c;
        x ^= x << 13;
        x ^= x >> 17;
        x ^= x << 5;
        c = (unsigned char)(x >> 24) | 0x80; /* no ASCII: the first byte is invalid */
        gen_add(&g, &c, 1);
    }
    hostile_write("binary.json", g.data + 12, g.len - 12);
    gen_write(&g, "binary.md");
    lint(&run, NULL, "binary.md", "binary.json", "good.md", NULL, NULL, NULL);
    expect_common(&run, 1, 3);
    expect_finding(&run, "binary.md", "encoding", "invalid UTF-8 byte 0x");
    expect_finding(&run, "binary.json", "encoding", "the file must be UTF-8");
    expect_rss_below(&run, 96);
    finish(&run);
}

/* NUL bytes: one between two members (a syntax error), one inside a string (reported, kept). */
static void case_nul_bytes(void)
{
    hostile_run run;
    size_t len, at;
    char *t = good_variant(&len);
    gen g = { 0 };

    hostile_copy(GOOD_FIXTURE, "good.md");
    at = body_offset(t) + 1;
    gen_add(&g, t, at);
    gen_add(&g, "\0", 1);
    gen_add(&g, t + at, len - at);
    gen_write(&g, "nul-between.md");
    {
        const char *q = strstr(t, "\"ExRPM@");
        at = (size_t)(q - t) + 3;
        gen_add(&g, t, at);
        gen_add(&g, "\0", 1);
        gen_add(&g, t + at, len - at);
        gen_write(&g, "nul-in-string.md");
    }
    free(t);
    lint(&run, NULL, "nul-between.md", "nul-in-string.md", "good.md", NULL, NULL, NULL);
    expect_common(&run, 1, 3);
    expect_finding(&run, "nul-between.md", "json-syntax", "unexpected NUL byte");
    expect_finding(&run, "nul-in-string.md", "json-control-character", "raw NUL character");
    expect_rss_below(&run, 64);
    finish(&run);
}

/* A byte that is not UTF-8 (0xFF) in the title. */
static void case_invalid_utf8(void)
{
    hostile_run run;
    size_t len;
    char *t = good_variant(&len);
    char *title = strstr(t, "\n# ");
    title[4] = (char)0xFF;
    hostile_copy(GOOD_FIXTURE, "good.md");
    hostile_write("bad-utf8.md", t, len);
    free(t);
    lint(&run, NULL, "bad-utf8.md", "good.md", NULL, NULL, NULL, NULL);
    expect_common(&run, 1, 2);
    expect_finding(&run, "bad-utf8.md", "encoding", "invalid UTF-8 byte 0xFF");
    finish(&run);
}

/* Overlong UTF-8: "/" as C0 AF and as E0 80 AF, which must not read as '/'. */
static void case_overlong_utf8(void)
{
    hostile_run run;
    size_t len;
    char *t = good_variant(&len);
    gen g = { 0 };
    size_t at = (size_t)(strstr(t, "ExRPM@") - t);
    hostile_copy(GOOD_FIXTURE, "good.md");
    gen_add(&g, t, at);
    gen_add(&g, "\xC0\xAF", 2);
    gen_add(&g, t + at, len - at);
    gen_write(&g, "overlong2.md");
    gen_add(&g, t, at);
    gen_add(&g, "\xE0\x80\xAF", 3);
    gen_add(&g, t + at, len - at);
    gen_write(&g, "overlong3.json");
    free(t);
    lint(&run, NULL, "overlong2.md", "overlong3.json", "good.md", NULL, NULL, NULL);
    expect_common(&run, 1, 3);
    expect_finding(&run, "overlong2.md", "encoding", "invalid UTF-8 byte 0xC0");
    expect_finding(&run, "overlong3.json", "encoding", "invalid UTF-8 byte 0xE0");
    finish(&run);
}

/* The good file as UTF-16LE with a BOM, and as UTF-16BE. */
static void case_utf16_bom(void)
{
    hostile_run run;
    size_t len, i;
    char *t = good_variant(&len);
    gen le = { 0 }, be = { 0 };
    gen_add(&le, "\xFF\xFE", 2);
    gen_add(&be, "\xFE\xFF", 2);
    for (i = 0; i < len; i++) {
        char z = 0;
        gen_add(&le, t + i, 1);
        gen_add(&le, &z, 1);
        gen_add(&be, &z, 1);
        gen_add(&be, t + i, 1);
    }
    free(t);
    hostile_copy(GOOD_FIXTURE, "good.md");
    gen_write(&le, "utf16le.md");
    gen_write(&be, "utf16be.json");
    lint(&run, NULL, "utf16le.md", "utf16be.json", "good.md", NULL, NULL, NULL);
    expect_common(&run, 1, 3);
    expect_finding(&run, "utf16le.md", "encoding", "UTF-16");
    expect_finding(&run, "utf16be.json", "encoding", "UTF-16");
    finish(&run);
}

/*
 * A 100 MB metadata file: the good body with a 100 MB string member first,
 * then that member's key again. Read whole and checked: the duplicate key is
 * found after the 100 MB, placed at its column (past 104,857,600) and naming
 * the first one; memory stays a small multiple of the file.
 */
static void case_file_100mb(void)
{
    hostile_run run;
    size_t len, at, dup;
    char *t = good_variant(&len);
    char expect[64];
    json_t *f;
    gen g = { 0 };
    at = body_offset(t) + 1;
    gen_add(&g, t, at);
    gen_str(&g, "\n    \"padding\": \"");
    gen_fill(&g, 'a', (size_t)100 << 20);
    gen_str(&g, "\", ");
    dup = g.len - (at + 1); /* offset of the second key in its line */
    gen_str(&g, "\"padding\": 1,");
    gen_add(&g, t + at, len - at);
    free(t);
    hostile_copy(GOOD_FIXTURE, "good.md");
    gen_write(&g, "huge.md");
    lint(&run, NULL, "huge.md", "good.md", NULL, NULL, NULL, NULL);
    expect_common(&run, 1, 2);
    f = hostile_finding(&run, "huge.md", "duplicate-key",
                        "duplicate key \"padding\" (first at line");
    snprintf(expect, sizeof(expect), "%zu", dup + 1);
    HOSTILE_CHECK(f && json_integer_value(json_object_get(f, "column")) == (json_int_t)dup + 1,
                  "no duplicate-key finding at column %s", expect);
    /* file, decoded string, jansson's copy: a few times the file, never more */
    expect_rss_below(&run, 700);
    finish(&run);
}

/*
 * A 1 MB single line with a finding on every value: 50,000 strings holding a
 * raw tab in one .json line, and 50,000 repeats of one key in one YAML flow
 * mapping line. Every finding is placed exactly (the last one's column is
 * asserted). The bound is the child's CPU limit: positions used to be found
 * by walking from the line's start each time, which made this case take
 * minutes (quadratic) and now takes well under a second.
 */
static void case_long_line_1mb(void)
{
    enum { N = 50000 };
    hostile_run run;
    hostile_limits lim = { 0 };
    gen g = { 0 };
    size_t i, last_tab = 0, last_key = 0;
    json_t *f, *last = NULL;

    hostile_copy(GOOD_FIXTURE, "good.md");
    gen_str(&g, "{\"$schema\": \"AdvisorRecommendation\", \"tabs\": [");
    for (i = 0; i < N; i++) {
        if (i)
            gen_str(&g, ",");
        last_tab = g.len + 1;
        gen_str(&g, "\"\txxxxxxxxxxxxxxxx\"");
    }
    gen_str(&g, "]}");
    HOSTILE_CHECK(g.len >= 1000000, "the JSON line is only %zu bytes", g.len);
    gen_write(&g, "line.json");
    gen_str(&g, "{");
    for (i = 0; i < N; i++) {
        if (i)
            gen_str(&g, ", ");
        last_key = g.len;
        gen_str(&g, "kkkkkkkkkkkkkkkkkk: 1");
    }
    gen_str(&g, "}\n");
    HOSTILE_CHECK(g.len >= 1000000, "the YAML line is only %zu bytes", g.len);
    gen_write(&g, "line.yaml");
    lim.cpu_s = 10;
    lint(&run, &lim, "--schema-only", "--schema", "any.schema.json", "line.json", "line.yaml",
         "good.md");
    expect_common(&run, 1, 3);
    HOSTILE_CHECK(hostile_count(&run, "line.json", "json-control-character", "raw tab") == N,
                  "expected %d raw-tab findings, got %zu", N,
                  hostile_count(&run, "line.json", "json-control-character", "raw tab"));
    HOSTILE_CHECK(hostile_count(&run, "line.yaml", "duplicate-key",
                                "(first at line 1, column 2)") == N - 1,
                  "expected %d duplicate-key findings naming column 2, got %zu", N - 1,
                  hostile_count(&run, "line.yaml", "duplicate-key", NULL));
    json_array_foreach(json_object_get(run.report, "findings"), i, f)
        if (!strcmp(json_string_value(json_object_get(f, "file")), "line.json"))
            last = f;
    HOSTILE_CHECK(last && json_integer_value(json_object_get(last, "line")) == 1 &&
                      json_integer_value(json_object_get(last, "column")) ==
                          (json_int_t)last_tab + 1,
                  "the last tab is not placed at line 1, column %zu", last_tab + 1);
    last = NULL;
    json_array_foreach(json_object_get(run.report, "findings"), i, f)
        if (!strcmp(json_string_value(json_object_get(f, "file")), "line.yaml"))
            last = f;
    HOSTILE_CHECK(last && json_integer_value(json_object_get(last, "column")) ==
                              (json_int_t)last_key + 1,
                  "the last duplicate key is not placed at line 1, column %zu", last_key + 1);
    expect_rss_below(&run, 256);
    finish(&run);
}

/* 100,000 nested arrays in JSON and in YAML: the reader's depth limit, at its exact place. */
static void case_nesting_100000(void)
{
    hostile_run run;
    gen g = { 0 };
    json_t *f;
    hostile_copy(GOOD_FIXTURE, "good.md");
    gen_fill(&g, '[', 100000);
    gen_fill(&g, ']', 100000);
    hostile_write("deep.yaml", g.data, g.len);
    gen_write(&g, "deep.json");
    lint(&run, NULL, "--schema-only", "--schema", "any.schema.json", "deep.json", "deep.yaml",
         "good.md");
    expect_common(&run, 1, 3);
    f = hostile_finding(&run, "deep.json", "json-syntax", "nesting deeper than 512 levels");
    HOSTILE_CHECK(f && json_integer_value(json_object_get(f, "column")) == 513,
                  "no depth-limit finding at column 513 of deep.json");
    expect_finding(&run, "deep.yaml", "json-syntax", "nesting deeper than 512 levels");
    expect_rss_below(&run, 128);
    finish(&run);
}

/* 1,000,000 keys in one object, the last one repeating the first: read whole, one finding. */
static void case_keys_1000000(void)
{
    enum { N = 1000000 };
    hostile_run run;
    hostile_limits lim = { 0 };
    gen g = { 0 };
    char key[48];
    size_t i;
    json_t *f;

    hostile_copy(GOOD_FIXTURE, "good.md");
    gen_str(&g, "{\n");
    for (i = 0; i < N; i++) {
        int n = snprintf(key, sizeof(key), "\"k%zu\": %zu,\n", i, i);
        gen_add(&g, key, (size_t)n);
    }
    gen_str(&g, "\"k0\": 0\n}\n");
    gen_write(&g, "keys.json");
    lim.cpu_s = 60;
    lint(&run, &lim, "--schema-only", "--schema", "any.schema.json", "keys.json", "good.md", NULL);
    expect_common(&run, 1, 2);
    f = hostile_finding(&run, "keys.json", "duplicate-key",
                        "duplicate key \"k0\" (first at line 2, column 1)");
    HOSTILE_CHECK(f && json_integer_value(json_object_get(f, "line")) == N + 2,
                  "no duplicate-key finding at line %d naming line 2", N + 2);
    HOSTILE_CHECK(hostile_count(&run, "keys.json", NULL, NULL) == 1,
                  "expected exactly one finding");
    expect_rss_below(&run, 1024);
    finish(&run);
}

/*
 * 100,000 keys, then each of them again: 100,000 duplicate-key findings, each
 * naming its first occurrence. Placing a duplicate by rescanning its object
 * each time made this quadratic (minutes, 12 GB); the CPU limit and peak RSS
 * are the bounds, and the last finding's "first at" line is asserted.
 */
static void case_duplicate_keys_100000(void)
{
    enum { N = 100000 };
    hostile_run run;
    hostile_limits lim = { 0 };
    gen g = { 0 };
    char line[64], want[96];
    size_t i;
    int pass;

    hostile_copy(GOOD_FIXTURE, "good.md");
    gen_str(&g, "{\n");
    for (pass = 0; pass < 2; pass++)
        for (i = 0; i < N; i++) {
            int n = snprintf(line, sizeof(line), "\"k%zu\": %zu%s\n", i, i,
                             pass == 1 && i == N - 1 ? "" : ",");
            gen_add(&g, line, (size_t)n);
        }
    gen_str(&g, "}\n");
    gen_write(&g, "dups.json");
    lim.cpu_s = 20;
    lint(&run, &lim, "--schema-only", "--schema", "any.schema.json", "dups.json", "good.md", NULL);
    expect_common(&run, 1, 2);
    HOSTILE_CHECK(hostile_count(&run, "dups.json", "duplicate-key", NULL) == N,
                  "expected %d duplicate-key findings, got %zu", N,
                  hostile_count(&run, "dups.json", "duplicate-key", NULL));
    snprintf(want, sizeof(want), "duplicate key \"k%d\" (first at line %d, column 1)", N - 1,
             N + 1);
    expect_finding(&run, "dups.json", "duplicate-key", want);
    expect_rss_below(&run, 512);
    finish(&run);
}
WITH_ANY_SCHEMA(case_duplicate_keys_100000)

/*
 * A user schema whose pattern backtracks catastrophically: pcre2's match limit
 * stops it, and the finding says so (that message is the bound). 70 files,
 * so that runs of 64 files or more, which JIT-compile the schema's patterns,
 * are bounded too.
 */
static void case_regex_backtracking(void)
{
    enum { FILES = 70 };
    static const char schema[] =
        "{\"type\": \"object\", \"properties\": {\"s\": {\"pattern\": \"^(a+)+$\"}}}";
    hostile_run run;
    hostile_limits lim = { 0 };
    gen g = { 0 };
    char name[64];
    int i;
    hostile_copy(GOOD_FIXTURE, "data/good.md");
    hostile_write("evil.schema.json", schema, sizeof(schema) - 1);
    for (i = 0; i < FILES; i++) {
        gen_str(&g, "{\"s\": \"");
        gen_fill(&g, 'a', 4096);
        gen_str(&g, "!\"}\n");
        snprintf(name, sizeof(name), "data/d%02d.json", i);
        gen_write(&g, name);
    }
    lim.cpu_s = 30;
    lint(&run, &lim, "--schema-only", "--schema", "evil.schema.json", "data", NULL, NULL);
    HOSTILE_CHECK(run.exited && run.status == 1, "expected exit status 1");
    HOSTILE_CHECK(hostile_files(&run, "checked") == FILES + 1, "not every file was checked");
    HOSTILE_CHECK(hostile_count(&run, ".json", "schema", "match limit") == FILES,
                  "expected %d match-limit findings, got %zu", FILES,
                  hostile_count(&run, ".json", "schema", "match limit"));
    expect_finding(&run, "data/d00.json", "schema", "pattern match limit exceeded for \"^(a+)+$\"");
    finish(&run);
}

/*
 * Schemas whose $refs loop: "#" referring to itself, and two $defs referring to
 * each other, compile (a loop is a cycle in the compiled graph) and validation
 * stops at the engine's evaluation depth limit, whose finding is the asserted
 * bound. A schema that recurses through the instance ("grow") is no loop: a
 * 400-deep instance validates in full. (Both files are checked against the
 * schema in one run, so each is the other's "other file still checked".)
 */
static void case_ref_loop(void)
{
    static const char self[] = "{\"$ref\": \"#\"}";
    static const char pair[] =
        "{\"$defs\": {\"a\": {\"$ref\": \"#/$defs/b\"}, \"b\": {\"$ref\": \"#/$defs/a\"}},"
        " \"$ref\": \"#/$defs/a\"}";
    static const char grow[] =
        "{\"properties\": {\"x\": {\"$ref\": \"#\"}}, \"items\": {\"$ref\": \"#\"}}";
    const char *names[] = { "self.schema.json", "pair.schema.json", "grow.schema.json" };
    const char *texts[] = { self, pair, grow };
    hostile_run run;
    gen g = { 0 };
    int i;

    hostile_write("data.json", "{\"x\": {\"x\": [1]}}\n", 18);
    gen_fill(&g, '[', 400);
    gen_fill(&g, ']', 400);
    gen_write(&g, "deep.json");
    for (i = 0; i < 3; i++) {
        hostile_write(names[i], texts[i], strlen(texts[i]));
        lint(&run, NULL, "--schema-only", "--schema", names[i], "data.json", "deep.json", NULL);
        if (i < 2) {
            expect_common(&run, 1, 2);
            expect_finding(&run, "data.json", "schema", "evaluation exceeds the maximum depth");
            expect_finding(&run, "deep.json", "schema", "evaluation exceeds the maximum depth");
        } else {
            expect_common(&run, 0, 2);
            HOSTILE_CHECK(hostile_count(&run, NULL, NULL, NULL) == 0,
                          "a recursive schema that ends flags valid data");
        }
        if (hostile_failed)
            hostile_dump(&run);
        printf("hostile/%s: %s: exit %d, peak RSS %ld KB, CPU %.2f s\n", hostile_case, names[i],
               run.exited ? run.status : -1, run.maxrss_kb, run.cpu_s);
        hostile_run_release(&run);
    }
}

/*
 * A YAML alias bomb: nine levels of nine aliases to the level below, 9^9
 * strings when expanded. Shared, it is small, but the schema check walks it
 * expanded: with a schema that visits every value this made 8.9 million
 * findings in 100 s and 5.7 GB. The reader's expansion limit is the bound.
 */
static void case_yaml_alias_bomb(void)
{
    static const char schema[] =
        "{\"$defs\": {\"all\": {\"items\": {\"$ref\": \"#/$defs/all\"},"
        " \"additionalProperties\": {\"$ref\": \"#/$defs/all\"},"
        " \"type\": [\"array\", \"object\", \"integer\"]}}, \"$ref\": \"#/$defs/all\"}";
    hostile_run run;
    gen g = { 0 };
    char line[128];
    int level, i;

    hostile_write("walk.schema.json", schema, sizeof(schema) - 1);
    hostile_write("small.yaml", "a: &x [1, 2]\nb: [*x, *x]\n", 25);
    gen_str(
        &g,
        "l0: &l0 [\"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\"]\n");
    for (level = 1; level < 9; level++) {
        int n = snprintf(line, sizeof(line), "l%d: &l%d [", level, level);
        gen_add(&g, line, (size_t)n);
        for (i = 0; i < 9; i++) {
            n = snprintf(line, sizeof(line), "%s*l%d", i ? ", " : "", level - 1);
            gen_add(&g, line, (size_t)n);
        }
        gen_str(&g, "]\n");
    }
    gen_write(&g, "bomb.yaml");
    lint(&run, NULL, "--schema-only", "--schema", "walk.schema.json", "bomb.yaml", "small.yaml",
         NULL);
    expect_common(&run, 1, 2);
    expect_finding(&run, "bomb.yaml", "json-syntax", "aliases expand to more than 100000 values");
    HOSTILE_CHECK(hostile_count(&run, NULL, NULL, NULL) == 1, "expected exactly one finding");
    expect_rss_below(&run, 64);
    finish(&run);
}

/*
 * A repository config (.advisor-lint.yaml, so part of a pull request) whose
 * ignore globs backtrack: "*a*a...*b" against a long name of a's, and
 * "**" repeated against a 40-deep path. Each must be decided in bounded time
 * (the CPU limit is the bound) with the files still checked. (match() in
 * validator/config/config.c used to backtrack exponentially: both hung.)
 */
static void case_config_glob_backtracking(void)
{
    static const char config[] =
        "ignore: [\"*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*b\", \"**/**/**/**/**/**/**/**/**/**/**/**/x\"]\n";
    hostile_run run;
    hostile_limits lim = { 0 };
    char name[256];
    char *argv[3];
    int i, n = 0;

    hostile_write(".advisor-lint.yaml", config, sizeof(config) - 1);
    memset(name, 'a', 80);
    memcpy(name + 80, ".md", 4);
    hostile_copy(GOOD_FIXTURE, name);
    for (i = 0; i < 40; i++)
        n += snprintf(name + n, sizeof(name) - (size_t)n, "d/");
    snprintf(name + n, sizeof(name) - (size_t)n, "good.md");
    hostile_copy(GOOD_FIXTURE, name);
    argv[0] = (char *)hostile_lint;
    argv[1] = ".";
    argv[2] = NULL;
    lim.cpu_s = 10;
    lim.watchdog_s = 30;
    hostile_exec(argv, &lim, &run);
    HOSTILE_CHECK(run.exited && run.status == 1,
                  "expected exit status 1 (the two copies share ids)");
    HOSTILE_CHECK(strstr(run.out, "in 2 of 2 files") != NULL, "both files were not checked");
    finish(&run);
}

/*
 * Device files that never end: /dev/zero named as the schema on the command
 * line and /dev/urandom as the schema in a repository config. Read like files
 * they would take memory until none is left; refused at once, exit 2, the
 * file named. Peak RSS is the bound.
 */
static void case_device_file(void)
{
    hostile_run run;
    char *argv[4];
    hostile_copy(GOOD_FIXTURE, "good.md");
    lint(&run, NULL, "--schema", "/dev/zero", "good.md", NULL, NULL, NULL);
    HOSTILE_CHECK(run.exited && run.status == 2, "--schema /dev/zero: expected exit status 2");
    HOSTILE_CHECK(strstr(run.err, "'/dev/zero'") != NULL, "the message does not name /dev/zero");
    expect_rss_below(&run, 64);
    finish(&run);

    hostile_write("repo/.advisor-lint.yaml", "schema: /dev/urandom\n", 21);
    hostile_copy(GOOD_FIXTURE, "repo/good.md");
    argv[0] = (char *)hostile_lint;
    argv[1] = "good.md";
    argv[2] = NULL;
    {
        hostile_limits lim = { 0 };
        lim.cwd = hostile_path("repo");
        hostile_exec(argv, &lim, &run);
    }
    HOSTILE_CHECK(run.exited && run.status == 2, "schema: /dev/urandom: expected exit status 2");
    HOSTILE_CHECK(strstr(run.err, "/dev/urandom") != NULL,
                  "the message does not name /dev/urandom");
    expect_rss_below(&run, 64);
    finish(&run);

    lint(&run, NULL, "/dev/zero", "good.md", NULL, NULL, NULL, NULL);
    expect_common(&run, 2, 1);
    expect_finding(&run, "/dev/zero", "read-error", "not a regular file");
    expect_rss_below(&run, 64);
    finish(&run);
}

/* A directory symbolic-link loop (and a self link): walked once, every file checked once. */
static void case_symlink_loop(void)
{
    hostile_run run;
    hostile_copy(GOOD_FIXTURE, "tree/a/good.md");
    if (symlink("..", hostile_path("tree/a/up")) != 0 ||
        symlink(".", hostile_path("tree/a/self")) != 0 ||
        symlink("../a", hostile_path("tree/a/b")) != 0)
        hostile_die("symlink: %s", strerror(errno));
    lint(&run, NULL, "tree", NULL, NULL, NULL, NULL, NULL);
    expect_common(&run, 0, 1);
    HOSTILE_CHECK(hostile_count(&run, NULL, NULL, NULL) == 0, "findings in a clean tree");
    finish(&run);
}

/* Whether UID can reach PATH (every directory on the way searchable, the file readable). */
static int reachable_by(uid_t uid, const char *path)
{
    pid_t pid = fork();
    int status = 0;
    if (pid < 0)
        return 0;
    if (pid == 0) {
        if (setgid((gid_t)uid) != 0 || setuid(uid) != 0)
            _exit(2);
        _exit(access(path, R_OK) == 0 ? 0 : 1);
    }
    if (waitpid(pid, &status, 0) != pid)
        return 0;
    return WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

/*
 * An unreadable file: a dangling symbolic link in a walked directory, and a
 * mode-000 file. Root reads mode 000, so as root the child runs as nobody
 * (uid 65534); elsewhere as the user it is.
 */
static void case_unreadable_file(void)
{
    hostile_run run;
    hostile_limits lim = { 0 };
    hostile_copy(GOOD_FIXTURE, "tree/good.md");
    if (symlink("no-such-file.md", hostile_path("tree/dangling.md")) != 0)
        hostile_die("symlink: %s", strerror(errno));
    hostile_copy(GOOD_FIXTURE, "tree/secret.md");
    if (chmod(hostile_path("tree/secret.md"), 0) != 0)
        hostile_die("chmod: %s", strerror(errno));
    if (geteuid() == 0) {
        /*
         * The child must be able to reach the binary and the scratch tree as
         * nobody: not so when the project lives below a private directory
         * such as /root. Then root's reading of mode 000 cannot be avoided.
         */
        if (!reachable_by(65534, hostile_lint) ||
            !reachable_by(65534, hostile_path("tree/good.md")))
            hostile_skip(
                "running as root below a directory uid 65534 cannot enter, so a mode-000 "
                "file cannot be made unreadable here");
        lim.uid = 65534;
    }
    lint(&run, &lim, "tree", NULL, NULL, NULL, NULL, NULL);
    expect_common(&run, 2, 1);
    expect_finding(&run, "tree/dangling.md", "read-error", "No such file or directory");
    expect_finding(&run, "tree/secret.md", "read-error", "Permission denied");
    HOSTILE_CHECK(hostile_files(&run, "unreadable") == 2, "expected 2 unreadable files");
    finish(&run);
}

/* A FIFO named on the command line (no writer): refused at once, never opened for a blocking read. */
static void case_fifo(void)
{
    hostile_run run;
    hostile_limits lim = { 0 };
    hostile_copy(GOOD_FIXTURE, "good.md");
    hostile_write("tree/.keep", "", 0);
    if (mkfifo(hostile_path("pipe.md"), 0644) != 0 ||
        mkfifo(hostile_path("tree/pipe.json"), 0644) != 0)
        hostile_die("mkfifo: %s", strerror(errno));
    lim.watchdog_s = 30;
    lint(&run, &lim, "pipe.md", "tree", "good.md", NULL, NULL, NULL);
    expect_common(&run, 2, 1);
    expect_finding(&run, "pipe.md", "read-error", "not a regular file");
    HOSTILE_CHECK(hostile_finding(&run, "pipe.json", NULL, NULL) == NULL,
                  "a FIFO met in a walk is not a metadata file and is not read");
    finish(&run);
}

/*
 * A file deleted between the walk that listed it and its read. The deletion
 * is made deterministic by a preloaded shim (unlink_on_open.so) that removes
 * the file named by HOSTILE_UNLINK_ON_OPEN just before advisor-lint opens it.
 */
static void case_deleted_during_run(void)
{
    hostile_run run;
    hostile_limits lim = { 0 };
    char preload[4096 + 16];
    const char *env[4];
    const char *shim = getenv("HOSTILE_SHIM");
    struct stat st;

    if (!shim || !*shim)
        hostile_die("HOSTILE_SHIM is not set");
    hostile_copy(GOOD_FIXTURE, "tree/a-good.md");
    hostile_copy(GOOD_FIXTURE, "tree/b-gone.md");
    snprintf(preload, sizeof(preload), "LD_PRELOAD=%s", shim);
    env[0] = preload;
    env[1] = "HOSTILE_UNLINK_ON_OPEN=b-gone.md";
    env[2] = "ASAN_OPTIONS=verify_asan_link_order=0:detect_leaks=1";
    env[3] = NULL;
    lim.env = env;
    lint(&run, &lim, "tree", NULL, NULL, NULL, NULL, NULL);
    HOSTILE_CHECK(stat(hostile_path("tree/b-gone.md"), &st) != 0,
                  "the shim did not delete the file: the case tested nothing");
    HOSTILE_CHECK(run.exited && run.status == 2, "expected exit status 2");
    expect_finding(&run, "tree/b-gone.md", "read-error", "No such file or directory");
    HOSTILE_CHECK(hostile_files(&run, "checked") == 1, "a-good.md was not checked");
    HOSTILE_CHECK(hostile_count(&run, "a-good.md", NULL, NULL) == 0, "a-good.md has findings");
    finish(&run);
}

/* ---- the table ---- */

void hostile_codegen_template_self(void);
void hostile_codegen_outside_out(void);
void hostile_codegen_kill(void);
void hostile_codegen_kill_litter(void);

WITH_ANY_SCHEMA(case_long_line_1mb)
WITH_ANY_SCHEMA(case_nesting_100000)
WITH_ANY_SCHEMA(case_keys_1000000)

const hostile_entry hostile_cases[] = {
    { "empty-file", case_empty_file },
    { "only-header", case_only_header },
    { "binary-data", case_binary_data },
    { "nul-bytes", case_nul_bytes },
    { "invalid-utf8", case_invalid_utf8 },
    { "overlong-utf8", case_overlong_utf8 },
    { "utf16-bom", case_utf16_bom },
    { "file-100mb", case_file_100mb },
    { "long-line-1mb", case_long_line_1mb_any },
    { "nesting-100000", case_nesting_100000_any },
    { "keys-1000000", case_keys_1000000_any },
    { "duplicate-keys-100000", case_duplicate_keys_100000_any },
    { "regex-backtracking", case_regex_backtracking },
    { "ref-loop", case_ref_loop },
    { "yaml-alias-bomb", case_yaml_alias_bomb },
    { "config-glob-backtracking", case_config_glob_backtracking },
    { "symlink-loop", case_symlink_loop },
    { "unreadable-file", case_unreadable_file },
    { "fifo", case_fifo },
    { "device-file", case_device_file },
    { "deleted-during-run", case_deleted_during_run },
    { "template-includes-itself", hostile_codegen_template_self },
    { "codegen-outside-out", hostile_codegen_outside_out },
    { "codegen-kill", hostile_codegen_kill },
    { "codegen-kill-litter", hostile_codegen_kill_litter },
    { NULL, NULL },
};
