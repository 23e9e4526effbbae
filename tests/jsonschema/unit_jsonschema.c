/*
 * unit_jsonschema.c - cmocka tests of the jsonschema library's behaviour
 * beyond the conformance suite: error locations and messages, error
 * collection, compile errors for invalid schemas, hostile schemas and
 * instances (reference loops, catastrophic regexes, deep nesting), custom
 * formats, prefix-mapped references and concurrent validation.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "jsonschema.h"

static json_t *parse(const char *text)
{
    json_error_t jerr;
    json_t *v = json_loads(text, JSON_DECODE_ANY, &jerr);
    if (!v)
        fail_msg("bad test JSON: %s: %s", text, jerr.text);
    return v;
}

typedef struct fixture {
    jsch_registry *reg;
    jsch_schema *schema;
    jsch_result *res;
} fixture;

static int setup(void **state)
{
    fixture *f = calloc(1, sizeof *f);
    f->reg = jsch_registry_new();
    f->res = jsch_result_new();
    assert_non_null(f->reg);
    assert_non_null(f->res);
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    fixture *f = *state;
    jsch_schema_free(f->schema);
    jsch_result_free(f->res);
    jsch_registry_free(f->reg);
    free(f);
    return 0;
}

static void compile(fixture *f, const char *schema, unsigned flags)
{
    json_t *s = parse(schema);
    jsch_error err;
    jsch_schema_free(f->schema);
    f->schema = jsch_compile(f->reg, s, NULL, flags, &err);
    json_decref(s);
    if (!f->schema)
        fail_msg("compile failed at %s: %s", err.location, err.message);
}

/* Validates instance; returns the number of errors. */
static size_t check(fixture *f, const char *instance)
{
    json_t *i = parse(instance);
    jsch_result_clear(f->res);
    bool ok = jsch_validate(f->schema, i, f->res);
    json_decref(i);
    assert_int_equal(ok, jsch_result_count(f->res) == 0);
    return jsch_result_count(f->res);
}

static void expect_issue(fixture *f, size_t i, const char *iloc, const char *kloc, const char *kw,
                         const char *msg)
{
    const jsch_issue *is = jsch_result_get(f->res, i);
    assert_non_null(is);
    assert_string_equal(is->instance_location, iloc);
    assert_string_equal(is->keyword_location, kloc);
    assert_string_equal(is->keyword, kw);
    assert_string_equal(is->message, msg);
}

static void expect_compile_error(fixture *f, const char *schema, unsigned flags,
                                 const char *location, const char *needle)
{
    json_t *s = parse(schema);
    jsch_error err;
    jsch_schema *c = jsch_compile(f->reg, s, NULL, flags, &err);
    json_decref(s);
    if (c) {
        jsch_schema_free(c);
        fail_msg("schema %s compiled", schema);
    }
    if (location)
        assert_string_equal(err.location, location);
    if (!strstr(err.message, needle))
        fail_msg("message \"%s\" lacks \"%s\"", err.message, needle);
}

/* ---- messages and locations ---- */

static void test_enum(void **state)
{
    fixture *f = *state;
    compile(f,
            "{\"properties\": {\"kind\": {\"enum\": [\"Blade\", \"ContextBlade\", \"Document\"]}}}",
            0);
    assert_int_equal(check(f, "{\"kind\": \"Blade\"}"), 0);
    assert_int_equal(check(f, "{\"kind\": \"Bladee\"}"), 1);
    expect_issue(f, 0, "/kind", "/properties/kind/enum", "enum",
                 "expected one of \"Blade\", \"ContextBlade\", \"Document\", got \"Bladee\"");
    const jsch_issue *is = jsch_result_get(f->res, 0);
    assert_string_equal(is->absolute_location, "urn:jsch:anonymous-schema#/properties/kind/enum");
}

static void test_required_and_type(void **state)
{
    fixture *f = *state;
    compile(f,
            "{\"required\": [\"actionId\", \"kind\"], \"properties\": {\"kind\": {\"type\": "
            "\"string\"}}}",
            0);
    assert_int_equal(check(f, "{\"kind\": 3}"), 2);
    expect_issue(f, 0, "", "/required", "required", "missing required property \"actionId\"");
    expect_issue(f, 1, "/kind", "/properties/kind/type", "type", "expected string, got number");
    assert_int_equal(check(f, "[]"), 0); /* required only applies to objects */
}

