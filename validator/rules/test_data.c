/*
 * test_data.c - rule 'test-data': testData rows parse and match additionalColumns.
 *
 * testData holds CSV rows: subscriptionId, resourceId, then the extended
 * properties as a JSON object (quoted CSV-style with doubled quotes, or
 * bare). Each row is split RFC 4180-style; a field starting with '{' is
 * read as JSON, and when the file declares additionalColumns, each property
 * of it should be one of their names.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../advisor/advisor.h"
#include "check.h"
#include "../reader/json_reader.h"

#define MAX_FIELD 65536

static int is_column(json_t *cols, const char *name)
{
    size_t i;
    for (i = 0; i < json_array_size(cols); i++) {
        const char *cn = json_string_value(json_object_get(json_array_get(cols, i), "name"));
        if (cn && !strcmp(cn, name))
            return 1;
    }
    return 0;
}

/* Whether {NAME} appears in any string of V (a property the texts use). */
static int used_as_placeholder(json_t *v, const char *name)
{
    const char *k;
    json_t *x;
    size_t i;
    if (json_is_string(v)) {
        const char *s = json_string_value(v), *p = s;
        size_t n = strlen(name);
        while ((p = strchr(p, '{')) != NULL) {
            if (!strncmp(p + 1, name, n) && p[1 + n] == '}')
                return 1;
            p++;
        }
        return 0;
    }
    if (json_is_object(v)) {
        json_object_foreach(v, k, x)
            if (used_as_placeholder(x, name))
                return 1;
    } else if (json_is_array(v)) {
        json_array_foreach(v, i, x)
            if (used_as_placeholder(x, name))
                return 1;
    }
    return 0;
}

static void check_object(al_check *c, const char *field, size_t len, size_t row, json_t *cols)
{
    json_t *props = al_json_parse(field, 0, len, NULL);
    const char *k;
    json_t *v;
    if (!json_is_object(props)) {
        al_check_at_pointer(c, "test-data", "/testData", AL_AT_VALUE,
                            "testData row %zu: the extended properties are not a JSON object", row);
        json_decref(props);
        return;
    }
    if (json_array_size(cols) > 0) {
        json_object_foreach(props, k, v) {
            /* internal properties (_stableIdToken) and ones the texts use as
               {placeholders} need no column */
            if (k[0] != '_' && !is_column(cols, k) && !used_as_placeholder(c->doc->body, k)) {
                al_check_at_pointer(c, "test-data", "/testData", AL_AT_VALUE,
                                    "testData row %zu: property \"%s\" is not an additionalColumns name",
                                    row, k);
                break;
            }
        }
    }
    json_decref(props);
}

static void check(al_check *c)
{
    const char *td = al_check_string(c, "/testData");
    json_t *cols = al_check_get(c, "/additionalColumns");
    const char *p, *end;
    char *field;
    size_t row = 0;

    if (!td || !*td)
        return;
    field = malloc(MAX_FIELD);
    if (!field)
        return;
    for (p = td; *p; ) {
        const char *eol = strchr(p, '\n');
        const char *q;
        size_t len, fields = 0;
        end = eol ? eol : p + strlen(p);
        row++;
        for (q = p; q < end; ) {
            if (adv_csv_field(&q, end, field, MAX_FIELD, &len) != 0) {
                al_check_at_pointer(c, "test-data", "/testData", AL_AT_VALUE,
                                    "testData row %zu: a quoted field is not closed", row);
                break;
            }
            fields++;
            if (len && field[0] == '{')
                check_object(c, field, len, row, cols);
        }
        if (fields > 0 && fields < 2)
            al_check_at_pointer(c, "test-data", "/testData", AL_AT_VALUE,
                                "testData row %zu: expected subscriptionId,resourceId[,properties]", row);
        p = eol ? eol + 1 : end;
    }
    free(field);
}

const al_rule al_rule_test_data = {
    "test-data",
    AL_SEV_WARNING,
    "testData does not parse, or names properties that are not additionalColumns",
    "## What it flags\n"
    "A testData row that is not CSV `subscriptionId,resourceId,\"{...}\"`: an unclosed quoted\n"
    "field, a single field, extended properties that are not a JSON object, or a property that\n"
    "is not one of the file's additionalColumns names.\n\n"
    "## Why it matters\n"
    "testData feeds the recommendation's test pipeline (and advisor-codegen's generated tests):\n"
    "a row that does not parse tests nothing, and a property without a column is never shown.\n\n"
    "## Example\n"
    "```json\n\"testData\": \"sub,/subscriptions/sub/rg,\\\"{\\\"\\\"HighCPU\\\"\\\": \\\"\\\"98\\\"\\\"}\\\"\",\n"
    "\"additionalColumns\": [{\"name\": \"HighestCPU\", \"title\": \"Highest CPU\"}]\n```\n\n"
    "## Fix\n"
    "Name the property as the column is named (`HighestCPU`), and double the quotes inside the\n"
    "quoted JSON.",
    check,
    NULL,
    NULL,
};
