/*
 * test_schema_issues.c - one defect, one schema finding (lint/schema_issues.h).
 *
 * Validates small instances against small schemas with the real engine and
 * checks which issues al_schema_issues_keep keeps: at one place, only the
 * most precise value assertion; issues at other places, and issues of
 * keywords about members (required, additionalProperties), all stay.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <jansson.h>
#include <stdio.h>
#include <string.h>

#include "jsonschema/jsonschema.h"
#include "lint/schema_issues.h"

/*
 * Validates INSTANCE against SCHEMA (format asserted) and writes the kept
 * issues as "location keyword;" into OUT. Returns how many issues there were.
 */
static size_t kept(const char *schema, const char *instance, char *out, size_t n)
{
    jsch_registry *reg = jsch_registry_new();
    json_t *s = json_loads(schema, 0, NULL), *inst = json_loads(instance, JSON_DECODE_ANY, NULL);
    jsch_error err;
    jsch_schema *sc;
    jsch_result *res = jsch_result_new();
    unsigned char keep[64];
    size_t i, w = 0, count;

    assert_non_null(s);
    assert_non_null(inst);
    sc = jsch_compile(reg, s, NULL, JSCH_FORMAT_ASSERT, &err);
    if (!sc)
        fail_msg("compile: %s", err.message);
    jsch_validate(sc, inst, res);
    count = jsch_result_count(res);
    assert_true(count <= sizeof(keep));
    assert_int_equal(al_schema_issues_keep(res, keep), 0);
    out[0] = '\0';
    for (i = 0; i < count; i++) {
        const jsch_issue *is = jsch_result_get(res, i);
        if (keep[i])
            w += (size_t)snprintf(out + w, n - w, "%s %s;", is->instance_location, is->keyword);
    }
    jsch_result_free(res);
    jsch_schema_free(sc);
    json_decref(s);
    json_decref(inst);
    jsch_registry_free(reg);
    return count;
}

static void test_format_over_pattern(void **state)
{
    char out[512];
    (void)state;
    /* the owner e-mail of the embedded schema: format and pattern both fail */
    assert_int_equal(
        kept("{\"properties\": {\"email\": {\"type\": \"string\", \"format\": \"email\","
             " \"minLength\": 1, \"pattern\": \"^[^@\\\\s]+@[^@\\\\s]+\\\\.[^@\\\\s]+$\"}}}",
             "{\"email\": \"ExRPM at microsoft\"}", out, sizeof(out)),
        2);
    assert_string_equal(out, "/email format;");
}

static void test_enum_over_type(void **state)
{
    char out[512];
    (void)state;
    assert_int_equal(
        kept(
            "{\"properties\": {\"impact\": {\"type\": \"string\", \"enum\": [\"High\", \"Low\"]}}}",
            "{\"impact\": 5}", out, sizeof(out)),
        2);
    assert_string_equal(out, "/impact enum;");
}

static void test_length_over_pattern(void **state)
{
    char out[512];
    (void)state;
    assert_int_equal(kept("{\"properties\": {\"a\": {\"minLength\": 1, \"pattern\": \"^x\"}}}",
                          "{\"a\": \"\"}", out, sizeof(out)),
                     2);
    assert_string_equal(out, "/a minLength;");
}

static void test_other_places_and_keywords_stay(void **state)
{
    char out[512];
    (void)state;
    /* two values each failing two assertions, a missing member and an extra one */
    assert_int_equal(
        kept(
            "{\"type\": \"object\", \"required\": [\"x\", \"y\"], \"additionalProperties\": false,"
            " \"properties\": {\"a\": {\"type\": \"string\", \"pattern\": \"^x\", \"maxLength\": 1},"
            " \"b\": {\"type\": \"integer\", \"minimum\": 3, \"multipleOf\": 2}}}",
            "{\"a\": \"yy\", \"b\": 1, \"c\": 0}", out, sizeof(out)),
        7);
    /* at /a maxLength beats pattern (and type holds); at /b multipleOf beats minimum; both
       missing members are reported (same keyword, same place), and the extra member */
    assert_string_equal(out,
                        " required; required;/a maxLength;/b multipleOf;/c additionalProperties;");
}

static void test_one_issue_kept(void **state)
{
    char out[512];
    (void)state;
    assert_int_equal(kept("{\"type\": \"string\"}", "1", out, sizeof(out)), 1);
    assert_string_equal(out, " type;");
    assert_int_equal(kept("{\"type\": \"string\"}", "\"a\"", out, sizeof(out)), 0);
    assert_string_equal(out, "");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_format_over_pattern),
        cmocka_unit_test(test_enum_over_type),
        cmocka_unit_test(test_length_over_pattern),
        cmocka_unit_test(test_other_places_and_keywords_stay),
        cmocka_unit_test(test_one_issue_kept),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
