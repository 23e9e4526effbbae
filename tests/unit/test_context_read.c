/*
 * test_context_read.c - a context reads only what the cross-file rules need,
 * and what it reads agrees with a full read.
 *
 * al_json_scan_members against tricky bodies (the last of equal keys wins,
 * escapes left to the strict reader, values that are not strings, nesting,
 * malformed text), then the differential test: every file of fixtures/ and
 * of the real corpus (ADVISOR_SHARED_DIR, when present) added to a context
 * gets the same fact as reading it in full (al_doc_load + al_fact_from_doc),
 * or is left out exactly when a full read finds no metadata body; only a
 * body with a JSON syntax error may differ (the scan does not check every
 * literal and comma, and the file fails a full run anyway). The cache
 * (context_cache.h) is then checked to answer the same, and never stale: a
 * file rewritten in place with the same size is read again.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <dirent.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "config/config.h"
#include "util/path.h"
#include "lint/context.h"
#include "lint/context_cache.h"
#include "lint/lint.h"
#include "lint/repo.h"
#include "lint/walk.h"
#include "reader/document.h"
#include "reader/json_reader.h"
#include "reader/json_scan.h"
#include "rules/corpus.h"

static const char *const keys[] = { "a", "b", "c" };

/* Scans TEXT for keys a, b, c; returns the result and fills OUT with the values ("-" absent). */
static al_scan_result scan(const char *text, char out[3][32], int *is_object)
{
    al_json_span v[3];
    al_scan_result r = al_json_scan_members(text, 0, strlen(text), keys, 3, v, is_object);
    int k;
    for (k = 0; k < 3; k++)
        snprintf(out[k], 32, "%.*s", v[k].text ? (int)v[k].len : 1, v[k].text ? v[k].text : "-");
    return r;
}

static void scan_members(void **state)
{
    char v[3][32];
    int obj = 0;
    (void)state;
    assert_int_equal(scan("{\"a\": \"x\", \"b\": \"y\"}", v, &obj), AL_SCAN_OK);
    assert_true(obj);
    assert_string_equal(v[0], "x");
    assert_string_equal(v[1], "y");
    assert_string_equal(v[2], "-");
    /* the last of equal keys wins, as in the strict reader */
    assert_int_equal(scan("{\"a\": \"1\", \"a\": \"2\"}", v, NULL), AL_SCAN_OK);
    assert_string_equal(v[0], "2");
    /* a later value that is not a string makes it absent */
    assert_int_equal(scan("{\"a\": \"1\", \"a\": 5}", v, NULL), AL_SCAN_OK);
    assert_string_equal(v[0], "-");
    /* nested members of the same name are not top-level members */
    assert_int_equal(
        scan("{\"x\": {\"a\": \"in\"}, \"y\": [\"a\", {\"a\": \"z\"}], \"b\": \"out\"}", v, NULL),
        AL_SCAN_OK);
    assert_string_equal(v[0], "-");
    assert_string_equal(v[1], "out");
    /* quotes and brackets inside strings are text */
    assert_int_equal(scan("{\"x\": \"}]\\\"{\", \"a\": \"ok\"}", v, NULL), AL_SCAN_OK);
    assert_string_equal(v[0], "ok");
    /* an escape in a wanted value or in any top-level key: the strict reader decides */
    assert_int_equal(scan("{\"a\": \"\\u0041\"}", v, NULL), AL_SCAN_ESCAPED);
    assert_int_equal(scan("{\"\\u0061\": \"x\"}", v, NULL), AL_SCAN_ESCAPED);
    /* an escape in a value nobody wants is fine */
    assert_int_equal(scan("{\"z\": \"\\n\", \"b\": \"y\"}", v, NULL), AL_SCAN_OK);
    assert_string_equal(v[1], "y");
    /* a trailing comma is read on, as the reader does */
    assert_int_equal(scan("{\"a\": \"x\",}", v, NULL), AL_SCAN_OK);
    /* not an object: no members */
    assert_int_equal(scan("[1, 2]", v, &obj), AL_SCAN_OK);
    assert_false(obj);
    assert_string_equal(v[0], "-");
    /* malformed: the strict reader would find no body */
    assert_int_equal(scan("{\"a\": \"x\"", v, NULL), AL_SCAN_MALFORMED);
    assert_int_equal(scan("{\"a\": \"x}", v, NULL), AL_SCAN_MALFORMED);
    assert_int_equal(scan("{\"a\": [1, 2}", v, NULL), AL_SCAN_MALFORMED);
    assert_int_equal(scan("{\"a\" \"x\"}", v, NULL), AL_SCAN_MALFORMED);
    assert_int_equal(scan("{\"a\": \"x\"} trailing", v, NULL), AL_SCAN_MALFORMED);
    assert_int_equal(scan("   ", v, NULL), AL_SCAN_MALFORMED);
    assert_int_equal(scan("{\"a\": }", v, NULL), AL_SCAN_MALFORMED);
}

