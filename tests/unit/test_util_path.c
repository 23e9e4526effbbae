/*
 * test_util_path.c - path strings (validator/util/path.h).
 *
 * Joining with exactly one slash, lexical normalization ("." and ".." and
 * repeated slashes, never above "/"), relative paths below a base or NULL
 * outside it, and the directory of a path; relative inputs are resolved
 * against the current directory, which the test sets.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "util/path.h"

static void check_new(char *got, const char *want)
{
    if (!want) {
        assert_null(got);
        return;
    }
    assert_non_null(got);
    assert_string_equal(got, want);
    free(got);
}

static void test_join(void **state)
{
    (void)state;
    check_new(al_path_join_new("a", "b"), "a/b");
    check_new(al_path_join_new("a/", "b"), "a/b");
    check_new(al_path_join_new("/", "x.md"), "/x.md");
    check_new(al_path_join_new("", "b"), "b");
    check_new(al_path_join_new("a", ""), "a");
    check_new(al_path_join_new("", ""), "");
    check_new(al_path_join_new("a/b", "c/d.md"), "a/b/c/d.md");
    /* only the joint is looked at: a double slash the caller wrote stays */
    check_new(al_path_join_new("a//", "b"), "a//b");
}

static void test_absolute(void **state)
{
    (void)state;
    check_new(al_path_absolute_new("/a/./b//c/../d"), "/a/b/d");
    check_new(al_path_absolute_new("/.."), "/");
    check_new(al_path_absolute_new("/"), "/");
    check_new(al_path_absolute_new("//a///b/"), "/a/b");
    check_new(al_path_absolute_new("/a/b/../../../c"), "/c");
    check_new(al_path_absolute_new("/a/..b/.c"), "/a/..b/.c");
}

static void test_absolute_from_cwd(void **state)
{
    char old[PATH_MAX];
    (void)state;
    assert_non_null(getcwd(old, sizeof(old)));
    assert_int_equal(chdir("/usr/share"), 0);
    check_new(al_path_absolute_new("x/../y.md"), "/usr/share/y.md");
    check_new(al_path_absolute_new("."), "/usr/share");
    check_new(al_path_absolute_new("../.."), "/");
    check_new(al_path_dir_new("a.md"), "/usr/share");
    check_new(al_path_relative_new("/usr", "doc/z.md"), "share/doc/z.md");
    assert_int_equal(chdir(old), 0);
}

static void test_relative(void **state)
{
    (void)state;
    check_new(al_path_relative_new("/a/b", "/a/b/c/d.md"), "c/d.md");
    check_new(al_path_relative_new("/a/b", "/a/bc/d.md"), NULL);
    check_new(al_path_relative_new("/a/b", "/a/b"), NULL);
    check_new(al_path_relative_new("/a/b", "/a/b/./c/../e.md"), "e.md");
    check_new(al_path_relative_new("/", "/x/y"), "x/y");
    check_new(al_path_relative_new("/a/b", "/a"), NULL);
}

static void test_dir(void **state)
{
    (void)state;
    check_new(al_path_dir_new("/a/b/c.yaml"), "/a/b");
    check_new(al_path_dir_new("/c.yaml"), "/");
    check_new(al_path_dir_new("/a/./b/../c.yaml"), "/a");
    check_new(al_path_dir_new("/"), "/");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_join),
        cmocka_unit_test(test_absolute),
        cmocka_unit_test(test_absolute_from_cwd),
        cmocka_unit_test(test_relative),
        cmocka_unit_test(test_dir),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
