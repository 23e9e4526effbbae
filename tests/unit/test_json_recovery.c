/*
 * test_json_recovery.c - unit tests of the JSON reader's recovery after syntax errors.
 *
 * Each test parses a body with opts.recover set, as the document reader
 * does, and asserts every problem (rule, line, column, message) and whether
 * the value came back: repairs without doubt (a missing ',' between members
 * or items on lines of their own at the same indentation, a stray ',' in an
 * object) return the value the corrected text has (compared with jansson's
 * reading of it); any guessed repair returns NULL while later errors are
 * still reported. Hostile bodies check the cap of listed errors and that
 * reading stays linear (CPU time of N and 10 N lines compared).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "reader/document.h"
#include "rules/rule.h"
#include "reader/json_reader.h"

#define MAX_SEEN 64

typedef struct seen {
    char rule[32];
    int line, column;
    char message[256];
} seen;

typedef struct run {
    const char *text;
    seen items[MAX_SEEN];
    size_t count;  /* every problem, also past MAX_SEEN */
    size_t syntax; /* json-syntax ones */
} run;

static void on_problem(void *ud, al_read_problem kind, size_t offset, size_t related,
                       const char *pointer, const char *message)
{
    run *r = ud;
    seen *s;
    size_t i;
    (void)related;
    (void)pointer;
    if (kind == AL_READ_JSON_SYNTAX)
        r->syntax++;
    if (r->count++ >= MAX_SEEN)
        return;
    s = &r->items[r->count - 1];
    snprintf(s->rule, sizeof(s->rule), "%s", al_rule_for_read_problem(kind)->id);
    snprintf(s->message, sizeof(s->message), "%s", message);
    s->line = 1;
    s->column = 1;
    for (i = 0; i < offset; i++) {
        if (r->text[i] == '\n') {
            s->line++;
            s->column = 1;
        } else {
            s->column++;
        }
    }
}

/* Parses TEXT (LEN bytes) with recovery (or without, STRICT), collecting problems into R. */
static json_t *parse_n(run *r, const char *text, size_t len, int strict)
{
    al_json_options o;
    memset(r, 0, sizeof(*r));
    r->text = text;
    memset(&o, 0, sizeof(o));
    o.problem = on_problem;
    o.ud = r;
    o.recover = !strict;
    return al_json_parse(text, 0, len, &o);
}

static json_t *parse(run *r, const char *text)
{
    return parse_n(r, text, strlen(text), 0);
}

static void expect(const run *r, size_t i, const char *rule, int line, int column,
                   const char *message)
{
    if (i >= r->count)
        fail_msg("expected a problem #%zu (%s at %d:%d), got %zu problems", i, rule, line, column,
                 r->count);
    if (strcmp(r->items[i].rule, rule) != 0 || r->items[i].line != line ||
        r->items[i].column != column || (message && strcmp(r->items[i].message, message) != 0))
        fail_msg("problem #%zu: expected %s at %d:%d (%s), got %s at %d:%d (%s)", i, rule, line,
                 column, message ? message : "*", r->items[i].rule, r->items[i].line,
                 r->items[i].column, r->items[i].message);
}

/* V must equal what jansson reads from FIXED, and V is released. */
static void assert_value(json_t *v, const char *fixed)
{
    json_error_t err;
    json_t *want = json_loads(fixed, JSON_DECODE_ANY, &err);
    if (!want)
        fail_msg("bad test: jansson cannot read the fixed text: %s", err.text);
    assert_non_null(v);
    if (!json_equal(v, want)) {
        char *got = json_dumps(v, JSON_ENCODE_ANY | JSON_SORT_KEYS);
        fail_msg("value differs from the fixed text: got %s", got ? got : "?");
    }
    json_decref(want);
    json_decref(v);
}

/* ---- repairs without doubt: the value is returned ---- */

