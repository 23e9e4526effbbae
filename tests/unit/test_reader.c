/*
 * test_reader.c - unit tests of the metadata reader and the position index.
 *
 * Each test builds a file in memory, reads it, and asserts the exact rule,
 * line and column of every problem, or the positions of header attributes,
 * title and body values. Fixture files are read from FIXTURES_DIR.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "index_check.h"
#include "reader/document.h"
#include "rules/rule.h"
#include "reader/json_reader.h"

#define MAX_PROBLEMS 16

typedef struct seen {
    char rule[64];
    int line, column;
    int rel_line;
    char pointer[256];
    char message[512];
} seen;

typedef struct problems {
    al_doc *doc;
    seen items[MAX_PROBLEMS];
    int count;
} problems;

static void on_problem(void *ud, al_read_problem kind, size_t offset, size_t end, size_t related,
                       const char *pointer, const char *message)
{
    problems *ps = ud;
    seen *s;
    al_pos p;
    (void)end;
    if (ps->count >= MAX_PROBLEMS)
        return;
    s = &ps->items[ps->count++];
    p = al_source_pos(&ps->doc->src, offset);
    snprintf(s->rule, sizeof(s->rule), "%s", al_rule_for_read_problem(kind)->id);
    s->line = p.line;
    s->column = p.column;
    s->rel_line = related == AL_NO_OFFSET ? 0 : al_source_pos(&ps->doc->src, related).line;
    snprintf(s->pointer, sizeof(s->pointer), "%s", pointer ? pointer : "(null)");
    snprintf(s->message, sizeof(s->message), "%s", message);
}

/* Loads TEXT (LEN bytes) as KIND into DOC, collecting problems into PS. */
static void load(al_doc *doc, problems *ps, const char *text, size_t len, al_doc_kind kind)
{
    al_source src;
    al_doc_options o;
    memset(ps, 0, sizeof(*ps));
    ps->doc = doc;
    assert_int_equal(al_source_from_memory(&src, "test.md", text, len), 0);
    memset(&o, 0, sizeof(o));
    o.problem = on_problem;
    o.ud = ps;
    assert_int_equal(al_doc_load(doc, &src, kind, &o), 0);
}

static void load_str(al_doc *doc, problems *ps, const char *text)
{
    load(doc, ps, text, strlen(text), AL_DOC_MARKDOWN);
}

static char *slurp(const char *name, size_t *len)
{
    char path[1024];
    FILE *f;
    char *buf;
    long n;
    snprintf(path, sizeof(path), "%s/%s", FIXTURES_DIR, name);
    f = fopen(path, "rb");
    assert_non_null(f);
    fseek(f, 0, SEEK_END);
    n = ftell(f);
    fseek(f, 0, SEEK_SET);
    buf = malloc((size_t)n + 1);
    assert_non_null(buf);
    assert_int_equal(fread(buf, 1, (size_t)n, f), (size_t)n);
    buf[n] = '\0';
    fclose(f);
    *len = (size_t)n;
    return buf;
}

static void assert_pos(al_doc *doc, size_t off, int line, int column)
{
    al_pos p = al_source_pos(&doc->src, off);
    assert_int_equal(p.line, line);
    assert_int_equal(p.column, column);
}

static const al_posentry *entry(al_doc *doc, const char *pointer)
{
    const al_posindex *ix = al_doc_index(doc);
    const al_posentry *e;
    assert_non_null(ix);
    e = al_posindex_find(ix, pointer);
    assert_non_null(e);
    return e;
}

#define HEADER                                                                                     \
    "<properties\n  pageTitle=\"T\"\n  selfHelpType=\"advisorRecommendationMetadata\"\n/>\n# Title\n---\n"

/* ---- whole files ---- */