static void test_additional_properties(void **state)
{
    fixture *f = *state;
    compile(f, "{\"properties\": {\"a\": true}, \"additionalProperties\": false}", 0);
    assert_int_equal(check(f, "{\"a\": 1, \"foo\": 2, \"x/y~\": 3}"), 2);
    expect_issue(f, 0, "/foo", "/additionalProperties", "additionalProperties",
                 "additional property \"foo\" is not allowed");
    expect_issue(f, 1, "/x~1y~0", "/additionalProperties", "additionalProperties",
                 "additional property \"x/y~\" is not allowed");
}

static void test_pattern(void **state)
{
    fixture *f = *state;
    compile(f, "{\"pattern\": \"^[0-9]+$\"}", 0);
    assert_int_equal(check(f, "\"123\""), 0);
    assert_int_equal(check(f, "\"abc\""), 1);
    expect_issue(f, 0, "", "/pattern", "pattern", "\"abc\" does not match pattern \"^[0-9]+$\"");
    assert_int_equal(check(f, "\"123\\n\""), 1); /* ECMA $: no match before a final newline */
    compile(f, "{\"pattern\": \"^\\\\d$\"}", 0);
    assert_int_equal(check(f, "\"\\u0660\""), 1); /* ECMA \\d is ASCII only */
}

static void test_length_counts_code_points(void **state)
{
    fixture *f = *state;
    compile(f, "{\"minLength\": 3, \"maxLength\": 3}", 0);
    assert_int_equal(check(f, "\"\\u00e9\\u00e9\\u00e9\""), 0); /* 6 bytes, 3 characters */
    assert_int_equal(check(f, "\"\\ud83d\\ude00\\u00e9\""), 1); /* 2 characters */
    expect_issue(f, 0, "", "/minLength", "minLength",
                 "\"\xf0\x9f\x98\x80\xc3\xa9\" is shorter than 3 characters");
}

static void test_nested_arrays_and_ref(void **state)
{
    fixture *f = *state;
    compile(f,
            "{\"items\": {\"items\": {\"$ref\": \"#/$defs/int\"}}, \"$defs\": {\"int\": {\"type\": "
            "\"integer\"}}}",
            0);
    assert_int_equal(check(f, "[[1], [2, \"x\", 3.5], [4.0]]"), 2);
    expect_issue(f, 0, "/1/1", "/items/items/$ref/type", "type", "expected integer, got string");
    expect_issue(f, 1, "/1/2", "/items/items/$ref/type", "type",
                 "expected integer, got non-integer number");
    const jsch_issue *is = jsch_result_get(f->res, 0);
    assert_string_equal(is->absolute_location, "urn:jsch:anonymous-schema#/$defs/int/type");
}

static void test_combinators(void **state)
{
    fixture *f = *state;
    compile(f, "{\"anyOf\": [{\"type\": \"string\"}, {\"required\": [\"id\"]}]}", 0);
    assert_int_equal(check(f, "\"s\""), 0);
    assert_int_equal(check(f, "{}"), 1);
    expect_issue(f, 0, "", "/anyOf", "anyOf",
                 "value does not match any alternative of \"anyOf\" (0: expected string, got "
                 "object; 1: missing required property \"id\")");
    compile(f, "{\"oneOf\": [{\"type\": \"integer\"}, {\"minimum\": 2}]}", 0);
    assert_int_equal(check(f, "1"), 0);
    assert_int_equal(check(f, "3"), 1);
    expect_issue(f, 0, "", "/oneOf", "oneOf",
                 "value matches more than one alternative of \"oneOf\" (0 and 1)");
    compile(f, "{\"not\": {\"type\": \"string\"}}", 0);
    assert_int_equal(check(f, "1"), 0); /* the inner failure does not leak */
    assert_int_equal(check(f, "\"a\""), 1);
    expect_issue(f, 0, "", "/not", "not", "value must not match the \"not\" schema");
    compile(f,
            "{\"if\": {\"properties\": {\"a\": {\"const\": 1}}}, \"then\": {\"required\": "
            "[\"b\"]}, \"else\": false}",
            0);
    assert_int_equal(check(f, "{\"a\": 1}"), 1);
    expect_issue(f, 0, "", "/then/required", "required", "missing required property \"b\"");
    assert_int_equal(check(f, "{\"a\": 1, \"b\": 0}"), 0);
}