/* Nesting: AL_JSON_MAX_DEPTH containers are read, one more is not (as in the reader). */
static void scan_depth(void **state)
{
    size_t d = AL_JSON_MAX_DEPTH, i;
    char *deep = malloc(2 * (d + 1) + 1), v[3][32];
    (void)state;
    assert_non_null(deep);
    for (i = 0; i < d; i++)
        deep[i] = '[';
    for (i = 0; i < d; i++)
        deep[d + i] = ']';
    deep[2 * d] = '\0';
    assert_int_equal(scan(deep, v, NULL), AL_SCAN_OK);
    for (i = 0; i <= d; i++)
        deep[i] = '[';
    for (i = 0; i <= d; i++)
        deep[d + 1 + i] = ']';
    deep[2 * d + 2] = '\0';
    assert_int_equal(scan(deep, v, NULL), AL_SCAN_MALFORMED);
    free(deep);
}

/* ---- the differential test ---- */

static void on_problem(void *ud, al_read_problem kind, size_t offset, size_t end, size_t related,
                       const char *pointer, const char *message)
{
    (void)offset, (void)end, (void)related, (void)pointer, (void)message;
    if (kind == AL_READ_JSON_SYNTAX)
        *(int *)ud = 1;
}

/*
 * The full read's fact of PATH, as a run keeps it (lint.c): 1 with *FACT
 * filled, 0 when there is none, 2 when the body has a JSON syntax error (a
 * context, which reads only the keys it needs, may keep values read before
 * it where the run keeps none).
 */
static int full_fact(const char *path, al_fact *fact)
{
    al_source src;
    al_doc doc;
    al_doc_options o;
    int kind, rc = 0, syntax = 0, by_path = al_metadata_path(NULL, NULL, path) != 0;
    if (al_source_read(&src, path) != 0)
        return 0;
    kind = al_doc_kind_from_name(path);
    if (kind < 0)
        kind = (int)al_doc_sniff_kind(src.data, src.len);
    memset(&o, 0, sizeof(o));
    o.problem = on_problem;
    o.ud = &syntax;
    o.metadata_path = by_path;
    assert_int_equal(al_doc_load(&doc, &src, (al_doc_kind)kind, &o), 0);
    if (!doc.skipped && (by_path || al_run_is_metadata(&doc)) && !doc.header_incomplete) {
        assert_int_equal(al_fact_from_doc(fact, &doc, path), 0);
        rc = syntax ? 2 : 1;
    }
    al_doc_release(&doc);
    return rc;
}

/* Whether FACT holds anything a cross-file rule compares (one without is as good as none). */
static int has_values(const al_fact *fact)
{
    int k;
    for (k = 0; k < AL_FACT_COUNT; k++)
        if (fact->value[k])
            return 1;
    return 0;
}

static void expect_same(const char *path, const al_fact *a, const al_fact *b)
{
    int k;
    for (k = 0; k < AL_FACT_COUNT; k++) {
        if (!a->value[k] || !b->value[k]) {
            if (a->value[k] != b->value[k])
                fail_msg("%s: field %d: '%s' in the context, '%s' in full", path, k,
                         a->value[k] ? a->value[k] : "(none)",
                         b->value[k] ? b->value[k] : "(none)");
        } else if (strcmp(a->value[k], b->value[k]) != 0) {
            fail_msg("%s: field %d: '%s' in the context, '%s' in full", path, k, a->value[k],
                     b->value[k]);
        }
    }
    if ((a->cloud == NULL) != (b->cloud == NULL) || (a->cloud && strcmp(a->cloud, b->cloud)))
        fail_msg("%s: cloud differs", path);
}