static void test_seed_reads_clean(void **state)
{
    al_doc doc;
    problems ps;
    size_t len;
    char *text = slurp("valid/seed-expressroute-mooncake.md", &len);
    char why[256];
    (void)state;
    load(&doc, &ps, text, len, AL_DOC_MARKDOWN);
    assert_int_equal(ps.count, 0);
    assert_false(doc.skipped);
    assert_int_equal(doc.nattrs, 8);
    assert_string_equal(al_doc_attr(&doc, "articleId")->value,
                        "4a031d69-19fd-495f-9d25-93afbf7f1e89_Mooncake");
    assert_pos(&doc, al_doc_attr(&doc, "articleId")->name_off, 6, 1);
    assert_pos(&doc, al_doc_attr(&doc, "articleId")->value_off, 6, 14);
    /* the tab-indented attribute on line 9 */
    assert_pos(&doc, al_doc_attr(&doc, "ownershipId")->name_off, 9, 2);
    assert_true(doc.has_title);
    assert_pos(&doc, doc.title_off, 11, 1);
    assert_string_equal(
        doc.title,
        "Implement multiple ExpressRoute circuits in your Virtual Network for cross premises resiliency");
    assert_true(json_is_object(doc.body));
    assert_pos(&doc, entry(&doc, "/recommendationTypeId")->key_off, 17, 5);
    assert_pos(&doc, entry(&doc, "/recommendationTypeId")->val_off, 17, 29);
    assert_pos(&doc, entry(&doc, "/actions/0/actionType")->val_off, 49, 23);
    assert_pos(&doc, entry(&doc, "")->val_off, 13, 1);
    assert_int_equal(index_check(&doc, why, sizeof(why)), 0);
    al_doc_release(&doc);
    free(text);
}

static void test_crlf_bom_same_positions(void **state)
{
    al_doc a, b;
    problems pa, pb;
    size_t la, lb, i;
    char *lf = slurp("valid/seed-expressroute-mooncake.md", &la);
    char *crlf = slurp("valid/crlf-bom.md", &lb);
    char why[256];
    (void)state;
    load(&a, &pa, lf, la, AL_DOC_MARKDOWN);
    load(&b, &pb, crlf, lb, AL_DOC_MARKDOWN);
    assert_int_equal(pb.count, 0);
    assert_int_equal(b.src.bom, 3);
    assert_true(json_equal(a.body, b.body));
    assert_string_equal(al_doc_attr(&b, "cloudEnvironments")->value, "Fairfax");
    /* line 1 column 1 is after the BOM */
    assert_pos(&b, b.header_off, 1, 1);
    assert_int_equal(al_doc_index(&a)->count, al_doc_index(&b)->count);
    for (i = 0; i < a.index.count; i++) {
        al_pos pa1 = al_source_pos(&a.src, a.index.entries[i].val_off);
        al_pos pb1 = al_source_pos(&b.src, b.index.entries[i].val_off);
        assert_string_equal(a.index.entries[i].pointer, b.index.entries[i].pointer);
        assert_int_equal(pa1.line, pb1.line);
        assert_int_equal(pa1.column, pb1.column);
    }
    assert_int_equal(index_check(&b, why, sizeof(why)), 0);
    al_doc_release(&a);
    al_doc_release(&b);
    free(lf);
    free(crlf);
}

static void test_tabs_in_header(void **state)
{
    al_doc doc;
    problems ps;
    (void)state;
    load_str(
        &doc, &ps,
        "<properties\tpageTitle=\"A\"\t\tdescription = \"B\"\n\tselfHelpType=\t\"advisorRecommendationMetadata\"\t/>\n# T\n---\n{}\n---\n");
    assert_int_equal(ps.count, 0);
    assert_int_equal(doc.nattrs, 3);
    assert_string_equal(doc.attrs[1].name, "description");
    assert_string_equal(doc.attrs[1].value, "B");
    assert_pos(&doc, doc.attrs[1].name_off, 1, 28);
    assert_pos(&doc, doc.attrs[2].value_off, 2, 17);
    al_doc_release(&doc);
}

/* ---- JSON syntax classes ---- */

