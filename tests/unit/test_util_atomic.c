/*
 * test_util_atomic.c - the atomic write (validator/util/atomic.h).
 *
 * In a fresh temporary directory: a new file gets 0666 less the umask, an
 * existing one keeps its mode unless a mode is given, a symbolic link keeps
 * being a link while the file it names is replaced, the temporary name
 * carries the prefix asked for, and every failure leaves the target as it
 * was, no temporary file behind, errno set and a message naming the step.
 */
#define _XOPEN_SOURCE 700 /* nftw */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <dirent.h>
#include <errno.h>
#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "util/atomic.h"

static char dir[256];

static int setup(void **state)
{
    const char *base = getenv("TMPDIR");
    (void)state;
    snprintf(dir, sizeof(dir), "%s/al-atomic-XXXXXX", base && *base ? base : "/tmp");
    return mkdtemp(dir) ? 0 : -1;
}

static int remove_entry(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
    (void)st;
    (void)flag;
    (void)ftw;
    return remove(path);
}

static int teardown(void **state)
{
    (void)state;
    return nftw(dir, remove_entry, 16, FTW_DEPTH | FTW_PHYS);
}

static const char *at(const char *name)
{
    static char path[512];
    snprintf(path, sizeof(path), "%s/%s", dir, name);
    return path;
}

static void put(const char *name, const char *text, mode_t mode)
{
    FILE *f = fopen(at(name), "w");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
    assert_int_equal(chmod(at(name), mode), 0);
}

static void assert_content(const char *name, const char *want)
{
    char buf[256];
    FILE *f = fopen(at(name), "r");
    size_t n;
    assert_non_null(f);
    n = fread(buf, 1, sizeof(buf) - 1, f);
    fclose(f);
    buf[n] = '\0';
    assert_string_equal(buf, want);
}

static mode_t mode_of(const char *name)
{
    struct stat st;
    assert_int_equal(stat(at(name), &st), 0);
    return st.st_mode & 07777;
}

/* Entries of the directory other than the names given (NULL-terminated). */
static int others(const char *const *names)
{
    DIR *d = opendir(dir);
    struct dirent *e;
    int n = 0;
    assert_non_null(d);
    while ((e = readdir(d)) != NULL) {
        size_t i;
        int known = !strcmp(e->d_name, ".") || !strcmp(e->d_name, "..");
        for (i = 0; names[i] && !known; i++)
            known = !strcmp(e->d_name, names[i]);
        n += !known;
    }
    closedir(d);
    return n;
}

static void test_new_file(void **state)
{
    mode_t old = umask(027);
    (void)state;
    assert_int_equal(al_write_atomic(at("new.txt"), "hello\n", 6, NULL, NULL, 0), 0);
    umask(old);
    assert_content("new.txt", "hello\n");
    assert_int_equal(mode_of("new.txt"), 0640);
    assert_int_equal(others((const char *const[]){ "new.txt", NULL }), 0);
    /* an empty write makes an empty file */
    assert_int_equal(al_write_atomic(at("new.txt"), "", 0, NULL, NULL, 0), 0);
    assert_content("new.txt", "");
}

static void test_keeps_mode(void **state)
{
    struct stat before, after;
    (void)state;
    put("a.md", "old", 0604);
    assert_int_equal(stat(at("a.md"), &before), 0);
    assert_int_equal(al_write_atomic(at("a.md"), "new", 3, NULL, NULL, 0), 0);
    assert_int_equal(stat(at("a.md"), &after), 0);
    assert_content("a.md", "new");
    assert_int_equal(mode_of("a.md"), 0604);
    assert_true(before.st_ino != after.st_ino); /* a new file, renamed over the old */
}

static void test_given_mode_and_prefix(void **state)
{
    static const al_atomic_options opts = { ".tool.", 0644 };
    char err[256] = "";
    (void)state;
    put("gen.c", "old", 0600);
    assert_int_equal(al_write_atomic(at("gen.c"), "int x;\n", 7, &opts, err, sizeof(err)), 0);
    assert_content("gen.c", "int x;\n");
    assert_int_equal(mode_of("gen.c"), 0644);
    assert_string_equal(err, "");
    assert_int_equal(others((const char *const[]){ "gen.c", NULL }), 0);
}

static void test_symlink_kept(void **state)
{
    struct stat st;
    (void)state;
    put("target.md", "old", 0640);
    assert_int_equal(symlink("target.md", at("link.md")), 0);
    assert_int_equal(al_write_atomic(at("link.md"), "new", 3, NULL, NULL, 0), 0);
    assert_int_equal(lstat(at("link.md"), &st), 0);
    assert_true(S_ISLNK(st.st_mode));
    assert_content("target.md", "new");
    assert_int_equal(mode_of("target.md"), 0640);
    assert_int_equal(others((const char *const[]){ "target.md", "link.md", NULL }), 0);
}

static void test_not_a_regular_file(void **state)
{
    char err[256] = "";
    (void)state;
    assert_int_equal(mkdir(at("d"), 0755), 0);
    errno = 0;
    assert_int_equal(al_write_atomic(at("d"), "x", 1, NULL, err, sizeof(err)), -1);
    assert_int_equal(errno, EINVAL);
    assert_non_null(strstr(err, "/d'"));
    assert_int_equal(others((const char *const[]){ "d", NULL }), 0);
}

static void test_rename_fails(void **state)
{
    static const al_atomic_options opts = { ".tool.", 0644 };
    char err[512] = "";
    (void)state;
    /* with a mode given, a non-empty directory in the way is met at the rename */
    assert_int_equal(mkdir(at("full"), 0755), 0);
    put("full/x", "keep", 0644);
    errno = 0;
    assert_int_equal(al_write_atomic(at("full"), "x", 1, &opts, err, sizeof(err)), -1);
    assert_true(errno == EISDIR || errno == ENOTEMPTY || errno == EEXIST);
    assert_non_null(strstr(err, "cannot rename '"));
    assert_non_null(strstr(err, "/.tool.full."));
    assert_int_equal(others((const char *const[]){ "full", NULL }), 0);
    assert_content("full/x", "keep");
}

static void test_no_directory(void **state)
{
    char err[512] = "";
    (void)state;
    errno = 0;
    assert_int_equal(al_write_atomic(at("missing/x.c"), "x", 1, NULL, err, sizeof(err)), -1);
    assert_int_equal(errno, ENOENT);
    assert_non_null(strstr(err, "cannot create a temporary file beside '"));
    /* ERR may be NULL: errno alone tells */
    errno = 0;
    assert_int_equal(al_write_atomic(at("missing/x.c"), "x", 1, NULL, NULL, 0), -1);
    assert_int_equal(errno, ENOENT);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_new_file, setup, teardown),
        cmocka_unit_test_setup_teardown(test_keeps_mode, setup, teardown),
        cmocka_unit_test_setup_teardown(test_given_mode_and_prefix, setup, teardown),
        cmocka_unit_test_setup_teardown(test_symlink_kept, setup, teardown),
        cmocka_unit_test_setup_teardown(test_not_a_regular_file, setup, teardown),
        cmocka_unit_test_setup_teardown(test_rename_fails, setup, teardown),
        cmocka_unit_test_setup_teardown(test_no_directory, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
