/*
 * test_util_glob.c - config glob matching (validator/util/glob.h).
 *
 * Name globs against any segment, path globs from the start, '*' and '?'
 * inside one segment, '**' across any number, leading directories, and
 * patterns built to make a backtracking matcher exponential, which must
 * give the right answers within a generous CPU-time bound.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>
#include <time.h>

#include "util/glob.h"

static void test_name_globs(void **state)
{
    (void)state;
    assert_true(al_glob_match("*.md", "a/b/c.md"));
    assert_true(al_glob_match("c.md", "c.md"));
    assert_false(al_glob_match("*.md", "a/b/c.mdx"));
    assert_true(al_glob_match("legacy", "x/legacy/c.md")); /* a directory on the way */
    assert_false(al_glob_match("legacy", "x/legacyfoo/c.md"));
    assert_true(al_glob_match("?.md", "dir/a.md"));
    assert_false(al_glob_match("?.md", "dir/ab.md"));
    assert_true(al_glob_match("*", "anything/at/all"));
    assert_false(al_glob_match("*.md", NULL));
    assert_false(al_glob_match("x", ""));
}

static void test_path_globs(void **state)
{
    (void)state;
    assert_true(al_glob_match("a/*.md", "a/c.md"));
    assert_false(al_glob_match("a/*.md", "a/b/c.md")); /* '*' stays in one segment */
    assert_false(al_glob_match("a*/b", "a/c/b"));
    assert_true(al_glob_match("a/**/*.md", "a/c.md")); /* '**' may be no segment */
    assert_true(al_glob_match("a/**/*.md", "a/b/d/c.md"));
    assert_true(al_glob_match("**/x.md", "x.md"));
    assert_true(al_glob_match("**/x.md", "p/q/x.md"));
    assert_true(al_glob_match("a/**", "a/b/d/c.md"));
    assert_true(al_glob_match("a/b", "a/b/d/c.md")); /* a leading directory */
    assert_false(al_glob_match("a/b", "a/bc/d.md"));
    assert_false(al_glob_match("b/c.md", "a/b/c.md")); /* anchored at the start */
    assert_true(al_glob_match("/a/?.md", "a/c.md"));   /* a leading '/' is ignored */
    assert_true(al_glob_match("a//b/", "a/b/c.md"));   /* so are repeated slashes */
    assert_true(al_glob_match("a/**/b/**/c.md", "a/x/b/y/z/c.md"));
    assert_true(al_glob_match("a/**/b/**/c.md", "a/b/c.md"));
    assert_false(al_glob_match("a/**/b/**/c.md", "a/x/c.md"));
}

static void test_match_any(void **state)
{
    char *globs[] = { "drafts", "*.tmp.md", "legacy/**/old.md" };
    (void)state;
    assert_true(al_glob_match_any(globs, 3, "x/drafts/a.md"));
    assert_true(al_glob_match_any(globs, 3, "a.tmp.md"));
    assert_true(al_glob_match_any(globs, 3, "legacy/q/r/old.md"));
    assert_false(al_glob_match_any(globs, 3, "legacy/q/new.md"));
    assert_false(al_glob_match_any(globs, 0, "x/drafts/a.md"));
    assert_false(al_glob_match_any(globs, 3, NULL));
}

/* Patterns that take a backtracking matcher exponential time: answered quickly here. */
static void test_no_backtracking_blowup(void **state)
{
    char name[4096], deep[8192], pat[4096];
    size_t i, w = 0;
    clock_t start = clock();
    double secs;
    (void)state;
    memset(name, 'a', sizeof(name) - 1);
    name[sizeof(name) - 1] = '\0';
    for (i = 0; i < 2000; i++) {
        deep[w++] = 'd';
        deep[w++] = '/';
    }
    memcpy(deep + w, "x", 2);
    w = 0;
    for (i = 0; i < 200; i++) {
        pat[w++] = '*';
        pat[w++] = 'a';
    }
    memcpy(pat + w, "*b", 3);
    assert_false(al_glob_match(pat, name));
    assert_false(al_glob_match("**/**/**/**/**/**/**/**/**/**/**/**/**/**/**/**/**/**/**/y", deep));
    assert_true(al_glob_match("**/**/**/**/**/**/**/**/**/**/**/**/**/**/**/**/**/**/**/x", deep));
    secs = (double)(clock() - start) / CLOCKS_PER_SEC;
    /* a backtracking matcher would not finish these in a lifetime; linear ones take milliseconds */
    assert_true(secs < 5.0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_name_globs),
        cmocka_unit_test(test_path_globs),
        cmocka_unit_test(test_match_any),
        cmocka_unit_test(test_no_backtracking_blowup),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
