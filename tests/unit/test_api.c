/*
 * test_api.c - the public API (include/advisor/lint.h) as an embedder uses it.
 *
 * Buffers that exist nowhere on disk, a context of other files for the
 * cross-file rules (compared with, never reported on; a context entry for
 * the file being linted is left out), and errors returned in a
 * caller-owned al_error with their place.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "advisor/lint.h"
#include "advisor/report.h"
#include "advisor/rules.h"

#define SEED FIXTURES_DIR "/valid/seed-expressroute-mooncake.md"

static char *read_all(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    char *buf;
    long n;
    assert_non_null(f);
    assert_int_equal(fseek(f, 0, SEEK_END), 0);
    n = ftell(f);
    assert_true(n > 0);
    rewind(f);
    buf = malloc((size_t)n + 1);
    assert_non_null(buf);
    assert_int_equal(fread(buf, 1, (size_t)n, f), (size_t)n);
    buf[n] = '\0';
    fclose(f);
    *len = (size_t)n;
    return buf;
}

static al_linter *new_linter(void)
{
    al_linter_options o;
    al_error e;
    al_linter *l;
    memset(&o, 0, sizeof(o));
    o.no_config = 1;
    o.jobs = 1;
    l = al_linter_new(&o, &e);
    assert_non_null(l);
    return l;
}

/* How many findings of RULE name FILE. */
static size_t count(const al_findings *f, const char *rule, const char *file)
{
    size_t i, n = 0;
    for (i = 0; i < f->count; i++)
        if (!strcmp(f->items[i].rule, rule) && (!file || !strcmp(f->items[i].file, file)))
            n++;
    return n;
}

static void buffer_clean(void **state)
{
    size_t len;
    char *text = read_all(SEED, &len);
    al_linter *l = new_linter();
    al_findings f;
    al_lint_stats st;
    al_error e;
    (void)state;
    al_findings_init(&f);
    assert_int_equal(al_lint_buffer(l, "seed.md", text, len, &f, &st, &e), 0);
    assert_int_equal(st.checked, 1);
    assert_int_equal(f.by_severity[AL_SEV_ERROR], 0);
    al_findings_release(&f);
    al_linter_free(l);
    free(text);
}

/* A buffer named like a file that does not exist is linted from memory, findings placed in it. */
static void buffer_not_on_disk(void **state)
{
    size_t len;
    char *text = read_all(SEED, &len), *aid = strstr(text, "articleId = \"");
    al_linter *l = new_linter();
    al_findings f;
    al_error e;
    (void)state;
    assert_non_null(aid);
    memcpy(aid + strlen("articleId = \""), "zz", 2); /* no longer a GUID */
    al_findings_init(&f);
    assert_int_equal(al_lint_buffer(l, "/nonexistent/dir/x.md", text, len, &f, NULL, &e), 0);
    assert_int_equal(count(&f, "article-id", "/nonexistent/dir/x.md"), 1);
    assert_int_equal(count(&f, "read-error", NULL), 0);
    al_findings_release(&f);
    al_linter_free(l);
    free(text);
}

/* A copy of a context file is a duplicate; only the linted buffer is reported. */
static void context_duplicate(void **state)
{
    size_t len, i;
    char *text = read_all(SEED, &len);
    al_linter *l = new_linter();
    al_context *ctx = al_context_new();
    al_findings f;
    al_error e;
    (void)state;
    assert_non_null(ctx);
    assert_int_equal(al_context_add_buffer(ctx, "repo/other.md", text, len, &e), 1);
    assert_int_equal(al_context_count(ctx), 1);
    al_linter_set_context(l, ctx);
    al_findings_init(&f);
    assert_int_equal(al_lint_buffer(l, "repo/mine.md", text, len, &f, NULL, &e), 0);
    assert_int_equal(count(&f, "article-id-unique", "repo/mine.md"), 1);
    for (i = 0; i < f.count; i++) {
        assert_string_equal(f.items[i].file, "repo/mine.md");
        if (!strcmp(f.items[i].rule, "article-id-unique"))
            assert_non_null(strstr(f.items[i].message, "repo/other.md"));
    }
    al_findings_release(&f);

    /* once removed from the context, the copy is alone again */
    assert_int_equal(al_context_remove(ctx, "repo/other.md"), 1);
    assert_int_equal(al_context_remove(ctx, "repo/other.md"), 0);
    al_findings_init(&f);
    assert_int_equal(al_lint_buffer(l, "repo/mine.md", text, len, &f, NULL, &e), 0);
    assert_int_equal(count(&f, "article-id-unique", NULL), 0);
    al_findings_release(&f);
    al_context_free(ctx);
    al_linter_free(l);
    free(text);
}

/* The context's entry for the very file being linted is not its duplicate. */
static void context_self_left_out(void **state)
{
    size_t len;
    char *text = read_all(SEED, &len);
    al_linter *l = new_linter();
    al_context *ctx = al_context_new();
    al_findings f;
    al_error e;
    (void)state;
    assert_int_equal(al_context_add_buffer(ctx, "./repo/../repo/mine.md", text, len, &e), 1);
    al_linter_set_context(l, ctx);
    al_findings_init(&f);
    assert_int_equal(al_lint_buffer(l, "repo/mine.md", text, len, &f, NULL, &e), 0);
    assert_int_equal(count(&f, "article-id-unique", NULL), 0);
    assert_int_equal(count(&f, "type-cloud-unique", NULL), 0);
    al_findings_release(&f);
    al_context_free(ctx);
    al_linter_free(l);
    free(text);
}