static void test_unevaluated(void **state)
{
    fixture *f = *state;
    compile(f, "{\"allOf\": [{\"properties\": {\"a\": true}}], \"unevaluatedProperties\": false}",
            0);
    assert_int_equal(check(f, "{\"a\": 1}"), 0);
    assert_int_equal(check(f, "{\"a\": 1, \"b\": 2}"), 1);
    expect_issue(f, 0, "/b", "/unevaluatedProperties", "unevaluatedProperties",
                 "unevaluated property \"b\" is not allowed");
}

static void test_collects_all_errors(void **state)
{
    fixture *f = *state;
    compile(
        f,
        "{\"type\": \"object\", \"required\": [\"a\"], \"properties\": {\"b\": {\"maximum\": 3}, "
        "\"c\": {\"items\": {\"type\": \"string\"}, \"uniqueItems\": true}}, \"minProperties\": 5}",
        0);
    assert_int_equal(check(f, "{\"b\": 4, \"c\": [1, \"x\", \"x\"]}"), 5);
    expect_issue(f, 0, "", "/minProperties", "minProperties",
                 "object has 2 properties, fewer than the minimum of 5");
    expect_issue(f, 1, "", "/required", "required", "missing required property \"a\"");
    expect_issue(f, 2, "/b", "/properties/b/maximum", "maximum",
                 "4 is greater than the maximum of 3");
    expect_issue(f, 3, "/c", "/properties/c/uniqueItems", "uniqueItems",
                 "array items 1 and 2 are equal, items must be unique");
    expect_issue(f, 4, "/c/0", "/properties/c/items/type", "type", "expected string, got number");
    /* without a result, validation just answers */
    json_t *i = parse("{\"b\": 4}");
    assert_false(jsch_validate(f->schema, i, NULL));
    json_decref(i);
}

static void test_numbers_by_value(void **state)
{
    fixture *f = *state;
    compile(f, "{\"enum\": [1, [2.0], {\"a\": 3}], \"type\": [\"integer\", \"array\", \"object\"]}",
            0);
    assert_int_equal(check(f, "1.0"), 0);
    assert_int_equal(check(f, "[2]"), 0);
    assert_int_equal(check(f, "{\"a\": 3.0}"), 0);
    assert_int_equal(check(f, "1.5"), 2);
}

/* ---- invalid schemas ---- */

static void test_invalid_schemas(void **state)
{
    fixture *f = *state;
    expect_compile_error(f, "{\"type\": 12}", 0, "/type", "schema is invalid");
    expect_compile_error(f, "{\"minLength\": -1}", 0, "/minLength", "schema is invalid");
    expect_compile_error(f, "{\"properties\": {\"a\": {\"required\": \"x\"}}}", 0,
                         "/properties/a/required", "expected array, got string");
    /* the same, without the meta-schema check: the compiler's own checks */
    expect_compile_error(f, "{\"type\": 12}", JSCH_NO_METASCHEMA, "/type", "\"type\" must be");
    expect_compile_error(f, "{\"type\": \"strin\"}", JSCH_NO_METASCHEMA, "/type",
                         "unknown type \"strin\"");
    expect_compile_error(f, "{\"minLength\": -1}", JSCH_NO_METASCHEMA, "/minLength",
                         "\"minLength\" must be a non-negative integer");
    expect_compile_error(f, "{\"pattern\": \"(\"}", 0, "/pattern",
                         "not a valid regular expression");
    expect_compile_error(f, "{\"pattern\": \"\\\\Aabc\"}", 0, "/pattern",
                         "\"\\A\" is not an ECMA-262 escape");
    expect_compile_error(f, "{\"pattern\": \"(?i)abc\"}", 0, "/pattern", "is not ECMA-262");
    expect_compile_error(f, "{\"allOf\": [1]}", JSCH_NO_METASCHEMA, "/allOf/0",
                         "must contain schemas");
    expect_compile_error(f, "{\"$ref\": \"#/nope\"}", 0, "/$ref", "cannot resolve \"#/nope\"");
    expect_compile_error(f, "{\"$ref\": \"#nope\"}", 0, "/$ref", "unknown anchor");
    expect_compile_error(f, "{\"$ref\": \"https://unknown.example/s.json\"}", 0, "/$ref",
                         "unknown schema \"https://unknown.example/s.json\"");
    expect_compile_error(f, "{\"$schema\": \"http://json-schema.org/draft-03/schema#\"}", 0,
                         "/$schema", "cannot use meta-schema");
    expect_compile_error(f, "12", 0, "", "must be an object or a boolean");
}