static void test_missing_comma_between_members(void **state)
{
    run r;
    json_t *v;
    (void)state;
    v = parse(&r, "{\n  \"a\": 1\n  \"b\": {\"x\": [1, 2]}\n  \"c\": \"s\"\n}\n");
    assert_int_equal(r.count, 2);
    expect(&r, 0, "json-syntax", 3, 3, "missing ',' after the value of \"a\"");
    expect(&r, 1, "json-syntax", 4, 3, "missing ',' after the value of \"b\"");
    assert_value(v, "{\"a\": 1, \"b\": {\"x\": [1, 2]}, \"c\": \"s\"}");

    /* tabs and spaces mixed: the same width for some tab width (2, 4 or 8) is the same indentation */
    v = parse(&r,
              "{\n      \"a\": 1\n\t  \"b\": 2,\n  \"c\": {\n        \"x\": 1\n\t\"y\": 2\n  }\n}");
    assert_int_equal(r.count, 2);
    expect(&r, 0, "json-syntax", 3, 4, "missing ',' after the value of \"a\"");
    expect(&r, 1, "json-syntax", 6, 2, "missing ',' after the value of \"x\"");
    assert_value(v, "{\"a\": 1, \"b\": 2, \"c\": {\"x\": 1, \"y\": 2}}");
    /* compared with the first member, not a misindented one before */
    v = parse(&r, "{\n  \"a\": 1,\n     \"b\": 2,\n  \"c\": 3\n  \"d\": 4\n}");
    assert_int_equal(r.count, 1);
    expect(&r, 0, "json-syntax", 5, 3, "missing ',' after the value of \"c\"");
    assert_value(v, "{\"a\": 1, \"b\": 2, \"c\": 3, \"d\": 4}");

    /* after a multi-line value, with tabs as indentation */
    v = parse(&r, "{\n\t\"a\": {\n\t\t\"x\": 1\n\t}\n\t\"b\": 2\n}");
    assert_int_equal(r.count, 1);
    expect(&r, 0, "json-syntax", 5, 2, "missing ',' after the value of \"a\"");
    assert_value(v, "{\"a\": {\"x\": 1}, \"b\": 2}");
}

static void test_missing_comma_between_items(void **state)
{
    run r;
    json_t *v;
    (void)state;
    v = parse(&r, "[\n  {\"a\": 1}\n  {\"a\": 2},\n  \"s\"\n  3\n  true\n]");
    assert_int_equal(r.count, 3);
    expect(&r, 0, "json-syntax", 3, 3, "missing ',' after array item 0");
    expect(&r, 1, "json-syntax", 5, 3, "missing ',' after array item 2");
    expect(&r, 2, "json-syntax", 6, 3, "missing ',' after array item 3");
    assert_value(v, "[{\"a\": 1}, {\"a\": 2}, \"s\", 3, true]");
}

static void test_stray_comma_in_object(void **state)
{
    run r;
    json_t *v;
    (void)state;
    v = parse(&r, "{,\n  \"a\": 1,,\n  \"b\": 2,\n}");
    assert_int_equal(r.count, 3);
    expect(&r, 0, "json-syntax", 1, 2, "stray ',': there is no member before it");
    expect(&r, 1, "json-syntax", 2, 10, "stray ',': there is no member before it");
    expect(&r, 2, "json-trailing-comma", 3, 9, "trailing comma before '}'");
    assert_value(v, "{\"a\": 1, \"b\": 2}");
}

static void test_repaired_body_has_positions(void **state)
{
    static const char text[] = "{\n  \"a\": 1\n  \"b\": [\n    10\n    20\n  ]\n}\n";
    al_source src;
    al_doc doc;
    const al_posindex *ix;
    const al_posentry *e;
    (void)state;
    assert_int_equal(al_source_from_memory(&src, "x.json", text, sizeof(text) - 1), 0);
    assert_int_equal(al_doc_load(&doc, &src, AL_DOC_JSON, NULL), 0);
    assert_non_null(doc.body);
    ix = al_doc_index(&doc);
    assert_non_null(ix);
    e = al_posindex_find(ix, "/b/1");
    assert_non_null(e);
    assert_int_equal(al_source_pos(&doc.src, e->val_off).line, 5);
    assert_int_equal(al_source_pos(&doc.src, e->val_off).column, 5);
    e = al_posindex_find(ix, "/b");
    assert_non_null(e);
    assert_int_equal(al_source_pos(&doc.src, e->key_off).line, 3);
    al_doc_release(&doc);
}

/* ---- guessed repairs: later errors reported, no value ---- */

static void test_missing_comma_needing_a_guess(void **state)
{
    run r;
    (void)state;
    /* on one line: "a": "x" "b" could be one string badly quoted */
    assert_null(parse(&r, "{\"a\": 1 \"b\": 2,\n \"c\": tru}"));
    assert_int_equal(r.count, 2);
    expect(&r, 0, "json-syntax", 1, 9, "missing ',' after the value of \"a\"");
    expect(&r, 1, "json-syntax", 2, 7, NULL);
    /* indented differently */
    assert_null(parse(&r, "{\n  \"a\": 1\n      \"b\": 2\n}"));
    assert_int_equal(r.count, 1);
    expect(&r, 0, "json-syntax", 3, 7, "missing ',' after the value of \"a\"");
    /* items on one line */
    assert_null(parse(&r, "[1 2]"));
    assert_int_equal(r.count, 1);
    expect(&r, 0, "json-syntax", 1, 4, "missing ',' after array item 0");
    /* ",," in an array: a value may be missing */
    assert_null(parse(&r, "[1,,2]"));
    assert_int_equal(r.count, 1);
    expect(&r, 0, "json-syntax", 1, 4, NULL);
}

