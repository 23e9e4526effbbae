/*
 * test_util_grow_str.c - al_grow (validator/util/grow.h) and
 * al_strdup_or_null (validator/util/str.h).
 *
 * al_grow: doubling from FIRST, no change when there is room, the old
 * elements kept, and a size that would overflow refused with the array
 * unchanged. al_strdup_or_null: a copy, and NULL for NULL.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "util/grow.h"
#include "util/str.h"

static void test_grow_doubles(void **state)
{
    int *a = NULL;
    size_t cap = 0, i;
    (void)state;
    assert_int_equal(al_grow(&a, &cap, 1, sizeof(*a), 8), 0);
    assert_int_equal(cap, 8);
    for (i = 0; i < 8; i++)
        a[i] = (int)i;
    assert_int_equal(al_grow(&a, &cap, 8, sizeof(*a), 8), 0); /* room already */
    assert_int_equal(cap, 8);
    assert_int_equal(al_grow(&a, &cap, 9, sizeof(*a), 8), 0);
    assert_int_equal(cap, 16);
    assert_int_equal(al_grow(&a, &cap, 100, sizeof(*a), 8), 0);
    assert_int_equal(cap, 128);
    for (i = 0; i < 8; i++)
        assert_int_equal(a[i], (int)i);
    free(a);
}

static void test_grow_overflow(void **state)
{
    char *a = NULL;
    size_t cap = 0;
    (void)state;
    assert_int_equal(al_grow(&a, &cap, 4, 1, 4), 0);
    memcpy(a, "abc", 4);
    assert_int_equal(al_grow(&a, &cap, SIZE_MAX / 2 + 2, 1, 4), -1);
    assert_int_equal(cap, 4);
    assert_string_equal(a, "abc");
    free(a);
}

static void test_strdup_or_null(void **state)
{
    char *d;
    (void)state;
    assert_null(al_strdup_or_null(NULL));
    d = al_strdup_or_null("x y");
    assert_non_null(d);
    assert_string_equal(d, "x y");
    free(d);
    d = al_strdup_or_null("");
    assert_non_null(d);
    assert_string_equal(d, "");
    free(d);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_grow_doubles),
        cmocka_unit_test(test_grow_overflow),
        cmocka_unit_test(test_strdup_or_null),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