static void expect_one(const char *body_and_fence, const char *rule, int line, int column)
{
    char text[4096];
    al_doc doc;
    problems ps;
    snprintf(text, sizeof(text), HEADER "%s", body_and_fence);
    load_str(&doc, &ps, text);
    if (ps.count != 1)
        fail_msg("expected 1 problem, got %d (first: %s %s)", ps.count,
                 ps.count ? ps.items[0].rule : "", ps.count ? ps.items[0].message : "");
    assert_string_equal(ps.items[0].rule, rule);
    assert_int_equal(ps.items[0].line, line);
    assert_int_equal(ps.items[0].column, column);
    al_doc_release(&doc);
}

static void test_raw_control_characters(void **state)
{
    (void)state;
    expect_one("{\n  \"a\": \"x\ty\"\n}\n---\n", "json-control-character", 8, 10);
    expect_one("{\n  \"a\": \"x\ny\"\n}\n---\n", "json-control-character", 8, 10);
    expect_one("{\n  \"a\": \"\x01\"\n}\n---\n", "json-control-character", 8, 9);
}

static void test_control_character_keeps_going(void **state)
{
    al_doc doc;
    problems ps;
    (void)state;
    load_str(&doc, &ps, HEADER "{\"a\": \"x\ty\", \"b\": [1,],\n \"c\": \"\tz\"}\n---\n");
    assert_int_equal(ps.count, 3);
    assert_string_equal(ps.items[0].rule, "json-control-character");
    assert_string_equal(ps.items[0].pointer, "/a");
    assert_string_equal(ps.items[1].rule, "json-trailing-comma");
    assert_int_equal(ps.items[1].column, 21);
    assert_string_equal(ps.items[2].rule, "json-control-character");
    assert_int_equal(ps.items[2].line, 8);
    assert_int_equal(ps.items[2].column, 8);
    assert_non_null(doc.body);
    assert_string_equal(json_string_value(json_object_get(doc.body, "a")), "x\ty");
    assert_int_equal(json_array_size(json_object_get(doc.body, "b")), 1);
    al_doc_release(&doc);
}

static void test_trailing_commas(void **state)
{
    (void)state;
    expect_one("{\"a\": 1,\n}\n---\n", "json-trailing-comma", 7, 8);
    expect_one("{\"a\": [1, 2 , ]}\n---\n", "json-trailing-comma", 7, 13);
}

static void test_duplicate_key(void **state)
{
    al_doc doc;
    problems ps;
    (void)state;
    load_str(&doc, &ps,
             HEADER "{\n  \"x\": {\"bladeName\": \"A\",\n        \"bladeName\": \"B\"}\n}\n---\n");
    assert_int_equal(ps.count, 1);
    assert_string_equal(ps.items[0].rule, "duplicate-key");
    assert_int_equal(ps.items[0].line, 9);
    assert_int_equal(ps.items[0].column, 9);
    assert_int_equal(ps.items[0].rel_line, 8);
    assert_string_equal(ps.items[0].pointer, "/x/bladeName");
    assert_string_equal(ps.items[0].message, "duplicate key \"bladeName\"");
    /* the last value wins, as with json_loads */
    assert_string_equal(json_string_value(
                            json_object_get(json_object_get(doc.body, "x"), "bladeName")),
                        "B");
    al_doc_release(&doc);
}

static void test_fatal_syntax_errors(void **state)
{
    (void)state;
    expect_one("{\"a\": 1 \"b\": 2}\n---\n", "json-syntax", 7, 9);
    expect_one("{\"a\": tru}\n---\n", "json-syntax", 7, 7);
    expect_one("{\"a\": 01}\n---\n", "json-syntax", 7, 7);
    expect_one("{\"a\": \"\\q\"}\n---\n", "json-syntax", 7, 8);
    expect_one("{\"a\": \"\\ud800\"}\n---\n", "json-syntax", 7, 8);
    expect_one("{\"a\": 1}}\n---\n", "json-syntax", 7, 9);
    expect_one("{\"a\" 1}\n---\n", "json-syntax", 7, 6);
    expect_one("{\"a\": [1 2]}\n---\n", "json-syntax", 7, 10);
    expect_one("{a: 1}\n---\n", "json-syntax", 7, 2);
    expect_one("\n\n---\n", "json-syntax", 9, 1);
    expect_one("{\"a\": 1e999}\n---\n", "json-syntax", 7, 7);
}

