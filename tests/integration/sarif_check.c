/*
 * sarif_check.c - checks advisor-lint's SARIF: what GitHub code scanning
 * needs, the results against a golden file, and the OASIS schema.
 *
 *     sarif_check structure SARIF GOLDEN   structure + results equal GOLDEN
 *     sarif_check schema SARIF SCHEMA      validate against the SARIF 2.1.0 schema
 *
 * The schema is draft-04 and the project's engine speaks draft 2020-12:
 * "$schema" is dropped (the engine refuses the draft-04 meta-schema) and
 * the root "id" becomes "$id"; the keywords the SARIF schema uses
 * (type, properties, items, required, enum, minimum, minItems,
 * uniqueItems, additionalProperties, anyOf, pattern, format, default and
 * $ref to #/definitions/...) mean the same in both drafts. As a check
 * that validation really happens, a copy of the SARIF with a bad level
 * and one without "version" must both fail. Exit 77 when SCHEMA is absent.
 */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "jsonschema/jsonschema.h"

static int fails;

static void check(int ok, const char *what, const char *where)
{
    if (!ok) {
        fprintf(stderr, "sarif_check: %s at %s\n", what, where);
        fails++;
    }
}

static int positive(json_t *o, const char *key)
{
    return json_is_integer(json_object_get(o, key)) &&
           json_integer_value(json_object_get(o, key)) >= 1;
}

static void check_rule(json_t *r, size_t i)
{
    char where[64];
    snprintf(where, sizeof(where), "rules[%zu]", i);
    check(json_is_string(json_object_get(r, "id")), "rule without id", where);
    check(json_is_string(json_object_get(json_object_get(r, "shortDescription"), "text")),
          "rule without shortDescription.text", where);
    check(json_is_string(json_object_get(json_object_get(r, "fullDescription"), "text")),
          "rule without fullDescription.text", where);
    check(json_is_string(json_object_get(json_object_get(r, "help"), "text")),
          "rule without help.text", where);
    check(json_is_string(json_object_get(json_object_get(r, "defaultConfiguration"), "level")),
          "rule without defaultConfiguration.level", where);
}

static void check_result(json_t *res, json_t *rules, size_t i)
{
    char where[64];
    json_t *loc =
        json_object_get(json_array_get(json_object_get(res, "locations"), 0), "physicalLocation");
    json_t *region = json_object_get(loc, "region");
    const char *uri =
        json_string_value(json_object_get(json_object_get(loc, "artifactLocation"), "uri"));
    json_t *rule =
        json_array_get(rules, (size_t)json_integer_value(json_object_get(res, "ruleIndex")));
    snprintf(where, sizeof(where), "results[%zu]", i);
    check(json_is_string(json_object_get(res, "ruleId")), "result without ruleId", where);
    check(rule && json_equal(json_object_get(rule, "id"), json_object_get(res, "ruleId")),
          "ruleIndex does not name ruleId", where);
    check(json_is_string(json_object_get(res, "level")), "result without level", where);
    check(json_is_string(json_object_get(json_object_get(res, "message"), "text")),
          "result without message.text", where);
    check(uri && uri[0] != '/' && strncmp(uri, "./", 2) != 0 && !strstr(uri, "://"),
          "artifactLocation.uri is not repository-relative", where);
    check(positive(region, "startLine") && positive(region, "startColumn") &&
              positive(region, "endLine") && positive(region, "endColumn"),
          "region lacks 1-based startLine, startColumn, endLine, endColumn", where);
}

static int structure(json_t *sarif, const char *golden)
{
    json_t *run = json_array_get(json_object_get(sarif, "runs"), 0);
    json_t *driver = json_object_get(json_object_get(run, "tool"), "driver");
    json_t *rules = json_object_get(driver, "rules"), *results = json_object_get(run, "results");
    json_t *want;
    json_error_t je;
    size_t i;
    char *got_text, *want_text;

    const char *version = json_string_value(json_object_get(sarif, "version"));

    check(version && !strcmp(version, "2.1.0"), "version is not 2.1.0", "/");
    check(json_is_string(json_object_get(driver, "name")) &&
              json_is_string(json_object_get(driver, "version")) &&
              json_is_string(json_object_get(driver, "informationUri")),
          "driver lacks name, version or informationUri", "tool.driver");
    check(json_array_size(rules) > 30, "fewer rules than the registry has", "tool.driver.rules");
    for (i = 0; i < json_array_size(rules); i++)
        check_rule(json_array_get(rules, i), i);
    check(json_array_size(results) > 0, "no results (the fixtures have findings)", "results");
    for (i = 0; i < json_array_size(results); i++)
        check_result(json_array_get(results, i), rules, i);
    want = json_load_file(golden, 0, &je);
    if (!want) {
        fprintf(stderr, "sarif_check: '%s': %s\n", golden, je.text);
        return 1;
    }
    got_text = json_dumps(results, JSON_INDENT(2) | JSON_SORT_KEYS);
    want_text = json_dumps(want, JSON_INDENT(2) | JSON_SORT_KEYS);
    if (!got_text || !want_text || strcmp(got_text, want_text) != 0) {
        fprintf(stderr, "sarif_check: results differ from %s; got:\n%s\n", golden,
                got_text ? got_text : "(null)");
        fails++;
    }
    free(got_text);
    free(want_text);
    json_decref(want);
    return fails ? 1 : 0;
}