static void test_missing_closer_by_indentation(void **state)
{
    run r;
    (void)state;
    /* the inner object lacks '}': the next key, indented less, belongs outside */
    assert_null(parse(
        &r,
        "{\n  \"a\": {\n    \"x\": 1\n  \"b\": 2,\n  \"c\": [1,\n    2\n  \"d\": 1,\n  \"e\": tru\n}"));
    assert_int_equal(r.count, 3);
    expect(&r, 0, "json-syntax", 4, 3,
           "missing '}' after the value of \"x\" (the next key is indented less)");
    expect(&r, 1, "json-syntax", 7, 3, "missing ']' after array item 1 (a key follows)");
    /* reading went on in the right object: "e" is read as a member and its value checked */
    expect(&r, 2, "json-syntax", 8, 8, NULL);
}

static void test_wrong_closers(void **state)
{
    run r;
    (void)state;
    /* a mistyped closer closes the open value; one on its own line, indented less, an enclosing one */
    assert_null(parse(
        &r,
        "{\n  \"a\": [1, 2},\n  \"b\": {\"x\": 1],\n  \"c\": [\n    {\n      \"y\": 1\n  ],\n  \"d\": [\n    1\n  },\n  \"e\": x\n}"));
    assert_int_equal(r.count, 5);
    expect(&r, 0, "json-syntax", 2, 13, "'}' closes an array, expected ']'");
    expect(&r, 1, "json-syntax", 3, 15, "']' closes an object, expected '}'");
    expect(&r, 2, "json-syntax", 7, 3, "missing '}' before this ']'");
    expect(&r, 3, "json-syntax", 10, 3, "'}' closes an array, expected ']'");
    expect(&r, 4, "json-syntax", 11, 8, NULL);
}

static void test_unclosed_string_at_end_of_line(void **state)
{
    run r;
    (void)state;
    /* the ',' ending the line is the separator; the next error is still found */
    assert_null(parse(&r, "{\n  \"a\": \"foo,\n  \"b\": \"bar\",\n  \"c\": 01\n}"));
    assert_int_equal(r.count, 2);
    expect(&r, 0, "json-syntax", 2, 8, "string is not closed before the end of its line");
    expect(&r, 1, "json-syntax", 4, 8, "number with a leading zero");
    /* an unclosed key */
    assert_null(parse(&r, "{\n  \"a: 1,\n  \"b\": [1 2]\n}"));
    assert_int_equal(r.count, 2);
    expect(&r, 0, "json-syntax", 2, 3, "string is not closed before the end of its line");
    expect(&r, 1, "json-syntax", 3, 11, "missing ',' after array item 0");
}

static void test_multi_line_string_is_not_unclosed(void **state)
{
    run r;
    json_t *v;
    (void)state;
    /* a raw line break in a string that closes well later: a control character, value kept */
    v = parse(&r, "{\"a\": \"one\ntwo\r\nthree\", \"b\": 1}");
    assert_int_equal(r.count, 3);
    expect(&r, 0, "json-control-character", 1, 11, NULL);
    expect(&r, 1, "json-control-character", 2, 4, NULL);
    expect(&r, 2, "json-control-character", 2, 5, NULL);
    assert_non_null(v);
    assert_string_equal(json_string_value(json_object_get(v, "a")), "one\ntwo\r\nthree");
    json_decref(v);
}

static void test_unclosed_string_at_end(void **state)
{
    run r;
    (void)state;
    /* the end of the body right after: one problem, at the opening quote */
    assert_null(parse(&r, "{\"a\": \"abc"));
    assert_int_equal(r.count, 1);
    expect(&r, 0, "json-syntax", 1, 7, "string is not closed");
    assert_null(parse(&r, "[\"a\\"));
    assert_int_equal(r.count, 1);
    expect(&r, 0, "json-syntax", 1, 5, "unexpected end of body, expected an escape character");
}

static void test_one_error_per_line(void **state)
{
    run r;
    (void)state;
    assert_null(parse(&r, "{\"a\": tru \"b\": fals, \"c\" 1}\n"));
    assert_int_equal(r.count, 1);
    expect(&r, 0, "json-syntax", 1, 7, NULL);
}

