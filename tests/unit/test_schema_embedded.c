/*
 * test_schema_embedded.c - the embedded AdvisorRecommendation schema is a
 * valid draft 2020-12 schema. advisor-lint compiles it without the
 * meta-schema check at start-up; this test is that check.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "jsonschema/jsonschema.h"
#include "lint/schema_load.h"

static void test_valid_against_metaschema(void **state)
{
    json_error_t jerr;
    json_t *doc = json_loadb(al_advisor_schema, al_advisor_schema_len, 0, &jerr);
    jsch_registry *reg = jsch_registry_new();
    jsch_error err;
    jsch_schema *s;
    (void)state;
    assert_non_null(doc);
    assert_non_null(reg);
    assert_int_equal(al_schema_register_formats(reg), 0);
    s = jsch_compile(reg, doc, NULL, JSCH_FORMAT_ASSERT, &err);
    if (!s)
        fail_msg("the embedded schema is invalid at '%s': %s", err.location, err.message);
    jsch_schema_free(s);
    jsch_registry_free(reg);
    json_decref(doc);
}

static void test_metaschema_check_still_catches_errors(void **state)
{
    /* the lazy meta-schemas are loaded when a check needs them */
    json_t *bad = json_pack("{s:s,s:i}", "$schema", "https://json-schema.org/draft/2020-12/schema",
                            "minLength", -1);
    jsch_registry *reg = jsch_registry_new();
    jsch_error err;
    (void)state;
    assert_null(jsch_compile(reg, bad, NULL, 0, &err));
    assert_non_null(strstr(err.location, "minLength"));
    jsch_registry_free(reg);
    json_decref(bad);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_valid_against_metaschema),
        cmocka_unit_test(test_metaschema_check_still_catches_errors),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