/* A directory added as context keeps its metadata files only. */
static void context_add_path(void **state)
{
    al_context *ctx = al_context_new();
    al_error e;
    long n;
    (void)state;
    n = al_context_add_path(ctx, FIXTURES_DIR "/valid", &e);
    assert_true(n >= 3); /* seed, crlf-bom, tabs-in-header, bodies */
    assert_int_equal(al_context_count(ctx), (size_t)n);
    /* adding it again replaces, never doubles */
    assert_int_equal(al_context_add_path(ctx, FIXTURES_DIR "/valid", &e), n);
    assert_int_equal(al_context_count(ctx), (size_t)n);
    /* not metadata: not kept */
    assert_int_equal(al_context_add_buffer(ctx, "README.md", "# hello\n", 8, &e), 0);
    assert_int_equal(al_context_count(ctx), (size_t)n);
    al_context_free(ctx);
}

/* A config mistake comes back in the caller's al_error, with its place. */
static void error_has_place(void **state)
{
    char path[] = "/tmp/al-api-XXXXXX.yaml", buf[2048];
    int fd = mkstemps(path, 5);
    al_linter_options o;
    al_error e;
    (void)state;
    assert_true(fd >= 0);
    assert_int_equal(write(fd, "rules:\n  no-such-rule: error\n", 29), 29);
    close(fd);
    memset(&o, 0, sizeof(o));
    o.config_path = path;
    assert_null(al_linter_new(&o, &e));
    assert_string_equal(e.source, path);
    assert_int_equal(e.line, 2);
    assert_int_equal(e.column, 3);
    assert_non_null(strstr(e.text, "no-such-rule"));
    al_error_string(&e, buf, sizeof(buf));
    assert_int_equal(strncmp(buf, path, strlen(path)), 0);
    assert_int_equal(strncmp(buf + strlen(path), ":2:3: ", 6), 0);
    unlink(path);

    o.config_path = "/nonexistent/.advisor-lint.yaml";
    assert_null(al_linter_new(&o, &e));
    assert_int_equal(e.line, 0);
    assert_non_null(strstr(al_error_string(&e, buf, sizeof(buf)), "cannot read"));
}

static void rules_info(void **state)
{
    size_t n, i;
    const al_rule_info *all = al_rules_info(&n);
    (void)state;
    assert_true(n > 30);
    for (i = 1; i < n; i++)
        assert_true(strcmp(all[i - 1].id, all[i].id) < 0);
    assert_string_equal(al_rule_info_find("guid-format")->id, "guid-format");
    assert_null(al_rule_info_find("no-such-rule"));
    assert_non_null(al_version());
}

/* The schema as JSON text: the embedded one, and a user's YAML schema read as JSON. */
static void schema_json(void **state)
{
    al_error e;
    al_linter_options o;
    al_linter *l = al_linter_new(NULL, &e);
    char *text, path[] = "/tmp/al-test-api-schema-XXXXXX.yaml";
    FILE *f;
    int fd;
    (void)state;
    assert_non_null(l);
    text = al_linter_schema_json_new(l, &e);
    assert_non_null(text);
    assert_non_null(strstr(text, "\"recommendationCategory\""));
    assert_non_null(strstr(text, "\"HighAvailability\""));
    free(text);
    al_linter_free(l);

    fd = mkstemps(path, 5);
    assert_true(fd >= 0);
    f = fdopen(fd, "w");
    fputs("type: object\nproperties:\n  answer:\n    title: The answer\n", f);
    fclose(f);
    memset(&o, 0, sizeof(o));
    o.schema_path = path;
    o.no_config = 1;
    l = al_linter_new(&o, &e);
    assert_non_null(l);
    text = al_linter_schema_json_new(l, &e);
    assert_non_null(text);
    assert_string_equal(text,
                        "{\"type\":\"object\",\"properties\":{\"answer\":{\"title\":"
                        "\"The answer\"}}}");
    free(text);
    unlink(path); /* gone: the next call reports it */
    assert_null(al_linter_schema_json_new(l, &e));
    assert_non_null(strstr(e.text, "cannot read schema"));
    al_linter_free(l);
}

static void cloud_names(void **state)
{
    size_t n = 0;
    const char *const *names = al_cloud_names(&n);
    (void)state;
    assert_int_equal(n, 5);
    assert_string_equal(names[0], "Public");
    assert_string_equal(names[2], "Mooncake");
    assert_null(names[n]);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(buffer_clean),      cmocka_unit_test(buffer_not_on_disk),
        cmocka_unit_test(context_duplicate), cmocka_unit_test(context_self_left_out),
        cmocka_unit_test(context_add_path),  cmocka_unit_test(error_has_place),
        cmocka_unit_test(rules_info),        cmocka_unit_test(schema_json),
        cmocka_unit_test(cloud_names),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