static void test_unclosed_string(void **state)
{
    al_doc doc;
    problems ps;
    int i, found = 0;
    (void)state;
    load_str(&doc, &ps, HEADER "{\"a\": \"open}\n---\n");
    for (i = 0; i < ps.count; i++)
        if (!strcmp(ps.items[i].rule, "json-syntax") && ps.items[i].line == 7 &&
            ps.items[i].column == 7 && !strcmp(ps.items[i].message, "string is not closed"))
            found = 1;
    assert_true(found);
    assert_null(doc.body);
    al_doc_release(&doc);
}

static void test_nesting_limit(void **state)
{
    size_t depth = 100000, i;
    char *text = malloc(depth * 2 + 256);
    al_doc doc;
    problems ps;
    size_t n;
    (void)state;
    n = (size_t)snprintf(text, 256, HEADER);
    for (i = 0; i < depth; i++)
        text[n++] = '[';
    for (i = 0; i < depth; i++)
        text[n++] = ']';
    memcpy(text + n, "\n---\n", 5);
    n += 5;
    load(&doc, &ps, text, n, AL_DOC_MARKDOWN);
    assert_int_equal(ps.count, 1);
    assert_string_equal(ps.items[0].rule, "json-syntax");
    assert_int_equal(ps.items[0].column, AL_JSON_MAX_DEPTH + 1);
    assert_null(doc.body);
    al_doc_release(&doc);
    free(text);
}

static void test_missing_fences(void **state)
{
    al_doc doc;
    problems ps;
    (void)state;
    expect_one("{\"a\": 1}\n", "fence-missing", 8, 1);
    load_str(
        &doc, &ps,
        "<properties selfHelpType=\"advisorRecommendationMetadata\" />\n# T\n{\"a\": 1}\n---\n");
    assert_int_equal(ps.count, 1);
    assert_string_equal(ps.items[0].rule, "fence-missing");
    assert_int_equal(ps.items[0].line, 3);
    assert_non_null(doc.body);
    al_doc_release(&doc);
}

static void test_header_unclosed_and_malformed(void **state)
{
    al_doc doc;
    problems ps;
    (void)state;
    load_str(&doc, &ps, "\n<properties\n  pageTitle=\"T\"\n# T\n---\n{}\n---\n");
    assert_int_equal(ps.count, 1);
    assert_string_equal(ps.items[0].rule, "header-unclosed");
    assert_int_equal(ps.items[0].line, 2);
    assert_int_equal(ps.items[0].column, 1);
    al_doc_release(&doc);

    load_str(&doc, &ps, "<properties\n  pageTitle=\"T\"\n  articleId=abc\n/>\n# T\n---\n{}\n---\n");
    assert_int_equal(ps.count, 1);
    assert_string_equal(ps.items[0].rule, "header-syntax");
    assert_int_equal(ps.items[0].line, 3);
    assert_int_equal(ps.items[0].column, 13);
    al_doc_release(&doc);

    load_str(&doc, &ps, "<properties pageTitle=\"T\"");
    assert_int_equal(ps.count, 1);
    assert_string_equal(ps.items[0].rule, "header-unclosed");
    al_doc_release(&doc);
}

static void test_title_missing(void **state)
{
    al_doc doc;
    problems ps;
    (void)state;
    load_str(&doc, &ps,
             "<properties selfHelpType=\"advisorRecommendationMetadata\" />\n---\n{}\n---\n");
    assert_int_equal(ps.count, 1);
    assert_string_equal(ps.items[0].rule, "title-missing");
    assert_int_equal(ps.items[0].line, 2);
    assert_false(doc.has_title);
    assert_non_null(doc.body);
    al_doc_release(&doc);
}

