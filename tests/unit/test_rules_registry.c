/*
 * test_rules_registry.c - the rule table is sorted, ids are kebab-case, docs complete.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

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

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_sorted_kebab_documented),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
