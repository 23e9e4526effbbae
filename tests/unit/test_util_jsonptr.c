/*
 * test_util_jsonptr.c - JSON pointer token escaping (validator/util/jsonptr.h).
 *
 * Escaping into a growing buffer and into a fixed one (where it must stop
 * rather than split "~0" or overflow), unescaping with the snprintf-style
 * length, in place, and the round trip of keys holding '~' and '/'.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "util/jsonptr.h"

static void test_append(void **state)
{
    char *buf = NULL;
    size_t cap = 0, len = 0;
    (void)state;
    assert_int_equal(al_jsonptr_append(&buf, &cap, &len, "a/b", 3), 0);
    assert_string_equal(buf, "/a~1b");
    assert_int_equal(len, 5);
    assert_int_equal(al_jsonptr_append(&buf, &cap, &len, "~x~", 3), 0);
    assert_string_equal(buf, "/a~1b/~0x~0");
    assert_int_equal(al_jsonptr_append(&buf, &cap, &len, "", 0), 0);
    assert_string_equal(buf, "/a~1b/~0x~0/");
    assert_int_equal(len, strlen(buf));
    assert_true(cap >= len + 1);
    free(buf);
}

/* A key long enough to grow the buffer several times, every byte escaped. */
static void test_append_grows(void **state)
{
    char key[1000], *buf = NULL;
    size_t cap = 0, len = 0, i;
    (void)state;
    for (i = 0; i < sizeof(key); i++)
        key[i] = i % 2 ? '/' : '~';
    assert_int_equal(al_jsonptr_append(&buf, &cap, &len, key, sizeof(key)), 0);
    assert_int_equal(len, 1 + 2 * sizeof(key));
    assert_int_equal(strlen(buf), len);
    assert_memory_equal(buf, "/~0~1~0~1", 9);
    assert_memory_equal(buf + len - 4, "~0~1", 4);
    free(buf);
}

static void test_put(void **state)
{
    char out[16];
    (void)state;
    memcpy(out, "/base", 6);
    assert_int_equal(al_jsonptr_put(out, sizeof(out), 5, "k/~"), 11);
    assert_string_equal(out, "/base/k~1~0");
    /* exactly room for "/abc" and the NUL */
    memcpy(out, "/x", 3);
    assert_int_equal(al_jsonptr_put(out, 7, 2, "abc"), 6);
    assert_string_equal(out, "/x/abc");
    /* room for "/ab" and the NUL, not for the escape that follows: it is not split, N says so */
    assert_int_equal(al_jsonptr_put(out, 6, 2, "ab/c"), 6);
    assert_string_equal(out, "/x/ab");
    assert_int_equal(al_jsonptr_put(out, 6, 2, "abcdef"), 6);
    assert_string_equal(out, "/x/ab");
    /* no room even for the '/' */
    memcpy(out, "/xyz", 5);
    assert_int_equal(al_jsonptr_put(out, 5, 4, "k"), 5);
    assert_string_equal(out, "/xyz");
}

static void test_unescape(void **state)
{
    char out[32];
    size_t n;
    (void)state;
    n = al_jsonptr_unescape("a~1b~0c", 7, out, sizeof(out));
    assert_int_equal(n, 5);
    assert_memory_equal(out, "a/b~c", 5);
    /* "~01" is "~" then "1", not "/" */
    n = al_jsonptr_unescape("~01", 3, out, sizeof(out));
    assert_int_equal(n, 2);
    assert_memory_equal(out, "~1", 2);
    /* a '~' followed by anything else, or ending the token, is kept */
    n = al_jsonptr_unescape("~2x~", 4, out, sizeof(out));
    assert_int_equal(n, 4);
    assert_memory_equal(out, "~2x~", 4);
    assert_int_equal(al_jsonptr_unescape("", 0, out, sizeof(out)), 0);
}

static void test_unescape_bounded_and_in_place(void **state)
{
    char out[4], tok[] = "x~1y~0z";
    size_t n;
    (void)state;
    memset(out, '#', sizeof(out));
    n = al_jsonptr_unescape("ab~1cdef", 8, out, 3);
    assert_int_equal(n, 7);              /* the whole length, as snprintf */
    assert_memory_equal(out, "ab/#", 4); /* only CAP bytes written */
    n = al_jsonptr_unescape(tok, 7, tok, 7);
    assert_int_equal(n, 5);
    assert_memory_equal(tok, "x/y~z", 5);
}

/* Keys with every awkward byte come back as they were. */
static void test_round_trip(void **state)
{
    static const char *const keys[] = { "", "~", "/", "~0", "~1", "a/b~c", "//~~", "plain" };
    size_t i;
    (void)state;
    for (i = 0; i < sizeof(keys) / sizeof(keys[0]); i++) {
        char *buf = NULL, back[16];
        size_t cap = 0, len = 0, n, k = strlen(keys[i]);
        assert_int_equal(al_jsonptr_append(&buf, &cap, &len, keys[i], k), 0);
        assert_int_equal(buf[0], '/');
        n = al_jsonptr_unescape(buf + 1, len - 1, back, sizeof(back));
        assert_int_equal(n, k);
        assert_memory_equal(back, keys[i], k);
        free(buf);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_append),
        cmocka_unit_test(test_append_grows),
        cmocka_unit_test(test_put),
        cmocka_unit_test(test_unescape),
        cmocka_unit_test(test_unescape_bounded_and_in_place),
        cmocka_unit_test(test_round_trip),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