static void test_non_ascii_columns(void **state)
{
    al_doc doc;
    problems ps;
    (void)state;
    /* é is 2 bytes, 日本 6 bytes, 😀 4 bytes: columns count characters */
    load_str(&doc, &ps, HEADER "{\"d\": \"é日本😀\tx\"}\n---\n");
    assert_int_equal(ps.count, 1);
    assert_int_equal(ps.items[0].line, 7);
    assert_int_equal(ps.items[0].column, 12);
    al_doc_release(&doc);

    load_str(
        &doc, &ps,
        "<properties pageTitle=\"Übersicht\" selfHelpType=\"advisorRecommendationMetadata\" />\n# T\n---\n{\"é\": 1}\n---\n");
    assert_int_equal(ps.count, 0);
    assert_pos(&doc, al_doc_attr(&doc, "selfHelpType")->name_off, 1, 35);
    assert_pos(&doc, entry(&doc, "/é")->val_off, 4, 7);
    al_doc_release(&doc);
}

static void test_encodings(void **state)
{
    al_doc doc;
    problems ps;
    static const char utf16[] = "\xff\xfe<\0p\0";
    static const char overlong[] = HEADER "{\"a\": \"\xc0\xaf\"}\n---\n";
    (void)state;
    load(&doc, &ps, utf16, sizeof(utf16) - 1, AL_DOC_MARKDOWN);
    assert_int_equal(ps.count, 1);
    assert_string_equal(ps.items[0].rule, "encoding");
    assert_non_null(strstr(ps.items[0].message, "UTF-16"));
    al_doc_release(&doc);
    load(&doc, &ps, overlong, sizeof(overlong) - 1, AL_DOC_MARKDOWN);
    assert_int_equal(ps.count, 1);
    assert_string_equal(ps.items[0].rule, "encoding");
    assert_int_equal(ps.items[0].line, 7);
    assert_int_equal(ps.items[0].column, 8);
    al_doc_release(&doc);
}

static void test_not_metadata_is_skipped(void **state)
{
    al_doc doc;
    problems ps;
    (void)state;
    load_str(&doc, &ps, "# Readme\n\nNothing to see.\n");
    assert_true(doc.skipped);
    assert_int_equal(ps.count, 0);
    al_doc_release(&doc);
    load_str(&doc, &ps, "<properties selfHelpType=\"troubleshooter\" />\n# T\nnot json at all\n");
    assert_true(doc.skipped);
    assert_int_equal(ps.count, 0);
    al_doc_release(&doc);
    load_str(&doc, &ps,
             "<properties selfHelpType=\"AdvisorRecommendationMetadata\" />\n# T\n---\n{}\n---\n");
    assert_false(doc.skipped);
    al_doc_release(&doc);
}

/* Loads TEXT as Markdown whose path says it is advisor metadata (metadata-files). */
static void load_metadata_path(al_doc *doc, problems *ps, const char *text)
{
    al_source src;
    al_doc_options o;
    memset(ps, 0, sizeof(*ps));
    ps->doc = doc;
    assert_int_equal(al_source_from_memory(&src, "test.md", text, strlen(text)), 0);
    memset(&o, 0, sizeof(o));
    o.problem = on_problem;
    o.ud = ps;
    o.metadata_path = 1;
    assert_int_equal(al_doc_load(doc, &src, AL_DOC_MARKDOWN, &o), 0);
}

