/*
 * test_data.c - rule 'test-data': testData rows parse, and feed every column.
 *
 * testData holds CSV rows: subscriptionId, resourceId, then the extended
 * properties as a JSON object (quoted CSV-style with doubled quotes, or
 * bare). Each row is split RFC 4180-style; a field starting with '{' is
 * read as JSON. Rows copied from production carry more properties than the
 * displayed columns (savingsAmount, scaleAutomationSettingsEnabled): that
 * is normal and not reported. What is wrong: a row that does not parse, and
 * an additionalColumns name that no row has, so no test ever shows it
 * (checked only when every row parsed, so a broken row is reported once).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../advisor/advisor.h"
#include "check.h"
#include "../reader/json_reader.h"

#define MAX_FIELD 65536

typedef struct rows {
    json_t *cols;        /* additionalColumns, borrowed */
    unsigned char *seen; /* per column: some row has it */
    size_t ncols;
    size_t parsed; /* rows read without a problem */
    int broken;    /* some row did not parse */
} rows;

static void mark_columns(rows *r, json_t *props)
{
    size_t i;
    for (i = 0; i < r->ncols; i++) {
        const char *name = json_string_value(json_object_get(json_array_get(r->cols, i), "name"));
        if (name && json_object_get(props, name))
            r->seen[i] = 1;
    }
}

/* Reads the extended properties FIELD (LEN bytes) of ROW. Returns 0, or -1 (reported). */
static int check_object(al_check *c, rows *r, const char *field, size_t len, size_t row)
{
    json_t *props = al_json_parse(field, 0, len, NULL);
    if (!json_is_object(props)) {
        al_check_at_pointer(c, "test-data", "/testData", AL_AT_VALUE,
                            "testData row %zu: the extended properties are not a JSON object", row);
        json_decref(props);
        return -1;
    }
    mark_columns(r, props);
    json_decref(props);
    return 0;
}

/* Checks the row [P, END), number ROW. */
static void check_row(al_check *c, rows *r, char *field, const char *p, const char *end, size_t row)
{
    const char *q;
    size_t len, fields = 0;
    int ok = 1;
    for (q = p; q < end;) {
        if (adv_csv_field(&q, end, field, MAX_FIELD, &len) != 0) {
            al_check_at_pointer(c, "test-data", "/testData", AL_AT_VALUE,
                                "testData row %zu: a quoted field is not closed", row);
            ok = 0;
            break;
        }
        fields++;
        if (len && field[0] == '{' && check_object(c, r, field, len, row) != 0)
            ok = 0;
    }
    if (fields == 0)
        return; /* a blank line */
    if (ok && fields < 2) {
        al_check_at_pointer(c, "test-data", "/testData", AL_AT_VALUE,
                            "testData row %zu: expected subscriptionId,resourceId[,properties]",
                            row);
        ok = 0;
    }
    if (ok)
        r->parsed++;
    else
        r->broken = 1;
}

static void check_columns(al_check *c, const rows *r)
{
    size_t i;
    char ptr[64];
    if (r->broken || !r->parsed)
        return;
    for (i = 0; i < r->ncols; i++) {
        const char *name = json_string_value(json_object_get(json_array_get(r->cols, i), "name"));
        if (!name || !*name || r->seen[i])
            continue;
        snprintf(ptr, sizeof(ptr), "/additionalColumns/%zu/name", i);
        al_check_at_pointer(c, "test-data", ptr, AL_AT_VALUE,
                            "column \"%s\" is in no testData row (%zu row%s)", name, r->parsed,
                            r->parsed == 1 ? "" : "s");
    }
}

static void check(al_check *c)
{
    const char *td = al_check_string(c, "/testData");
    const char *p, *end;
    char *field;
    size_t row = 0;
    rows r;

    if (!td || !*td)
        return;
    memset(&r, 0, sizeof(r));
    r.cols = al_check_get(c, "/additionalColumns");
    r.ncols = json_array_size(r.cols);
    field = malloc(MAX_FIELD);
    r.seen = calloc(r.ncols ? r.ncols : 1, 1);
    if (!field || !r.seen) {
        free(field);
        free(r.seen);
        return;
    }
    for (p = td; *p;) {
        const char *eol = strchr(p, '\n');
        end = eol ? eol : p + strlen(p);
        check_row(c, &r, field, p, end, ++row);
        p = eol ? eol + 1 : end;
    }
    check_columns(c, &r);
    free(r.seen);
    free(field);
}

const al_rule al_rule_test_data = {
    "test-data",
    AL_SEV_WARNING,
    "testData does not parse, or an additionalColumns name is in none of its rows",
    "## What it flags\n"
    "A testData row that is not CSV `subscriptionId,resourceId,\"{...}\"`: an unclosed quoted\n"
    "field, a single field, or extended properties that are not a JSON object; and, when every\n"
    "row parsed, an additionalColumns name that no row's properties have. Rows may carry more\n"
    "properties than the columns (rows copied from production do): that is not reported.\n\n"
    "## Why it matters\n"
    "testData feeds the recommendation's test pipeline (and advisor-codegen's generated tests):\n"
    "a row that does not parse tests nothing, and a column no row has is never tested.\n\n"
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