static void test_bad_tokens_skipped(void **state)
{
    run r;
    (void)state;
    assert_null(parse(
        &r,
        "{\n \"a\": tru,\n \"b\": \"\\q\",\n \"c\" 4,\n d: 5,\n \"e\": 1.,\n \"f\": <x>,\n \"g\": 1e999\n}"));
    assert_int_equal(r.count, 7);
    expect(&r, 0, "json-syntax", 2, 7,
           "invalid literal 'tru', expected a string, number, object, array, true, false or null");
    expect(&r, 1, "json-syntax", 3, 8, "invalid escape '\\q' in string");
    expect(&r, 2, "json-syntax", 4, 6, "unexpected '4', expected ':' after key \"c\"");
    expect(&r, 3, "json-syntax", 5, 2, "unexpected 'd', expected a string key");
    expect(&r, 4, "json-syntax", 6, 9, "unexpected ',', expected a digit after the decimal point");
    expect(&r, 5, "json-syntax", 7, 7, "unexpected '<', expected a value");
    expect(&r, 6, "json-syntax", 8, 7, "number out of range");
}

static void test_no_duplicate_key_after_a_guess(void **state)
{
    run r;
    json_t *v;
    (void)state;
    /* before any guess, a duplicate is reported as ever */
    v = parse(&r, "{\n  \"a\": 1\n  \"a\": 2\n}");
    assert_int_equal(r.count, 2);
    expect(&r, 0, "json-syntax", 3, 3, NULL);
    expect(&r, 1, "duplicate-key", 3, 3, NULL);
    json_decref(v);
    /* after a guessed repair, which object a key is in is a guess too */
    assert_null(parse(&r, "{\n  \"a\": tru,\n  \"a\": 2\n}"));
    assert_int_equal(r.count, 1);
}

static void test_strict_mode_unchanged(void **state)
{
    run r;
    (void)state;
    static const char text[] = "{\n  \"a\": 1\n  \"b\": 2\n  \"c\" 3\n}";
    assert_null(parse_n(&r, text, sizeof(text) - 1, 1));
    assert_int_equal(r.count, 1);
    expect(&r, 0, "json-syntax", 3, 3, "missing ',' after the value of \"a\"");
}

/* ---- hostile bodies ---- */

/* Appends to a growing buffer. */
typedef struct buf {
    char *data;
    size_t len, cap;
} buf;

static void put(buf *b, const char *s)
{
    size_t n = strlen(s);
    if (b->len + n + 1 > b->cap) {
        b->cap = (b->len + n + 1) * 2;
        b->data = realloc(b->data, b->cap);
        assert_non_null(b->data);
    }
    memcpy(b->data + b->len, s, n + 1);
    b->len += n;
}

/* N lines of LINE (a printf format taking the line number) inside OPEN and CLOSE. */
static buf lines(const char *open, const char *line, size_t n, const char *close)
{
    buf b = { 0 };
    char one[128];
    size_t i;
    put(&b, open);
    for (i = 0; i < n; i++) {
        snprintf(one, sizeof(one), line, i);
        put(&b, one);
    }
    put(&b, close);
    return b;
}

/* CPU seconds to parse B with recovery, after asserting what every hostile body gives. */
static double timed_parse(const buf *b, size_t want_syntax)
{
    run r;
    clock_t t0 = clock();
    json_t *v = parse_n(&r, b->data, b->len, 0);
    double s = (double)(clock() - t0) / CLOCKS_PER_SEC;
    json_decref(v);
    /* the cap: AL_JSON_MAX_SYNTAX_ERRORS listed, then one note with the count of the rest */
    assert_int_equal(r.syntax, AL_JSON_MAX_SYNTAX_ERRORS + 1);
    {
        char note[128];
        snprintf(note, sizeof(note),
                 "%zu more syntax errors from here on, not listed: a body's first %d are",
                 want_syntax - AL_JSON_MAX_SYNTAX_ERRORS, AL_JSON_MAX_SYNTAX_ERRORS);
        assert_string_equal(r.items[AL_JSON_MAX_SYNTAX_ERRORS].message, note);
    }
    return s;
}

/*
 * N lines with one syntax error each (and EXTRA more in the rest of the body)
 * are read about as fast as a valid body of as many lines of the same shape
 * (an object with as many members, or an array with as many items): at most
 * twenty times slower, where a quadratic reading of 200,000 lines would be
 * thousands of times slower. CPU time, best of two runs each.
 */