/* ---- dialects ---- */

#define D4 "\"$schema\": \"http://json-schema.org/draft-04/schema#\", "
#define D7 "\"$schema\": \"http://json-schema.org/draft-07/schema#\", "
#define D2019 "\"$schema\": \"https://json-schema.org/draft/2019-09/schema\", "

static void test_dialect_draft4(void **state)
{
    fixture *f = *state;
    /* boolean exclusiveMaximum makes "maximum" exclusive; "id" names an anchor */
    compile(f, "{" D4 "\"maximum\": 10, \"exclusiveMaximum\": true}", 0);
    assert_int_equal(check(f, "9"), 0);
    assert_int_equal(check(f, "10"), 1);
    expect_issue(f, 0, "", "/maximum", "maximum",
                 "10 is not less than the exclusive maximum of 10");
    compile(f,
            "{" D4
            "\"definitions\": {\"a\": {\"id\": \"#num\", \"type\": \"number\"}}, "
            "\"$ref\": \"#num\"}",
            0);
    assert_int_equal(check(f, "\"x\""), 1);
    /* a number is wrong for a draft-04 exclusiveMinimum: refused at load */
    expect_compile_error(f, "{" D4 "\"minimum\": 1, \"exclusiveMinimum\": 5}", 0,
                         "/exclusiveMinimum", "draft-04/schema");
}

static void test_dialect_ref_siblings(void **state)
{
    fixture *f = *state;
    const char *body =
        "\"definitions\": {\"i\": {\"type\": \"integer\"}}, "
        "\"properties\": {\"a\": {\"$ref\": \"#/definitions/i\", "
        "\"maximum\": 2}}}";
    char schema[512];
    /* draft-07: $ref overrides "maximum" beside it */
    snprintf(schema, sizeof schema, "{" D7 "%s", body);
    compile(f, schema, 0);
    assert_int_equal(check(f, "{\"a\": 3}"), 0);
    assert_int_equal(check(f, "{\"a\": \"x\"}"), 1);
    expect_issue(f, 0, "/a", "/properties/a/$ref/type", "type", "expected integer, got string");
    assert_string_equal(jsch_result_get(f->res, 0)->absolute_location,
                        "urn:jsch:anonymous-schema#/definitions/i/type");
    /* 2019-09: both apply */
    snprintf(schema, sizeof schema, "{" D2019 "%s", body);
    compile(f, schema, 0);
    assert_int_equal(check(f, "{\"a\": 3}"), 1);
}

static void test_dialect_items_dependencies(void **state)
{
    fixture *f = *state;
    compile(f, "{" D7 "\"items\": [{}, {}], \"additionalItems\": false}", 0);
    assert_int_equal(check(f, "[1, 2]"), 0);
    assert_int_equal(check(f, "[1, 2, 3]"), 1);
    expect_issue(f, 0, "", "/additionalItems", "additionalItems",
                 "array has 3 items, at most 2 are allowed");
    compile(f, "{" D7 "\"dependencies\": {\"a\": [\"b\"], \"c\": {\"required\": [\"d\"]}}}", 0);
    assert_int_equal(check(f, "{\"a\": 1, \"b\": 2, \"c\": 3, \"d\": 4}"), 0);
    assert_int_equal(check(f, "{\"a\": 1, \"c\": 3}"), 2);
    /* "const" is not a draft-04 keyword: ignored there */
    compile(f, "{" D4 "\"const\": 1}", 0);
    assert_int_equal(check(f, "2"), 0);
}

static void test_dialect_default(void **state)
{
    fixture *f = *state;
    jsch_error err;
    assert_int_equal(jsch_registry_set_default_dialect(f->reg, "http://example.com/s", &err), -1);
    assert_non_null(strstr(err.message, "unknown dialect"));
    assert_int_equal(jsch_registry_set_default_dialect(f->reg,
                                                       "http://json-schema.org/draft-06/schema#",
                                                       &err),
                     0);
    /* no "$schema": read as draft-06, where a schema-valued "items" applies to all */
    compile(f, "{\"items\": {\"type\": \"string\"}, \"additionalItems\": false}", 0);
    assert_int_equal(check(f, "[\"a\", \"b\"]"), 0);
    expect_compile_error(f, "{\"exclusiveMinimum\": true}", 0, "/exclusiveMinimum",
                         "draft-06/schema");
}