static void test_metadata_by_path(void **state)
{
    al_doc doc;
    problems ps;
    (void)state;
    /* empty, or only white space: one finding, nothing else read */
    load_metadata_path(&doc, &ps, "");
    assert_false(doc.skipped);
    assert_int_equal(ps.count, 1);
    assert_string_equal(ps.items[0].rule, "header-missing");
    assert_non_null(strstr(ps.items[0].message, "the file is empty"));
    al_doc_release(&doc);
    load_metadata_path(&doc, &ps, " \n\n");
    assert_int_equal(ps.count, 1);
    assert_string_equal(ps.items[0].rule, "header-missing");
    al_doc_release(&doc);
    /* no header: reported, and the body between fences is still read */
    load_metadata_path(&doc, &ps, "# Readme\n---\n{\"a\": tru}\n---\n");
    assert_false(doc.skipped);
    assert_int_equal(ps.count, 2);
    assert_string_equal(ps.items[0].rule, "header-missing");
    assert_int_equal(ps.items[0].line, 1);
    assert_string_equal(ps.items[1].rule, "json-syntax");
    assert_int_equal(ps.items[1].line, 3);
    al_doc_release(&doc);
    /* another selfHelpType: reported at its value, and the file read on as metadata */
    load_metadata_path(&doc, &ps,
                       "<properties selfHelpType=\"troubleshooter\" />\n# T\n---\n{}\n---\n");
    assert_false(doc.skipped);
    assert_int_equal(ps.count, 1);
    assert_string_equal(ps.items[0].rule, "self-help-type");
    assert_int_equal(ps.items[0].column, 27);
    assert_non_null(doc.body);
    al_doc_release(&doc);
    /* without the path, the same files are skipped quietly, as before */
    load_str(&doc, &ps, "");
    assert_true(doc.skipped);
    assert_int_equal(ps.count, 0);
    al_doc_release(&doc);
}

static void test_space_in_header_start(void **state)
{
    al_doc doc;
    problems ps;
    (void)state;
    /* "< properties" is a header, reported; its selfHelpType decides as for any header */
    load_str(
        &doc, &ps,
        "<  properties\n  selfHelpType=\"advisorRecommendationMetadata\"\n/>\n# T\n---\n{}\n---\n");
    assert_false(doc.skipped);
    assert_true(doc.has_header);
    assert_int_equal(ps.count, 1);
    assert_string_equal(ps.items[0].rule, "header-syntax");
    assert_int_equal(ps.items[0].line, 1);
    assert_int_equal(ps.items[0].column, 2);
    assert_string_equal(al_doc_attr(&doc, "selfHelpType")->value, "advisorRecommendationMetadata");
    assert_non_null(doc.body);
    al_doc_release(&doc);
    load_str(&doc, &ps, "< properties selfHelpType=\"troubleshooter\" />\n# T\n");
    assert_true(doc.skipped);
    al_doc_release(&doc);
    /* "<propertiesX" and "< property" are no header */
    load_str(&doc, &ps, "< property a=\"b\" />\n");
    assert_true(doc.skipped);
    al_doc_release(&doc);
}

static void test_yaml_body(void **state)
{
    al_doc yd, jd;
    problems yp, jp;
    size_t yl, jl;
    char *y = slurp("valid/body-only.yaml", &yl);
    char *j = slurp("valid/body-only.json", &jl);
    const al_posentry *e;
    (void)state;
    load(&yd, &yp, y, yl, AL_DOC_YAML);
    load(&jd, &jp, j, jl, AL_DOC_JSON);
    assert_int_equal(yp.count, 0);
    assert_int_equal(jp.count, 0);
    /* the two fixtures differ only by recommendationTypeId and friendly name (unique per file) */
    assert_string_not_equal(json_string_value(json_object_get(yd.body, "recommendationTypeId")),
                            json_string_value(json_object_get(jd.body, "recommendationTypeId")));
    json_object_del(yd.body, "recommendationTypeId");
    json_object_del(jd.body, "recommendationTypeId");
    json_object_del(yd.body, "recommendationFriendlyName");
    json_object_del(jd.body, "recommendationFriendlyName");
    assert_true(json_equal(yd.body, jd.body));
    e = entry(&yd, "/dataSourceMetadata/refreshInterval");
    assert_pos(&yd, e->key_off, 9, 3);
    assert_pos(&yd, e->val_off, 9, 22);
    e = entry(&yd, "/actions/0/actionType");
    assert_pos(&yd, e->key_off, 33, 5);
    al_doc_release(&yd);
    al_doc_release(&jd);
    free(y);
    free(j);
}

