/*
 * test_config.c - cmocka tests of config.h: globs, relative paths, severities,
 * and config reading (errors at their line and column).
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

#include "config/config.h"
#include "advisor/fix.h"
#include "rules/rule.h"
#include "util/glob.h"
#include "util/path.h"

static void test_glob(void **state)
{
    (void)state;
    assert_true(al_glob_match("*.md", "a/b/c.md"));
    assert_true(al_glob_match("legacy", "x/legacy/c.md"));
    assert_false(al_glob_match("legacy", "x/legacyfoo/c.md"));
    assert_true(al_glob_match("a/*.md", "a/c.md"));
    assert_false(al_glob_match("a/*.md", "a/b/c.md"));
    assert_true(al_glob_match("a/**/*.md", "a/c.md"));
    assert_true(al_glob_match("a/**/*.md", "a/b/d/c.md"));
    assert_true(al_glob_match("a/**", "a/b/d/c.md"));
    assert_true(al_glob_match("a/b", "a/b/d/c.md"));
    assert_false(al_glob_match("a/b", "a/bc/d.md"));
    assert_true(al_glob_match("/a/?.md", "a/c.md"));
    assert_false(al_glob_match("a/?.md", "a/cd.md"));
    assert_true(al_glob_match("**/x.md", "x.md"));
    assert_false(al_glob_match("*.md", NULL));
    assert_true(al_glob_match("a/**/b/**/c.md", "a/x/b/y/z/c.md"));
    assert_true(al_glob_match("a/**/b/**/c.md", "a/b/c.md"));
    assert_false(al_glob_match("a/**/b/**/c.md", "a/x/c.md"));
    assert_true(al_glob_match("a//b/", "a/b/c.md"));
    assert_true(al_glob_match("**", "a/b"));
    assert_true(al_glob_match("*x*y", "axbxcy"));
    assert_false(al_glob_match("*x*y", "axbxc"));
    assert_false(al_glob_match("a*/b", "a/c/b"));
}

/* Patterns that make a backtracking matcher exponential finish at once. */
static void test_glob_no_backtracking(void **state)
{
    char name[128], deep[256];
    size_t i, n = 0;
    (void)state;
    memset(name, 'a', 80);
    name[80] = '\0';
    for (i = 0; i < 60; i++)
        n += (size_t)snprintf(deep + n, sizeof(deep) - n, "d/");
    snprintf(deep + n, sizeof(deep) - n, "y");
    assert_false(al_glob_match("*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*b", name));
    assert_false(al_glob_match("**/**/**/**/**/**/**/**/**/**/**/**/**/**/**/x", deep));
    assert_true(al_glob_match("**/**/**/**/**/**/**/**/**/**/**/**/**/**/**/y", deep));
}

static void test_paths(void **state)
{
    char *p;
    (void)state;
    p = al_path_absolute_new("/a/./b//c/../d");
    assert_string_equal(p, "/a/b/d");
    free(p);
    p = al_path_absolute_new("/..");
    assert_string_equal(p, "/");
    free(p);
    p = al_path_relative_new("/a/b", "/a/b/c/d.md");
    assert_string_equal(p, "c/d.md");
    free(p);
    assert_null(al_path_relative_new("/a/b", "/a/bc/d.md"));
    p = al_path_relative_new("/", "/x/y");
    assert_string_equal(p, "x/y");
    free(p);
}

static char dir[64];

static int setup(void **state)
{
    (void)state;
    snprintf(dir, sizeof(dir), "/tmp/al-config-XXXXXX");
    return mkdtemp(dir) ? 0 : -1;
}

static int teardown(void **state)
{
    char cmd[128];
    (void)state;
    snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
    return system(cmd) == 0 ? 0 : -1;
}

static char *write_config(const char *text)
{
    static char path[128];
    FILE *f;
    snprintf(path, sizeof(path), "%s/c.yaml", dir);
    f = fopen(path, "w");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
    return path;
}

static void test_severity(void **state)
{
    al_config cfg;
    al_error err;
    const al_rule *cloud = al_rule_find("cloud-name-case"), *link = al_rule_find("insecure-link");
    (void)state;
    assert_int_equal(
        al_config_load(
            &cfg,
            write_config(
                "rules:\n  cloud-name-case: error\n"
                "overrides:\n"
                "  - files: [\"old/**\"]\n    rules: {cloud-name-case: info, insecure-link: off}\n"
                "  - files: [\"old/keep/*.md\"]\n    rules: {cloud-name-case: warning}\n"
                "link-hosts: [a.example]\nignore: drafts\nschema: s.json\n"
                "portal-extensions: [Contoso_Ext, Fabrikam_Ext]\n"),
            &err),
        0);
    assert_int_equal(al_config_severity(&cfg, "new/a.md", cloud), AL_SEV_ERROR);
    assert_int_equal(al_config_severity(&cfg, "old/a.md", cloud), AL_SEV_INFO);
    assert_int_equal(al_config_severity(&cfg, "old/keep/a.md", cloud), AL_SEV_WARNING);
    assert_int_equal(al_config_severity(&cfg, "old/a.md", link), AL_SEV_OFF);
    assert_int_equal(al_config_severity(&cfg, NULL, link), link->severity);
    assert_int_equal(al_config_severity(NULL, "old/a.md", link), link->severity);
    assert_true(al_config_ignored(&cfg, "x/drafts/y.md"));
    assert_false(al_config_ignored(&cfg, "x/draft/y.md"));
    assert_int_equal(cfg.nlink_hosts, 1);
    assert_int_equal(cfg.nportal_extensions, 2);
    assert_string_equal(cfg.portal_extensions[1], "Fabrikam_Ext");
    assert_non_null(strstr(cfg.schema, "/s.json"));
    assert_int_equal(cfg.schema[0], '/');
    al_config_release(&cfg);
}