static void test_dialect_recursive_ref(void **state)
{
    fixture *f = *state;
    jsch_error err;
    /* the tree's nodes must follow the extension's rule (strings) through $recursiveRef */
    json_t *tree = parse("{" D2019
                         "\"$id\": \"http://example.com/tree\", "
                         "\"$recursiveAnchor\": true, \"type\": [\"object\", \"number\", "
                         "\"string\"], \"additionalProperties\": {\"$recursiveRef\": \"#\"}}");
    assert_int_equal(jsch_registry_add(f->reg, "http://example.com/tree", tree, &err), 0);
    json_decref(tree);
    compile(f,
            "{" D2019
            "\"$id\": \"http://example.com/strict\", \"$recursiveAnchor\": true, "
            "\"$ref\": \"tree\", \"additionalProperties\": {\"type\": [\"object\", "
            "\"string\"]}}",
            0);
    assert_int_equal(check(f, "{\"a\": {\"b\": \"x\"}}"), 0);
    assert_true(check(f, "{\"a\": {\"b\": 1}}") >= 1);
}

static void test_metaschema_offline(void **state)
{
    fixture *f = *state;
    compile(f, "{\"$ref\": \"https://json-schema.org/draft/2020-12/schema\"}", 0);
    assert_int_equal(check(f, "{\"type\": \"string\"}"), 0);
    assert_true(check(f, "{\"type\": 12}") >= 1);
}

/* ---- hostile input ---- */

static void test_ref_loop(void **state)
{
    fixture *f = *state;
    compile(f,
            "{\"$defs\": {\"a\": {\"$ref\": \"#/$defs/b\"}, \"b\": {\"$ref\": \"#/$defs/a\"}}, "
            "\"$ref\": \"#/$defs/a\"}",
            0);
    assert_int_equal(check(f, "1"), 1);
    const jsch_issue *is = jsch_result_get(f->res, 0);
    assert_non_null(strstr(is->message, "maximum depth"));
    /* under "not", the loop must not turn into success */
    compile(f, "{\"not\": {\"$ref\": \"#\"}}", 0);
    assert_int_equal(check(f, "1"), 1);
}

static void test_catastrophic_regex(void **state)
{
    fixture *f = *state;
    compile(f, "{\"pattern\": \"^(a+)+$\"}", 0);
    time_t start = time(NULL);
    assert_int_equal(check(f, "\"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!\""), 1);
    assert_true(time(NULL) - start < 10);
    const jsch_issue *is = jsch_result_get(f->res, 0);
    assert_non_null(strstr(is->message, "pattern match limit exceeded"));
}

static void test_deep_nesting(void **state)
{
    fixture *f = *state;
    /* a schema nested far too deep is a compile error */
    json_t *s = json_true();
    for (int i = 0; i < 5000; i++) {
        json_t *o = json_object();
        json_object_set_new(o, "items", s);
        s = o;
    }
    jsch_error err;
    jsch_schema *c = jsch_compile(f->reg, s, NULL, JSCH_NO_METASCHEMA, &err);
    assert_null(c);
    assert_non_null(strstr(err.message, "nesting"));
    c = jsch_compile(f->reg, s, NULL, 0, &err);
    assert_null(c);
    json_decref(s);
    /* a deep instance against a recursive schema is an error, not a crash */
    compile(f, "{\"items\": {\"$ref\": \"#\"}}", 0);
    json_t *inst = json_array();
    for (int i = 0; i < 5000; i++) {
        json_t *a = json_array();
        json_array_append_new(a, inst);
        inst = a;
    }
    jsch_result_clear(f->res);
    assert_false(jsch_validate(f->schema, inst, f->res));
    assert_int_equal(jsch_result_count(f->res), 1);
    assert_non_null(strstr(jsch_result_get(f->res, 0)->message, "maximum depth"));
    json_decref(inst);
}