static jsch_schema *compile_sarif_schema(const char *path)
{
    json_error_t je;
    jsch_error err;
    jsch_registry *reg;
    jsch_schema *s;
    json_t *doc = json_load_file(path, 0, &je);
    json_t *id;
    if (!doc) {
        fprintf(stderr, "sarif_check: '%s': %s\n", path, je.text);
        return NULL;
    }
    json_object_del(doc, "$schema");
    id = json_object_get(doc, "id");
    if (json_is_string(id)) {
        json_object_set(doc, "$id", id);
        json_object_del(doc, "id");
    }
    reg = jsch_registry_new();
    s = reg ? jsch_compile(reg, doc, NULL, JSCH_FORMAT_ASSERT | JSCH_NO_METASCHEMA, &err) : NULL;
    if (!s)
        fprintf(stderr, "sarif_check: cannot compile the SARIF schema: %s at %s\n",
                reg ? err.message : "out of memory", reg ? err.location : "");
    jsch_registry_free(reg);
    json_decref(doc);
    return s;
}

static int validate(const jsch_schema *s, json_t *sarif, const char *name)
{
    jsch_result *res = jsch_result_new();
    size_t i;
    int ok = jsch_validate(s, sarif, res);
    for (i = 0; !ok && i < jsch_result_count(res) && i < 20; i++) {
        const jsch_issue *is = jsch_result_get(res, i);
        fprintf(stderr, "%s: %s: %s\n", name, is->instance_location, is->message);
    }
    jsch_result_free(res);
    return ok;
}

static int schema(json_t *sarif, const char *path)
{
    jsch_schema *s;
    json_t *bad;
    int rc = 0;
    if (access(path, R_OK) != 0) {
        printf("skipped: the SARIF schema '%s' is absent\n", path);
        return 77;
    }
    s = compile_sarif_schema(path);
    if (!s)
        return 1;
    if (!validate(s, sarif, "advisor-lint's SARIF")) {
        fprintf(stderr, "sarif_check: the SARIF does not validate\n");
        rc = 1;
    }
    bad = json_deep_copy(sarif);
    json_object_set_new(json_array_get(json_object_get(json_array_get(json_object_get(bad, "runs"),
                                                                      0),
                                                       "results"),
                                       0),
                        "level", json_string("fatal"));
    if (validate(s, bad, "(expected) bad level")) {
        fprintf(stderr,
                "sarif_check: a result with level \"fatal\" validates: the check checks nothing\n");
        rc = 1;
    }
    json_decref(bad);
    bad = json_deep_copy(sarif);
    json_object_del(bad, "version");
    if (validate(s, bad, "(expected) no version")) {
        fprintf(stderr, "sarif_check: a log without \"version\" validates\n");
        rc = 1;
    }
    json_decref(bad);
    jsch_schema_free(s);
    if (rc == 0)
        printf("SARIF validates against %s\n", path);
    return rc;
}

int main(int argc, char **argv)
{
    json_error_t je;
    json_t *sarif;
    int rc;
    if (argc != 4) {
        fprintf(stderr, "usage: sarif_check structure|schema SARIF GOLDEN|SCHEMA\n");
        return 2;
    }
    sarif = json_load_file(argv[2], 0, &je);
    if (!sarif) {
        fprintf(stderr, "sarif_check: '%s' is not JSON: %s (line %d)\n", argv[2], je.text, je.line);
        return 1;
    }
    rc = !strcmp(argv[1], "schema") ? schema(sarif, argv[3]) : structure(sarif, argv[3]);
    json_decref(sarif);
    return rc;
}