static void expect_error(const char *text, const char *where_what)
{
    al_config cfg;
    al_error error;
    char err[1024];
    const char *colon;
    assert_int_equal(al_config_load(&cfg, write_config(text), &error), -1);
    al_error_string(&error, err, sizeof(err));
    colon = strstr(err, "c.yaml:");
    assert_non_null(colon);
    if (strcmp(colon + strlen("c.yaml:"), where_what) != 0)
        fail_msg("got '%s', expected '...c.yaml:%s'", err, where_what);
    al_config_release(&cfg);
}

static void test_errors(void **state)
{
    (void)state;
    expect_error(
        "rules:\n  cloud-name-case: loud\n",
        "2:20: severity of 'cloud-name-case' must be error, warning, info or off, not 'loud'");
    expect_error("rules: [a]\n",
                 "1:8: 'rules' must be a mapping of rule id to severity, not a list");
    expect_error("ignore: [1]\n",
                 "1:10: items of 'ignore' must be non-empty strings, not a number");
    expect_error(
        "portal-extensions: [\"\"]\n",
        "1:21: items of 'portal-extensions' must be non-empty strings, not an empty string");
    expect_error("\n\nsuppress:\n  - files: x\n    rules: [nope]\n",
                 "5:13: unknown rule 'nope' (see advisor-lint --list-rules)");
    expect_error("suppress:\n  - rules: [schema]\n", "2:5: a suppression needs 'files'");
    expect_error("rules:\n  schema: error\n  schema: off\n",
                 "3:3: duplicate key \"schema\" (first at line 2, column 3)");
}

/* metadata-files: the default, a config's own globs, [] and both bases of matching. */
static void test_metadata_path(void **state)
{
    al_config cfg;
    al_error err;
    char path[256];
    (void)state;
    /* no config: the default, relative to the directory given as current */
    assert_true(al_metadata_path(NULL, "/r", "/r/articles/advisorrecommendation.x/y.md"));
    assert_true(al_metadata_path(NULL, "/r", "/r/articles/advisorrecommendation.x/z/y.json"));
    assert_false(al_metadata_path(NULL, "/r", "/r/articles/other.x/y.md"));
    assert_false(al_metadata_path(NULL, "/r/articles", "/r/articles/advisorrecommendation.x/y.md"));
    assert_false(al_metadata_path(NULL, "/r", "/elsewhere/articles/advisorrecommendation.x/y.md"));
    /* a config without the key: the default, from its directory or the current one */
    assert_int_equal(al_config_load(&cfg, write_config("rules: {}\n"), &err), 0);
    snprintf(path, sizeof(path), "%s/articles/advisorrecommendation.x/y.md", dir);
    assert_true(al_metadata_path(&cfg, "/nowhere", path));
    assert_true(al_metadata_path(&cfg, "/r", "/r/articles/advisorrecommendation.x/y.md"));
    al_config_release(&cfg);
    /* its own globs replace the default */
    assert_int_equal(al_config_load(&cfg,
                                    write_config(
                                        "metadata-files: [\"content/**\", \"*.meta.md\"]\n"),
                                    &err),
                     0);
    assert_int_equal(cfg.nmetadata_files, 2);
    snprintf(path, sizeof(path), "%s/content/a/b.md", dir);
    assert_true(al_metadata_path(&cfg, "/nowhere", path));
    snprintf(path, sizeof(path), "%s/x/b.meta.md", dir);
    assert_true(al_metadata_path(&cfg, "/nowhere", path));
    snprintf(path, sizeof(path), "%s/articles/advisorrecommendation.x/y.md", dir);
    assert_false(al_metadata_path(&cfg, "/nowhere", path));
    al_config_release(&cfg);
    /* [] turns it off */
    assert_int_equal(al_config_load(&cfg, write_config("metadata-files: []\n"), &err), 0);
    assert_true(cfg.metadata_files_set);
    assert_false(al_metadata_path(&cfg, "/r", "/r/articles/advisorrecommendation.x/y.md"));
    al_config_release(&cfg);
    expect_error("metadata-files: {a: 1}\n",
                 "1:17: 'metadata-files' must be a list of strings, not a mapping");
}

static void test_fix_spans(void **state)
{
    const char *text = "a=\"usnat\"\r\nid: \"  0b1c2d3e-0000-4000-8000-000000000000 \"\r\n";
    char *cloud = al_rule_fix_new("cloud-name-case", text, 3, 8);
    char *guid = al_rule_fix_new("guid-format", text, 15, 56);
    (void)state;
    assert_non_null(cloud);
    assert_non_null(guid);
    assert_string_equal(cloud, "USNat");
    assert_string_equal(guid, "\"0b1c2d3e-0000-4000-8000-000000000000\"");
    assert_null(al_rule_fix_new("guid-format", "\"  zz \"", 0, 7));
    assert_null(al_rule_fix_new("insecure-link", "\"http://a\"", 0, 10));
    assert_null(al_rule_fix_new("cloud-name-case", "USNat", 0, 5));
    free(cloud);
    free(guid);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_glob),
        cmocka_unit_test(test_glob_no_backtracking),
        cmocka_unit_test(test_paths),
        cmocka_unit_test_setup_teardown(test_severity, setup, teardown),
        cmocka_unit_test_setup_teardown(test_errors, setup, teardown),
        cmocka_unit_test_setup_teardown(test_metadata_path, setup, teardown),
        cmocka_unit_test(test_fix_spans),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