static void test_combinatorial_blowup(void **state)
{
    fixture *f = *state;
    /* every level tries both failing branches: 2^depth evaluations */
    compile(f,
            "{\"minItems\": 1, \"anyOf\": [{\"items\": {\"$ref\": \"#\"}}, {\"items\": {\"$ref\": "
            "\"#\"}}]}",
            0);
    json_t *inst = json_array();
    for (int i = 0; i < 60; i++) {
        json_t *a = json_array();
        json_array_append_new(a, inst);
        inst = a;
    }
    jsch_result_clear(f->res);
    assert_false(jsch_validate(f->schema, inst, f->res));
    assert_int_equal(jsch_result_count(f->res), 1);
    assert_non_null(strstr(jsch_result_get(f->res, 0)->message, "too many steps"));
    json_decref(inst);
}

/* ---- host extensions ---- */

static bool check_timespan(const char *s, size_t len, void *ud)
{
    (*(int *)ud)++;
    return len == 8 && s[2] == ':' && s[5] == ':';
}

static void test_custom_format(void **state)
{
    fixture *f = *state;
    int calls = 0;
    jsch_error err;
    assert_int_equal(jsch_registry_add_format(f->reg, "timespan", check_timespan, &calls, &err), 0);
    compile(f, "{\"format\": \"timespan\"}", JSCH_FORMAT_ASSERT);
    assert_int_equal(check(f, "\"01:02:03\""), 0);
    assert_int_equal(check(f, "\"1h\""), 1);
    expect_issue(f, 0, "", "/format", "format", "\"1h\" is not a valid timespan");
    assert_int_equal(calls, 2);
    compile(f, "{\"format\": \"idn-hostname\"}", JSCH_FORMAT_ASSERT);
    assert_int_equal(check(f, "\"\xec\x8b\xa4\xeb\xa1\x80.\xed\x85\x8c\xec\x8a\xa4\xed\x8a\xb8\""),
                     0);
    assert_int_equal(check(f, "\"a..b\""), 1);
    compile(f, "{\"format\": \"uuid\"}", 0); /* annotation only by default */
    assert_int_equal(check(f, "\"nope\""), 0);
    compile(f, "{\"format\": \"uuid\"}", JSCH_FORMAT_ASSERT);
    assert_int_equal(check(f, "\"nope\""), 1);
    expect_issue(f, 0, "", "/format", "format", "\"nope\" is not a valid uuid");
}

static void test_map_prefix(void **state)
{
    fixture *f = *state;
    char dir[] = "/tmp/jsch-unit-XXXXXX";
    assert_non_null(mkdtemp(dir));
    char sub[64], path[96];
    snprintf(sub, sizeof sub, "%s/defs", dir);
    assert_int_equal(mkdir(sub, 0700), 0);
    snprintf(path, sizeof path, "%s/item.json", sub);
    FILE *fp = fopen(path, "w");
    assert_non_null(fp);
    fputs("{\"$defs\": {\"id\": {\"type\": \"string\", \"minLength\": 2}}}", fp);
    fclose(fp);
    jsch_error err;
    assert_int_equal(jsch_registry_map_prefix(f->reg, "http://example.com/schemas/", dir, &err), 0);
    compile(f,
            "{\"$id\": \"http://example.com/schemas/root.json\", \"properties\": {\"id\": "
            "{\"$ref\": \"defs/item.json#/$defs/id\"}}}",
            0);
    assert_int_equal(check(f, "{\"id\": \"ab\"}"), 0);
    assert_int_equal(check(f, "{\"id\": \"a\"}"), 1);
    expect_issue(f, 0, "/id", "/properties/id/$ref/minLength", "minLength",
                 "\"a\" is shorter than 2 characters");
    assert_string_equal(jsch_result_get(f->res, 0)->absolute_location,
                        "http://example.com/schemas/defs/item.json#/$defs/id/minLength");
    expect_compile_error(f, "{\"$ref\": \"http://example.com/schemas/missing.json\"}", 0, "/$ref",
                         "cannot load \"http://example.com/schemas/missing.json\"");
    unlink(path);
    rmdir(sub);
    rmdir(dir);
}

/* ---- threads ---- */

typedef struct job {
    const jsch_schema *schema;
    json_t *good, *bad;
    int mismatches;
} job;

