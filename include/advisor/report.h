/*
 * report.h - reporters: findings to text, JSON and the other output formats.
 *
 * Reporters only format. Each writes one complete report of a run to a
 * stdio stream and returns 0, or -1 when writing failed (errno set).
 */
#ifndef ADVISOR_REPORT_H
#define ADVISOR_REPORT_H

#include <stdio.h>

#include "finding.h"
#include "export.h"

AL_BEGIN_DECLS

/*
 * A rule as reports describe it: the registry's descriptor, handed in by
 * the caller so that formatting findings never depends on the rules.
 */
typedef struct al_rule_info {
    const char *id;
    al_severity severity;        /* default severity */
    const char *summary;         /* one line */
    const char *doc;             /* Markdown: what, why, example, fix */
    const char *when;            /* when a per-file rule runs, given the body's state
                                    (one sentence), or "" for the others */
} al_rule_info;

typedef struct al_report_info {
    const char *tool;            /* "advisor-lint" */
    const char *version;
    size_t checked, skipped;     /* files */
    size_t unreadable;           /* paths that could not be read */
    size_t ignored;              /* files the config's ignore globs name, not read */
    int color;                   /* text only: ANSI colours */
    const char *info_uri;        /* SARIF: the tool's home page */
    const char *base_dir;        /* SARIF: absolute directory file URIs are relative to */
    int baseline;                /* a baseline was applied: */
    size_t baseline_known;       /*   findings it recorded, not shown */
    size_t baseline_fixed;       /*   its entries no finding matches any more */
    const al_rule_info *rules;   /* SARIF: every rule, sorted by id (the driver's rules) */
    size_t nrules;
} al_report_info;

/*
 * `path:line:col: severity: message [rule-id]` per finding, then a summary
 * line ("2 errors, 1 warning in 1 of 3 files (1 skipped: not advisor
 * metadata)", or "no problems in 3 files"); unreadable paths count as files.
 * When no file was checked, a line says so, so an empty run is visible:
 * "nothing checked: no advisor metadata among the 3 files given (...)".
 * With info->baseline, a last line: "baseline: 3 known findings not shown,
 * 1 entry fixed".
 */
AL_API int al_report_text(FILE *out, const al_findings *list, const al_report_info *info);

/* The text report's closing summary line alone. */
AL_API int al_report_text_summary(FILE *out, const al_findings *list, const al_report_info *info);

/*
 * One JSON document: {"tool", "version", "files": {"checked", "skipped", "unreadable",
 * "ignored"}, "nothingChecked" (true when no file was checked), "summary":
 * {"error", "warning", "info"}, "findings": [{"file", "line",
 * "column", "endLine", "endColumn", "pointer", "rule", "severity", "message"}]},
 * with "baseline": {"known", "fixed"} after "summary" when one was applied.
 */
AL_API int al_report_json(FILE *out, const al_findings *list, const al_report_info *info);

/*
 * SARIF 2.1.0, as GitHub code scanning accepts it: tool.driver with every
 * rule of info->rules (id, short and full description, help from the rule doc, default
 * level), then one result per finding (ruleId, ruleIndex, level, message,
 * artifactLocation.uri relative to info->base_dir, a 1-based region, and
 * partialFingerprints "advisorLint/v1"; fixes for the findings --fix fixes).
 */
AL_API int al_report_sarif(FILE *out, const al_findings *list, const al_report_info *info);

/*
 * GitHub Actions annotations (`::error file=...,line=...,col=...,endLine=...,
 * endColumn=...,title=RULE::message`, escaped), then the text report
 * without colour, since the runner shows only ten annotations per level.
 */
AL_API int al_report_github(FILE *out, const al_findings *list, const al_report_info *info);

AL_END_DECLS

#endif
