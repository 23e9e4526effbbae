/*
 * test_advisor_list.c - walking a comma-separated cloud list
 * (adv_list_next, validator/advisor/advisor.h).
 *
 * Items are trimmed, empty ones kept, any number of them (the old splitter
 * stopped at 32 and left the rest unchecked): 40 items are all returned at
 * their offsets, and the clouds of a long list are all parsed.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "advisor/advisor.h"

/* Walks LIST into "off:len" words joined by spaces, for a compact comparison. */
static void walk(const char *list, char *out, size_t n)
{
    size_t pos = 0, w = 0;
    adv_list_item it;
    out[0] = '\0';
    while (adv_list_next(list, &pos, &it) && w < n)
        w += (size_t)snprintf(out + w, n - w, "%s%zu:%zu", w ? " " : "", it.off, it.len);
}

static void test_items(void **state)
{
    char got[256];
    (void)state;
    walk("Public", got, sizeof(got));
    assert_string_equal(got, "0:6");
    walk(" Public , Fairfax,Mooncake ", got, sizeof(got));
    assert_string_equal(got, "1:6 10:7 18:8");
    walk("", got, sizeof(got));
    assert_string_equal(got, "0:0"); /* one empty item */
    walk("a,", got, sizeof(got));
    assert_string_equal(got, "0:1 2:0");
    walk(",,", got, sizeof(got));
    assert_string_equal(got, "0:0 1:0 2:0");
    walk(" \t ,\r\nx", got, sizeof(got));
    assert_string_equal(got, "3:0 6:1");
}

static void test_end_is_sticky(void **state)
{
    size_t pos = 0;
    adv_list_item it;
    (void)state;
    assert_int_equal(adv_list_next("x", &pos, &it), 1);
    assert_int_equal(pos, ADV_LIST_END);
    assert_int_equal(adv_list_next("x", &pos, &it), 0);
    assert_int_equal(adv_list_next("x", &pos, &it), 0);
}

static void test_forty_items(void **state)
{
    static const char *const names[] = { "Public", "Fairfax", "Mooncake", "USNat", "USSec" };
    char list[512];
    size_t w = 0, pos = 0, count = 0, i;
    adv_list_item it, last = { 0, 0 };
    (void)state;
    for (i = 0; i < 39; i++)
        w += (size_t)snprintf(list + w, sizeof(list) - w, "%s, ", names[i % 5]);
    snprintf(list + w, sizeof(list) - w, "Publik");
    while (adv_list_next(list, &pos, &it)) {
        count++;
        last = it;
    }
    assert_int_equal(count, 40);
    assert_int_equal(last.off, w);
    assert_int_equal(last.len, 6);
    assert_int_equal(adv_cloud_lookup(list + last.off, last.len, NULL), 0);
    /* a cloud named only at the 40th place is parsed too */
    w = 0;
    for (i = 0; i < 39; i++)
        w += (size_t)snprintf(list + w, sizeof(list) - w, "Public, ");
    snprintf(list + w, sizeof(list) - w, "usnat");
    assert_int_equal(adv_clouds_parse(list), ADV_CLOUD_PUBLIC | ADV_CLOUD_USNAT);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_items),
        cmocka_unit_test(test_end_is_sticky),
        cmocka_unit_test(test_forty_items),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
