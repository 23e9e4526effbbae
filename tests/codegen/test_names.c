/*
 * test_names.c - unit tests of cg_identifier and cg_names_claim: friendly
 * names become valid, non-reserved, unique C identifiers that always fit
 * their buffer with a terminator, and names that would leave OUT are refused.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "names.h"

static void expect_ident(const char *name, size_t n, const char *want)
{
    char out[256];
    assert_true(n <= sizeof(out));
    memset(out, 'X', sizeof(out));
    assert_int_equal(cg_identifier(name, strlen(name), out, n), 0);
    assert_true(memchr(out, '\0', n) != NULL); /* terminated inside the buffer */
    assert_string_equal(out, want);
}

static void test_words(void **state)
{
    (void)state;
    expect_ident("Right-size ADX cluster", 128, "right_size_adx_cluster");
    expect_ident("ExpressRouteGatewayRedundancy", 128, "express_route_gateway_redundancy");
    expect_ident("ADXCluster", 128, "adx_cluster");
    expect_ident("--", 128, "unnamed");
}

static void test_reserved(void **state)
{
    (void)state;
    expect_ident("int", 128, "int_");
    expect_ident("Static", 128, "static_");
    expect_ident("2 factor auth", 128, "r_2_factor_auth");
}

/* A leading digit when the buffer is full: "r_" goes in front, the end gives way. */
static void test_digit_at_capacity(void **state)
{
    (void)state;
    expect_ident("1abc def", 8, "r_1abc");
    expect_ident("1abcdefgh", 8, "r_1abcd");
    expect_ident("9 x y z w", 8, "r_9_x_y");
}

static void test_keyword_at_capacity(void **state)
{
    (void)state;
    /* words stop 3 bytes before the end, so a keyword's suffix always fits */
    expect_ident("double", 8, "doubl");
    expect_ident("while", 8, "while_");
}

static void test_escape_refused(void **state)
{
    char out[64];
    (void)state;
    assert_int_equal(cg_identifier("../x", 4, out, sizeof(out)), -1);
    assert_int_equal(cg_identifier("/etc", 4, out, sizeof(out)), -1);
    assert_int_equal(cg_identifier("a/../b", 6, out, sizeof(out)), -1);
    assert_int_equal(cg_identifier("x", 1, out, 7), -1); /* N below 8 */
}

static void test_claim_unique(void **state)
{
    cg_names set;
    char a[32] = "rule", b[32] = "rule", c[32] = "rule";
    (void)state;
    cg_names_init(&set);
    assert_int_equal(cg_names_claim(&set, a, sizeof(a)), 0);
    assert_int_equal(cg_names_claim(&set, b, sizeof(b)), 0);
    assert_int_equal(cg_names_claim(&set, c, sizeof(c)), 0);
    assert_string_equal(a, "rule");
    assert_string_equal(b, "rule_2");
    assert_string_equal(c, "rule_3");
    cg_names_release(&set);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_words),
        cmocka_unit_test(test_reserved),
        cmocka_unit_test(test_digit_at_capacity),
        cmocka_unit_test(test_keyword_at_capacity),
        cmocka_unit_test(test_escape_refused),
        cmocka_unit_test(test_claim_unique),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