static void test_yaml_problems(void **state)
{
    al_doc doc;
    problems ps;
    static const char dup[] = "a: 1\nb:\n  c: x\n  c: y\n";
    static const char bad[] = "a: [1, 2\nb: 3\n";
    static const char scalars[] = "n: ~\nt: true\ni: -12\nf: 1.5\ns: '12'\ne:\n";
    (void)state;
    load(&doc, &ps, dup, sizeof(dup) - 1, AL_DOC_YAML);
    assert_int_equal(ps.count, 1);
    assert_string_equal(ps.items[0].rule, "duplicate-key");
    assert_int_equal(ps.items[0].line, 4);
    assert_int_equal(ps.items[0].column, 3);
    assert_int_equal(ps.items[0].rel_line, 3);
    al_doc_release(&doc);
    load(&doc, &ps, bad, sizeof(bad) - 1, AL_DOC_YAML);
    assert_int_equal(ps.count, 1);
    assert_string_equal(ps.items[0].rule, "json-syntax");
    assert_null(doc.body);
    al_doc_release(&doc);
    load(&doc, &ps, scalars, sizeof(scalars) - 1, AL_DOC_YAML);
    assert_int_equal(ps.count, 0);
    assert_true(json_is_null(json_object_get(doc.body, "n")));
    assert_true(json_is_true(json_object_get(doc.body, "t")));
    assert_int_equal(json_integer_value(json_object_get(doc.body, "i")), -12);
    assert_true(json_is_real(json_object_get(doc.body, "f")));
    assert_string_equal(json_string_value(json_object_get(doc.body, "s")), "12");
    assert_true(json_is_null(json_object_get(doc.body, "e")));
    al_doc_release(&doc);
}

static void test_agrees_with_jansson(void **state)
{
    static const char body[] = HEADER
        "{\"s\": \"a\\u00e9\\ud83d\\ude00\\n\\\"\", \"n\": [-0, 1.5e3, 12345678901234, -1e-2],"
        " \"o\": {\"a/b\": {\"~x\": [true, false, null, {}, []]}}, \"\": \"empty key\"}\n---\n";
    al_doc doc;
    problems ps;
    char why[256];
    (void)state;
    load_str(&doc, &ps, body);
    assert_int_equal(ps.count, 0);
    if (index_check(&doc, why, sizeof(why)) != 0)
        fail_msg("%s", why);
    assert_non_null(al_posindex_find(&doc.index, "/o/a~1b/~0x/4"));
    al_doc_release(&doc);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_seed_reads_clean),
        cmocka_unit_test(test_crlf_bom_same_positions),
        cmocka_unit_test(test_tabs_in_header),
        cmocka_unit_test(test_raw_control_characters),
        cmocka_unit_test(test_control_character_keeps_going),
        cmocka_unit_test(test_trailing_commas),
        cmocka_unit_test(test_duplicate_key),
        cmocka_unit_test(test_fatal_syntax_errors),
        cmocka_unit_test(test_unclosed_string),
        cmocka_unit_test(test_nesting_limit),
        cmocka_unit_test(test_missing_fences),
        cmocka_unit_test(test_header_unclosed_and_malformed),
        cmocka_unit_test(test_title_missing),
        cmocka_unit_test(test_non_ascii_columns),
        cmocka_unit_test(test_encodings),
        cmocka_unit_test(test_not_metadata_is_skipped),
        cmocka_unit_test(test_metadata_by_path),
        cmocka_unit_test(test_space_in_header_start),
        cmocka_unit_test(test_yaml_body),
        cmocka_unit_test(test_yaml_problems),
        cmocka_unit_test(test_agrees_with_jansson),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
