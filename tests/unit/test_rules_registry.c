/*
 * test_rules_registry.c - the rule table is sorted, ids are kebab-case, docs complete;
 * the rules that run on a broken body never read it; each kind of reader
 * problem is reported by its own registered rule.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "rules/check.h"
#include "reader/document.h"
#include "rules/rule.h"

static int is_kebab(const char *id)
{
    const char *p;
    if (!*id || *id == '-')
        return 0;
    for (p = id; *p; p++) {
        if (!((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || *p == '-'))
            return 0;
        if (*p == '-' && (p[1] == '-' || p[1] == '\0'))
            return 0;
    }
    return 1;
}

static void test_sorted_kebab_documented(void **state)
{
    size_t n, i;
    const al_rule *const *rules = al_rules_all(&n);
    (void)state;
    assert_true(n > 0);
    for (i = 0; i < n; i++) {
        const al_rule *r = rules[i];
        if (!is_kebab(r->id))
            fail_msg("rule id '%s' is not kebab-case", r->id);
        if (i > 0 && strcmp(rules[i - 1]->id, r->id) >= 0)
            fail_msg("rule table not sorted at '%s'", r->id);
        assert_true(r->severity >= AL_SEV_INFO && r->severity <= AL_SEV_ERROR);
        assert_true(strlen(r->summary) > 10);
        /* summaries are lowercase with no full stop */
        assert_false(r->summary[0] >= 'A' && r->summary[0] <= 'Z');
        assert_true(r->summary[strlen(r->summary) - 1] != '.');
        if (!strstr(r->doc, "## What it flags") || !strstr(r->doc, "## Why it matters") ||
            !strstr(r->doc, "## Example") || !strstr(r->doc, "## Fix"))
            fail_msg("rule '%s' doc lacks a section", r->id);
        assert_ptr_equal(al_rule_find(r->id), r);
    }
    assert_null(al_rule_find("no-such-rule"));
}

/*
 * The rules listed to run without a body are per-file rules, and on a file
 * whose body is broken (header and title full of defects) they report only
 * about the header and title: no finding of theirs has a body pointer.
 */
static void test_rules_without_body_read_no_body(void **state)
{
    static const char text[] =
        "<properties pageTitle=\"Sample title\" articleId=\"not-a-guid_Publik\"\n"
        "  cloudEnvironments=\"publik, mooncake\" selfHelpType=\"advisorRecommendationMetadata\"\n"
        "  Description=\"x\" />\n# Sample title\n---\n{\"recommendationTypeId\": tru}\n---\n";
    size_t n, i, k, listed = 0;
    const al_rule *const *rules = al_rules_all(&n);
    al_source src;
    al_doc doc;
    al_findings out;
    al_check c;
    (void)state;
    assert_int_equal(al_source_from_memory(&src, "x.md", text, sizeof(text) - 1), 0);
    assert_int_equal(al_doc_load(&doc, &src, AL_DOC_MARKDOWN, NULL), 0);
    assert_null(doc.body);
    al_findings_init(&out);
    memset(&c, 0, sizeof(c));
    c.doc = &doc;
    c.file = "x.md";
    c.out = &out;
    for (i = 0; i < n; i++) {
        if (!al_rule_runs_without_body(rules[i]))
            continue;
        listed++;
        if (!rules[i]->check)
            fail_msg("rule '%s' is listed to run without a body but has no per-file check",
                     rules[i]->id);
        c.rule = rules[i];
        rules[i]->check(&c);
    }
    assert_true(listed >= 7);
    /* header and title defects were found, each at the header or title */
    assert_true(out.count >= 5);
    for (k = 0; k < out.count; k++)
        if (out.items[k].pointer)
            fail_msg("rule '%s' reported at body pointer '%s' on a file without a body",
                     out.items[k].rule, out.items[k].pointer);
    /* and the body rules are not listed */
    assert_false(al_rule_runs_without_body(al_rule_find("empty-required")));
    assert_false(al_rule_runs_without_body(al_rule_find("schema")));
    assert_true(al_rule_runs_without_body(al_rule_find("article-id")));
    al_findings_release(&out);
    al_doc_release(&doc);
}

/* The expected rule of each kind, written out so a table entry left out or
 * bound to the wrong rule fails here. */
static void test_read_problems_have_rules(void **state)
{
    static const char *const want[AL_READ_PROBLEM_COUNT] = {
        [AL_READ_ENCODING] = "encoding",
        [AL_READ_HEADER_MISSING] = "header-missing",
        [AL_READ_HEADER_UNCLOSED] = "header-unclosed",
        [AL_READ_HEADER_SYNTAX] = "header-syntax",
        [AL_READ_TITLE_MISSING] = "title-missing",
        [AL_READ_FENCE_MISSING] = "fence-missing",
        [AL_READ_SELF_HELP_TYPE] = "self-help-type",
        [AL_READ_JSON_SYNTAX] = "json-syntax",
        [AL_READ_JSON_CONTROL_CHARACTER] = "json-control-character",
        [AL_READ_JSON_TRAILING_COMMA] = "json-trailing-comma",
        [AL_READ_DUPLICATE_KEY] = "duplicate-key",
    };
    int k;
    (void)state;
    for (k = 0; k < AL_READ_PROBLEM_COUNT; k++) {
        const al_rule *rule = al_rule_for_read_problem((al_read_problem)k);
        assert_non_null(want[k]);
        assert_non_null(rule);
        assert_string_equal(rule->id, want[k]);
        assert_ptr_equal(al_rule_find(rule->id), rule); /* registered, not a stray copy */
        assert_null(rule->check);                       /* reported by the reader, not a check */
    }
    assert_null(al_rule_for_read_problem(AL_READ_PROBLEM_COUNT));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_sorted_kebab_documented),
        cmocka_unit_test(test_rules_without_body_read_no_body),
        cmocka_unit_test(test_read_problems_have_rules),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