static void assert_linear(const char *open, const char *line, const char *close, size_t n,
                          size_t extra)
{
    buf bad = lines(open, line, n, close);
    buf good = open[0] == '{' ? lines("{\n", "  \"k%zu\": \"line\",\n", n, "  \"end\": 0\n}\n")
                              : lines("[\n", "  \"line %zu\",\n", n, "  0\n]\n");
    double tb = 1e9, tg = 1e9;
    int k;
    for (k = 0; k < 2; k++) {
        run r;
        clock_t t0 = clock();
        json_t *v = parse_n(&r, good.data, good.len, 0);
        double t = (double)(clock() - t0) / CLOCKS_PER_SEC;
        assert_non_null(v);
        assert_int_equal(r.count, 0);
        json_decref(v);
        tg = t < tg ? t : tg;
        t = timed_parse(&bad, n + extra);
        tb = t < tb ? t : tb;
    }
    if (tb > 20 * tg + 0.1)
        fail_msg("%zu lines with errors took %.3f s, %zu valid lines %.3f s: not linear", n, tb, n,
                 tg);
    free(bad.data);
    free(good.data);
}

static void test_thousands_of_missing_commas(void **state)
{
    (void)state;
    assert_linear("{\n", "  \"k%zu\": 1\n", "  \"end\": 0\n}\n", 200000, 0);
    assert_linear("[\n", "  %zu\n", "  0\n]\n", 200000, 0);
}

static void test_thousands_of_unclosed_strings(void **state)
{
    (void)state;
    assert_linear("{\n", "  \"k%zu\": \"open,\n", "  \"end\": 0\n}\n", 200000, 0);
    /*
     * Escaped quotes between line breaks, each line break looking ahead for
     * the quote that would close: the first line's string, then one per line
     * (the '\\' of each), the last line's item and the end of the body.
     */
    assert_linear("[\"start\n", "\\\" %zu\n", "\" x]\n", 200000, 3);
}

static void test_deep_nesting(void **state)
{
    run r;
    buf b = { 0 };
    size_t i;
    clock_t t0;
    (void)state;
    /* 100,000 levels never closed: the limit, then the end; skipped in linear time */
    for (i = 0; i < 100000; i++)
        put(&b, "[{\"a\":");
    put(&b, "\n");
    t0 = clock();
    assert_null(parse_n(&r, b.data, b.len, 0));
    assert_true((double)(clock() - t0) / CLOCKS_PER_SEC < 2.0);
    assert_int_equal(r.count, 2);
    expect(&r, 0, "json-syntax", 1, 1 + 3 * AL_JSON_MAX_DEPTH, "nesting deeper than 512 levels");
    expect(&r, 1, "json-syntax", 2, 1, "unexpected end of body, expected ',' or '}'");
    free(b.data);

    /* 400 levels, one per line, with a missing ',' at the deepest: repaired, value kept */
    b.data = NULL;
    b.len = b.cap = 0;
    for (i = 0; i < 400; i++) {
        char line[1024];
        snprintf(line, sizeof(line), "%*s{\"k\":\n", (int)i, "");
        put(&b, line);
    }
    put(&b, "[\n1\n2\n]");
    for (i = 0; i < 400; i++)
        put(&b, "}");
    {
        json_t *v = parse_n(&r, b.data, b.len, 0);
        json_t *cur = v;
        assert_int_equal(r.count, 1);
        expect(&r, 0, "json-syntax", 403, 1, "missing ',' after array item 0");
        assert_non_null(v);
        for (i = 0; i < 400; i++)
            cur = json_object_get(cur, "k");
        assert_int_equal(json_array_size(cur), 2);
        json_decref(v);
    }
    free(b.data);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_missing_comma_between_members),
        cmocka_unit_test(test_missing_comma_between_items),
        cmocka_unit_test(test_stray_comma_in_object),
        cmocka_unit_test(test_repaired_body_has_positions),
        cmocka_unit_test(test_missing_comma_needing_a_guess),
        cmocka_unit_test(test_missing_closer_by_indentation),
        cmocka_unit_test(test_wrong_closers),
        cmocka_unit_test(test_unclosed_string_at_end_of_line),
        cmocka_unit_test(test_multi_line_string_is_not_unclosed),
        cmocka_unit_test(test_unclosed_string_at_end),
        cmocka_unit_test(test_one_error_per_line),
        cmocka_unit_test(test_bad_tokens_skipped),
        cmocka_unit_test(test_no_duplicate_key_after_a_guess),
        cmocka_unit_test(test_strict_mode_unchanged),
        cmocka_unit_test(test_thousands_of_missing_commas),
        cmocka_unit_test(test_thousands_of_unclosed_strings),
        cmocka_unit_test(test_deep_nesting),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