static void *worker(void *arg)
{
    job *j = arg;
    jsch_result *res = jsch_result_new();
    for (int i = 0; i < 2000; i++) {
        jsch_result_clear(res);
        if (!jsch_validate(j->schema, j->good, res) || jsch_result_count(res) != 0)
            j->mismatches++;
        jsch_result_clear(res);
        if (jsch_validate(j->schema, j->bad, res) || jsch_result_count(res) != 3)
            j->mismatches++;
    }
    jsch_result_free(res);
    return NULL;
}

static void test_threads(void **state)
{
    fixture *f = *state;
    compile(f,
            "{\"type\": \"object\", \"required\": [\"id\"], \"properties\": {\"id\": {\"format\": "
            "\"uuid\"}, "
            "\"name\": {\"pattern\": \"^[A-Z][a-z]+$\"}, \"tags\": {\"items\": {\"$ref\": "
            "\"#/$defs/tag\"}}}, "
            "\"unevaluatedProperties\": false, \"$defs\": {\"tag\": {\"enum\": [\"a\", \"b\"]}}}",
            JSCH_FORMAT_ASSERT);
    json_t *good = parse(
        "{\"id\": \"2eb8aa08-aa98-11ea-b4aa-73b441d16380\", \"name\": \"Ana\", \"tags\": [\"a\"]}");
    json_t *bad = parse("{\"id\": \"x\", \"name\": \"ana\", \"tags\": [\"c\"]}");
    job jobs[4];
    pthread_t th[4];
    for (int i = 0; i < 4; i++) {
        jobs[i] = (job){ f->schema, good, bad, 0 };
        assert_int_equal(pthread_create(&th[i], NULL, worker, &jobs[i]), 0);
    }
    for (int i = 0; i < 4; i++) {
        pthread_join(th[i], NULL);
        assert_int_equal(jobs[i].mismatches, 0);
    }
    json_decref(good);
    json_decref(bad);
}

static void test_schema_outlives_registry(void **state)
{
    fixture *f = *state;
    compile(
        f,
        "{\"$ref\": \"https://json-schema.org/draft/2020-12/meta/validation#/$defs/simpleTypes\"}",
        0);
    jsch_registry_free(f->reg);
    f->reg = jsch_registry_new();
    assert_int_equal(check(f, "\"string\""), 0);
    assert_int_equal(check(f, "\"strin\""), 1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_enum, setup, teardown),
        cmocka_unit_test_setup_teardown(test_required_and_type, setup, teardown),
        cmocka_unit_test_setup_teardown(test_additional_properties, setup, teardown),
        cmocka_unit_test_setup_teardown(test_pattern, setup, teardown),
        cmocka_unit_test_setup_teardown(test_length_counts_code_points, setup, teardown),
        cmocka_unit_test_setup_teardown(test_nested_arrays_and_ref, setup, teardown),
        cmocka_unit_test_setup_teardown(test_combinators, setup, teardown),
        cmocka_unit_test_setup_teardown(test_unevaluated, setup, teardown),
        cmocka_unit_test_setup_teardown(test_collects_all_errors, setup, teardown),
        cmocka_unit_test_setup_teardown(test_numbers_by_value, setup, teardown),
        cmocka_unit_test_setup_teardown(test_invalid_schemas, setup, teardown),
        cmocka_unit_test_setup_teardown(test_metaschema_offline, setup, teardown),
        cmocka_unit_test_setup_teardown(test_ref_loop, setup, teardown),
        cmocka_unit_test_setup_teardown(test_catastrophic_regex, setup, teardown),
        cmocka_unit_test_setup_teardown(test_deep_nesting, setup, teardown),
        cmocka_unit_test_setup_teardown(test_combinatorial_blowup, setup, teardown),
        cmocka_unit_test_setup_teardown(test_custom_format, setup, teardown),
        cmocka_unit_test_setup_teardown(test_map_prefix, setup, teardown),
        cmocka_unit_test_setup_teardown(test_threads, setup, teardown),
        cmocka_unit_test_setup_teardown(test_schema_outlives_registry, setup, teardown),
        cmocka_unit_test_setup_teardown(test_dialect_draft4, setup, teardown),
        cmocka_unit_test_setup_teardown(test_dialect_ref_siblings, setup, teardown),
        cmocka_unit_test_setup_teardown(test_dialect_items_dependencies, setup, teardown),
        cmocka_unit_test_setup_teardown(test_dialect_default, setup, teardown),
        cmocka_unit_test_setup_teardown(test_dialect_recursive_ref, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