/* Every file below DIR: the context's fact equals the full read's. Returns the facts compared. */
static size_t compare_tree(const char *dir, const char *cache_dir)
{
    al_context *ctx = al_context_new();
    al_pathlist list;
    al_error e;
    size_t i, kept = 0, compared = 0;
    long n;

    assert_non_null(ctx);
    n = al_context_add_path_config(ctx, dir, NULL, cache_dir, 2, &e);
    assert_true(n >= 0);
    al_pathlist_init(&list);
    assert_int_equal(al_walk(dir, &list), 0);
    for (i = 0; i < list.count; i++) {
        al_fact full;
        char *key = al_path_absolute_new(list.items[i].path);
        const al_context_entry *entry = al_context_find(ctx, key);
        int has = full_fact(list.items[i].path, &full), ctx_has = entry && has_values(&entry->fact);
        free(key);
        kept += entry != NULL;
        if (has == 2) { /* broken JSON: the header's articleId must agree, values may not */
            if (full.value[AL_FACT_ARTICLE_ID] &&
                (!ctx_has ||
                 strcmp(full.value[AL_FACT_ARTICLE_ID], entry->fact.value[AL_FACT_ARTICLE_ID]
                                                            ? entry->fact.value[AL_FACT_ARTICLE_ID]
                                                            : "")))
                fail_msg("%s: the articleId of a broken file differs", list.items[i].path);
            al_fact_release(&full);
            continue;
        }
        if (has && !has_values(&full)) {
            al_fact_release(&full);
            has = 0; /* nothing to compare: kept or not, the same to the rules */
            if (!ctx_has)
                continue;
        }
        if (has != ctx_has)
            fail_msg("%s: %s by a full read, %s by the context", list.items[i].path,
                     has ? "a fact" : "no fact", ctx_has ? "a fact" : "none");
        if (has) {
            expect_same(list.items[i].path, &entry->fact, &full);
            al_fact_release(&full);
            compared++;
        }
    }
    assert_int_equal((size_t)n, kept);
    assert_int_equal(al_context_count(ctx), kept);
    al_pathlist_release(&list);
    al_context_free(ctx);
    return compared;
}

static void agrees_with_full_read(void **state)
{
    const char *shared = getenv("ADVISOR_SHARED_DIR");
    char real[4096];
    (void)state;
    assert_true(compare_tree(FIXTURES_DIR, NULL) > 50);
    if (shared && *shared) {
        snprintf(real, sizeof(real), "%s/corpus/real", shared);
        if (access(real, R_OK) == 0)
            assert_true(compare_tree(real, NULL) >= 400);
        else
            print_message("note: %s absent, the real corpus is not compared\n", real);
    }
}

/* ---- the cache ---- */

static char tmpdir[] = "/tmp/al-context-XXXXXX";

static void write_file(const char *path, const char *text)
{
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs(text, f);
    assert_int_equal(fclose(f), 0);
}

static const char *body(const char *aid, const char *type)
{
    static char buf[1024];
    snprintf(
        buf, sizeof(buf),
        "<properties\n    articleId=\"%s\"\n    selfHelpType=\"advisorRecommendationMetadata\"\n/>\n"
        "# T\n---\n{\"recommendationTypeId\": \"%s\"}\n---\n",
        aid, type);
    return buf;
}

/* The articleId the context holds for FILE below the tree, or NULL. */
static const char *article_of(const al_context *ctx, const char *file)
{
    char *key = al_path_absolute_new(file);
    const al_context_entry *e = al_context_find(ctx, key);
    free(key);
    return e ? e->fact.value[AL_FACT_ARTICLE_ID] : NULL;
}

/* Sets PATH's times to long ago, so its entry is trusted (see AL_CACHE_SETTLE). */
static void age(const char *path)
{
    struct timespec t[2];
    t[0].tv_sec = t[1].tv_sec = time(NULL) - 3600;
    t[0].tv_nsec = t[1].tv_nsec = 0;
    assert_int_equal(utimensat(AT_FDCWD, path, t, 0), 0);
}

static al_context *load(const char *tree, const char *cache)
{
    al_context *ctx = al_context_new();
    al_error e;
    assert_non_null(ctx);
    assert_true(al_context_add_path_config(ctx, tree, NULL, cache, 1, &e) >= 0);
    return ctx;
}

