/*
 * main.c - advisor-lint: parse options, run the lint, print the report.
 *
 * Everything that decides anything lives in the validator library; this
 * file only wires options to it and turns the outcome into an exit status:
 * 0 no errors, 1 errors found, 2 usage or I/O trouble.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../lint/lint.h"
#include "../lint/schema_load.h"
#include "../report/report.h"
#include "../rules/rule.h"
#include "options.h"

#ifndef AL_VERSION
#define AL_VERSION "0.0.0"
#endif

enum { EXIT_CLEAN = 0, EXIT_FINDINGS = 1, EXIT_TROUBLE = 2 };

static int list_rules(void)
{
    size_t n, i;
    const al_rule *const *rules = al_rules_all(&n);
    for (i = 0; i < n; i++)
        printf("%-28s %-8s %s\n", rules[i]->id, al_severity_name(rules[i]->severity),
               rules[i]->summary);
    return EXIT_CLEAN;
}

static int explain(const char *id)
{
    const al_rule *r = al_rule_find(id);
    if (!r) {
        fprintf(stderr, "advisor-lint: unknown rule '%s' (see --list-rules)\n", id);
        return EXIT_TROUBLE;
    }
    printf("# %s (%s)\n\n%s\n\n%s\n", r->id, al_severity_name(r->severity), r->summary, r->doc);
    return EXIT_CLEAN;
}

static int want_color(int opt)
{
    const char *nc = getenv("NO_COLOR");
    if (opt >= 0)
        return opt;
    if (nc && *nc)
        return 0;
    return isatty(STDOUT_FILENO);
}

static int lint(const tool_options *o)
{
    al_lint_options lo;
    al_lint_stats stats;
    al_findings findings;
    al_report_info info;
    jsch_schema *schema = NULL;
    char err[1024];
    int rc, wrote;

    memset(&lo, 0, sizeof(lo));
    if (o->schema_path)
        schema = al_schema_load(o->schema_path, NULL, NULL, o->maps, o->nmaps, err, sizeof(err));
    else
        schema = al_schema_load(NULL, al_advisor_schema, AL_ADVISOR_SCHEMA_NAME, o->maps, o->nmaps,
                                err, sizeof(err));
    if (!schema) {
        fprintf(stderr, "advisor-lint: %s\n", err);
        return EXIT_TROUBLE;
    }
    lo.schema = schema;
    lo.schema_only = o->schema_only;
    al_findings_init(&findings);
    if (al_lint_paths(&lo, o->paths, o->npaths, &findings, &stats) != 0) {
        fprintf(stderr, "advisor-lint: out of memory\n");
        al_findings_release(&findings);
        jsch_schema_free(schema);
        return EXIT_TROUBLE;
    }
    memset(&info, 0, sizeof(info));
    info.tool = "advisor-lint";
    info.version = AL_VERSION;
    info.checked = stats.checked;
    info.skipped = stats.skipped;
    info.unreadable = stats.unreadable;
    info.color = o->format == FORMAT_TEXT && want_color(o->color);
    wrote = o->format == FORMAT_JSON ? al_report_json(stdout, &findings, &info)
                                     : al_report_text(stdout, &findings, &info);
    if (stats.unreadable || wrote != 0)
        rc = EXIT_TROUBLE;
    else
        rc = findings.by_severity[AL_SEV_ERROR] ? EXIT_FINDINGS : EXIT_CLEAN;
    al_findings_release(&findings);
    jsch_schema_free(schema);
    return rc;
}

int main(int argc, char **argv)
{
    tool_options o;
    int rc = tool_options_parse(&o, argc, argv);

    if (rc == 0) {
        switch (o.action) {
        case ACTION_HELP:
            tool_print_help();
            break;
        case ACTION_VERSION:
            printf("advisor-lint %s\n", AL_VERSION);
            break;
        case ACTION_LIST_RULES:
            rc = list_rules();
            break;
        case ACTION_EXPLAIN:
            rc = explain(o.explain);
            break;
        case ACTION_LINT:
            rc = lint(&o);
            break;
        }
    }
    tool_options_release(&o);
    if (fclose(stdout) != 0 && rc == EXIT_CLEAN) {
        perror("advisor-lint: stdout");
        rc = EXIT_TROUBLE;
    }
    return rc;
}