static void cache_never_stale(void **state)
{
    char tree[1024], cache[1024], a[1100], b[1100], cfile[1400];
    al_context *ctx;
    DIR *d;
    struct dirent *de;
    int found = 0;
    (void)state;

    assert_non_null(mkdtemp(tmpdir));
    snprintf(tree, sizeof(tree), "%s/tree", tmpdir);
    snprintf(cache, sizeof(cache), "%s/cache", tmpdir);
    snprintf(a, sizeof(a), "%s/a.md", tree);
    snprintf(b, sizeof(b), "%s/b.md", tree);
    assert_int_equal(mkdir(tree, 0700), 0);
    write_file(a, body("11111111-1111-1111-1111-111111111111_Public",
                       "22222222-2222-2222-2222-222222222222"));
    write_file(b, "# not metadata\n");

    /*
     * The files' ctime is now: too recent to record. Rewritten within the
     * same clock tick, same size, a recorded entry would look current;
     * since none was recorded, the new text is read.
     */
    ctx = load(tree, cache);
    assert_string_equal(article_of(ctx, a), "11111111-1111-1111-1111-111111111111_Public");
    al_context_free(ctx);
    write_file(a, body("66666666-6666-6666-6666-666666666666_Public",
                       "22222222-2222-2222-2222-222222222222"));
    ctx = load(tree, cache);
    assert_string_equal(article_of(ctx, a), "66666666-6666-6666-6666-666666666666_Public");
    al_context_free(ctx);

    /* ctime cannot be set back: wait out the settling time, then the entries are recorded */
    sleep(AL_CACHE_SETTLE + 1);
    ctx = load(tree, cache);
    al_context_free(ctx);
    d = opendir(cache);
    assert_non_null(d);
    while ((de = readdir(d)) != NULL)
        if (!strncmp(de->d_name, "context-", 8)) {
            found = 1;
            snprintf(cfile, sizeof(cfile), "%s/%s", cache, de->d_name);
        }
    closedir(d);
    assert_true(found);

    /* from the cache: the same answer */
    ctx = load(tree, cache);
    assert_string_equal(article_of(ctx, a), "66666666-6666-6666-6666-666666666666_Public");
    assert_null(article_of(ctx, b));
    al_context_free(ctx);

    /*
     * Rewritten in place, same size, mtime set back to what it was: ctime
     * tells. One changed file does not make the cache be rewritten
     * (AL_CACHE_SLACK): its entry stays, can never match again, and the
     * file is read each time until the cache is rewritten.
     */
    {
        struct stat before, after;
        assert_int_equal(stat(cfile, &before), 0);
        write_file(a, body("33333333-3333-3333-3333-333333333333_Public",
                           "22222222-2222-2222-2222-222222222222"));
        age(a);
        ctx = load(tree, cache);
        assert_string_equal(article_of(ctx, a), "33333333-3333-3333-3333-333333333333_Public");
        al_context_free(ctx);
        ctx = load(tree, cache);
        assert_string_equal(article_of(ctx, a), "33333333-3333-3333-3333-333333333333_Public");
        al_context_free(ctx);
        assert_int_equal(stat(cfile, &after), 0);
        assert_true(before.st_ino == after.st_ino &&
                    before.st_mtim.tv_sec == after.st_mtim.tv_sec &&
                    before.st_mtim.tv_nsec == after.st_mtim.tv_nsec);
    }

    /* a file that became metadata, and a damaged cache file, ignored whole */
    write_file(b, body("44444444-4444-4444-4444-444444444444_Public",
                       "55555555-5555-5555-5555-555555555555"));
    assert_int_equal(truncate(cfile, 100), 0);
    ctx = load(tree, cache);
    assert_string_equal(article_of(ctx, b), "44444444-4444-4444-4444-444444444444_Public");
    assert_string_equal(article_of(ctx, a), "33333333-3333-3333-3333-333333333333_Public");
    al_context_free(ctx);

    /* a deleted file is gone from the context */
    assert_int_equal(unlink(b), 0);
    ctx = load(tree, cache);
    assert_null(article_of(ctx, b));
    al_context_free(ctx);
    {
        char cmd[4300];
        snprintf(cmd, sizeof(cmd), "rm -rf '%s'", tmpdir);
        assert_int_equal(system(cmd), 0);
    }
}

/* The real corpus through a warm cache: still the full read's facts. */
static void cache_agrees(void **state)
{
    char cache[] = "/tmp/al-context-cache-XXXXXX", cmd[256];
    (void)state;
    assert_non_null(mkdtemp(cache));
    compare_tree(FIXTURES_DIR, cache); /* cold: fills the cache */
    compare_tree(FIXTURES_DIR, cache); /* warm: files older than the settling time come from it */
    snprintf(cmd, sizeof(cmd), "rm -rf '%s'", cache);
    assert_int_equal(system(cmd), 0);
}

/* Names from a tree's top made relative to a directory below it (--changed-since from a subdirectory). */
static void path_from_prefix(void **state)
{
    static const char *const cases[][3] = {
        { "", "articles/net/a.md", "articles/net/a.md" },
        { "articles/net", "articles/net/a.md", "a.md" },
        { "articles/net/", "articles/db/x.md", "../db/x.md" },
        { "articles/net", "templates/t.md", "../../templates/t.md" },
        { "articles", "articles.md", "../articles.md" },
        { "a/b", "a/b", "../b" },
        { "x", "new copy é.md", "../new copy é.md" },
    };
    size_t i;
    (void)state;
    for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        char *got = al_path_from_prefix(cases[i][0], cases[i][1]);
        assert_non_null(got);
        assert_string_equal(got, cases[i][2]);
        free(got);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(path_from_prefix), cmocka_unit_test(scan_members),
        cmocka_unit_test(scan_depth),       cmocka_unit_test(agrees_with_full_read),
        cmocka_unit_test(cache_agrees),     cmocka_unit_test(cache_never_stale),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
